"""Demo moderation: ``load_demo()`` after the proposals' demo. Idempotent.

A few reports on the demo discussion, so that the queue of the demo moderator is not empty: one
comment reported once (still visible), another reported by three residents (hidden until reviewed).
The comments are found through the moderation contract: without a comments app, no report.
"""

from django.db import transaction

from consultations.demo import demo_resident
from consultations.moderation import get_kind
from consultations.refusals import Refused

from . import services
from .models import Reason

REPORTS = [
    # (index of the comment in the demo thread, reporter, reason, note)
    (1, "citoyenne", Reason.OFF_TOPIC, "L'arrosage n'est pas le sujet de la proposition."),
    (2, "habitant1", Reason.SPAM, "Le conseil fait sa publicité à chaque commentaire."),
    (2, "habitant2", Reason.SPAM, ""),
    (2, "habitant3", Reason.OTHER, "Message répété."),
]


def load_demo():
    kind = get_kind("comment")
    if kind is None:
        return
    comments = list(kind.model_class.objects.order_by("pk")[:5])
    for index, reporter, reason, note in REPORTS:
        if index >= len(comments):
            continue
        try:
            with transaction.atomic():
                services.report(demo_resident(reporter), "comment", comments[index].pk, reason, note)
        except Refused:  # already reported on an earlier run, or the reporter wrote it
            continue

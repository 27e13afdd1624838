from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import translation

from consultations.conf import get_setting
from consultations.moderation import moderators_q
from consultations.visibility import people_who_see

from .models import Proposal


def answer_recipients(proposal):
    """The author, the supporters and the followers, once each, among those who may read the proposal
    now (at send time): the moderators alone, once hidden; its author and the moderators, while
    pending; under a draft or private consultation, those who may see the consultation."""
    people = get_user_model().objects.filter(
        Q(pk=proposal.author_id) | Q(proposal_supports__proposal=proposal) | Q(pk__in=proposal.follows.values("user"))
    )
    if proposal.is_hidden:
        people = people.filter(moderators_q())
    elif proposal.is_pending:
        people = people.filter(Q(pk=proposal.author_id) | moderators_q())
    people = people_who_see(proposal.consultation, people)
    return people.filter(is_active=True).values_list("email", flat=True).distinct().order_by()


def send_answer_messages(proposal_id):
    proposal = Proposal.objects.select_related("answered_by", "consultation").get(pk=proposal_id)
    context = {
        "proposal": proposal,
        "site_name": get_setting("SITE_NAME"),
        "url": get_setting("SITE_URL").rstrip("/") + proposal.get_absolute_url(),
    }
    with translation.override("fr"):
        subject = " ".join(render_to_string("proposals/email/answer_subject.txt", context).split())
        body = render_to_string("proposals/email/answer_body.txt", context)
    connection = get_connection()
    batch = []
    for email in answer_recipients(proposal).iterator(chunk_size=500):
        batch.append(EmailMessage(subject, body, None, [email], connection=connection))
        if len(batch) == 200:
            connection.send_messages(batch)
            batch = []
    if batch:
        connection.send_messages(batch)

"""A double submit — the same content from the same person within a few seconds, as a double click
or a resend after a slow answer makes — is answered with what the first one saved.

The author's row is locked first (``SELECT ... FOR UPDATE``), so one person's concurrent submissions
run one after another: the second finds the first and returns it, where both would otherwise insert.
Different people never wait for each other. Call inside the service's transaction.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from .conf import get_setting


def earlier_submission(queryset, person, /, **same):
    """The row of ``queryset`` this person saved with the same values within the window, or None."""
    list(get_user_model().objects.select_for_update().filter(pk=person.pk).values_list("pk", flat=True))
    since = timezone.now() - timedelta(seconds=get_setting("DUPLICATE_SUBMIT_SECONDS"))
    return queryset.filter(created_at__gte=since, **same).order_by("pk").first()

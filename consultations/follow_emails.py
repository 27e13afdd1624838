"""News of a consultation for the people who joined it, each email with a one-click unsubscribe."""

from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from .conf import get_setting
from .models import Consultation, Follow, Step
from .visibility import people_who_see

UNSUBSCRIBE_SALT = "consultations.unsubscribe"


def unsubscribe_token(follow):
    return signing.dumps({"follow": follow.pk, "user": follow.user_id}, salt=UNSUBSCRIBE_SALT)


def follow_id_from_token(token):
    """The Follow id a token was made for, or None if it was forged or mangled."""
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("follow"), int):
        return None
    return data["follow"]


def _site_url():
    return get_setting("SITE_URL").rstrip("/")


def _send_to_followers(consultation, template_prefix, extra):
    # Read at send time: a consultation back to draft, or made private, is news for nobody else.
    follows = people_who_see(
        consultation, Follow.objects.filter(consultation=consultation, email_notifications=True), field="user"
    ).select_related("user").order_by("pk")
    site_url = _site_url()
    sent = 0
    for membership in follows.iterator():
        if not membership.user.is_active or not membership.user.email:
            continue
        unsubscribe_url = site_url + reverse(
            "consultations:unsubscribe", args=[unsubscribe_token(membership)]
        )
        context = {
            "consultation": consultation,
            "site_name": get_setting("SITE_NAME"),
            "site_url": site_url,
            "consultation_url": site_url + consultation.get_absolute_url(),
            "unsubscribe_url": unsubscribe_url,
            **extra,
        }
        with translation.override("fr"):
            subject = " ".join(render_to_string(f"{template_prefix}_subject.txt", context).split())
            body = render_to_string(f"{template_prefix}_body.txt", context)
        message = EmailMultiAlternatives(
            subject=subject,
            body=body,
            to=[membership.user.email],
            headers={
                "List-Unsubscribe": f"<{unsubscribe_url}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            },
        )
        message.send()
        sent += 1
    return sent


def send_step_opened(step_id):
    step = Step.objects.select_related("consultation").filter(pk=step_id).first()
    if step is None:
        return 0
    return _send_to_followers(step.consultation, "consultations/email/step_opened", {"step": step})


def send_synthesis_published(consultation_id):
    consultation = Consultation.objects.filter(pk=consultation_id).first()
    if consultation is None:
        return 0
    return _send_to_followers(consultation, "consultations/email/synthesis_published", {})

"""The author learns why their content was hidden (and how to ask for a review) or restored."""

from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from consultations.conf import get_setting
from consultations.notifications import site_url
from consultations.outbox import send_once

from .models import ActionKind, Block, Case

TEMPLATES = {
    ActionKind.HIDE: "hidden",
    ActionKind.AUTO_HIDE: "hidden",
    ActionKind.RESTORE: "restored",
}


def _send(template, context, recipient):
    context = {**context, "site_name": get_setting("SITE_NAME")}
    with translation.override("fr"):
        subject = " ".join(render_to_string(f"moderation/email/{template}_subject.txt", context).split())
        body = render_to_string(f"moderation/email/{template}_body.txt", context)
    send_once(EmailMessage(subject, body, None, [recipient]), task=f"moderation/{template}")


def send_decision_message(case_id, action):
    case = Case.objects.select_related("author").get(pk=case_id)
    if case.author is None or not case.author.email or action not in TEMPLATES:
        return
    context = {
        "case": case,
        "automatic": action == ActionKind.AUTO_HIDE,
        "content_url": site_url(case.url) if case.url else "",
        "review_url": "" if case.review_was_requested else site_url(reverse("moderation:review", args=[case.pk])),
    }
    _send(TEMPLATES[action], context, case.author.email)


def send_block_message(block_id):
    record = Block.objects.select_related("user").get(pk=block_id)
    if not record.user.email:
        return
    _send("blocked", {"block": record, "privacy_url": site_url(reverse("privacy"))}, record.user.email)

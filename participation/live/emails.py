"""The author of a message or question a facilitator hid learns it by e-mail too, with the reason."""

from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from consultations.conf import get_setting
from consultations.identity import public_name
from consultations.notifications import site_url
from consultations.outbox import send_once

from .models import RoomEvent


def send_hidden_message(event_id):
    event = RoomEvent.objects.select_related("room__event", "message__author", "question__author").get(pk=event_id)
    item = event.message if event.message_id else event.question
    author = item.author
    if author is None or not author.email:
        return
    context = {
        "name": public_name(author),
        "event": event.room.event,
        "is_question": event.message_id is None,
        "excerpt": event.data.get("excerpt", ""),
        "reason": event.data.get("reason_label", ""),
        "note": event.data.get("note", ""),
        "room_url": site_url(reverse("live:room", args=[event.room.event.slug])),
        "site_name": get_setting("SITE_NAME"),
    }
    with translation.override("fr"):
        subject = " ".join(render_to_string("live/email/hidden_subject.txt", context).split())
        body = render_to_string("live/email/hidden_body.txt", context)
    send_once(EmailMessage(subject, body, None, [author.email]), task="live/hidden")

"""What a write in a live room must pass before it is saved: who writes, their text, their pace."""

from datetime import timedelta

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django_ratelimit.core import is_ratelimited

from consultations.moderation import posting_refusal

from . import rules as live_rules
from .conf import live_setting
from .models import Message, Question, Sanction, SanctionKind, Status


class Refused(Exception):
    """An action the room does not accept; ``message`` is shown to the person."""

    def __init__(self, code, message, retry_after=None):
        super().__init__(message)
        self.code = code
        self.message = str(message)
        self.retry_after = retry_after


def when(moment):
    return date_format(timezone.localtime(moment), "j F H:i")


def check_can_write(room, user, now):
    if not user.is_authenticated:
        raise Refused("not_signed_in", _("Log in to take part."))
    refuse_if_blocked(user)
    if not live_rules.is_citizen(user) or not live_rules.is_published_room(user, room):
        raise Refused("forbidden", _("You cannot write in this room."))
    if not room.is_open(now):
        raise Refused("closed", _("The room is closed."))
    sanction = (
        Sanction.objects.filter(room=room, user=user, until__gt=now).order_by("kind", "-until").first()
    )
    if sanction is not None:
        if sanction.kind == SanctionKind.BAN:
            raise Refused("banned", _("You are banned from this room until %(when)s.") % {"when": when(sanction.until)})
        raise Refused("muted", _("You are muted until %(when)s.") % {"when": when(sanction.until)})


def refuse_if_blocked(user):
    blocked = posting_refusal(user)
    if blocked:
        raise Refused("blocked", blocked)


def check_body(body):
    body = (body or "").strip() if isinstance(body, str) else ""
    if not body:
        raise Refused("empty", _("Write something first."))
    limit = live_setting("MAX_LENGTH")
    if len(body) > limit:
        raise Refused("too_long", _("Your text is longer than %(limit)s characters.") % {"limit": limit})
    return body


def check_address_pace(address):
    """Every action from one IP address counts against its limit, whoever is signed in."""
    window = live_setting("RATE_SECONDS")
    if address and is_ratelimited(
        None, group="live-ip", key=lambda _group, _request: address, rate=(live_setting("IP_RATE_COUNT"), window),
        increment=True,
    ):
        raise Refused("rate_limited", _("Too many actions from your connection: wait a few seconds."), retry_after=window)


def check_pace(room, user, now, slow):
    window = timedelta(seconds=live_setting("RATE_SECONDS"))
    recent_messages = Message.objects.filter(room=room, author=user, created_at__gt=now - window)
    recent_questions = Question.objects.filter(room=room, author=user, created_at__gt=now - window)
    if recent_messages.count() + recent_questions.count() >= live_setting("RATE_COUNT"):
        raise Refused(
            "rate_limited",
            _("You are writing too fast: wait a few seconds."),
            retry_after=live_setting("RATE_SECONDS"),
        )
    if slow and room.slow_mode_seconds:
        last = Message.objects.filter(room=room, author=user).order_by("-created_at").first()
        if last is not None:
            wait = room.slow_mode_seconds - (now - last.created_at).total_seconds()
            if wait > 0:
                seconds = int(wait) + 1
                raise Refused(
                    "slow_mode",
                    _("Slow mode: wait %(seconds)s seconds before your next message.") % {"seconds": seconds},
                    retry_after=seconds,
                )


def initial_status(room, user):
    if room.premoderated and not live_rules.can_facilitate(user, room):
        return Status.PENDING
    return Status.VISIBLE


def already_saved(model, room, user, client_id):
    """What a resend of the same send (same ``client_id``, made by the client) saved the first time."""
    if client_id is None or not user.is_authenticated:
        return None
    saved = model.objects.filter(room=room, author=user, client_id=client_id).first()
    if saved is not None:
        saved.already_saved = True
    return saved

"""What a write in a live room must pass before it is saved: who writes, their text, their pace."""

from collections import Counter
from datetime import timedelta

from django.db.models import Count, Max
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


_UNREAD = object()


def check_can_write(room, user, now, sanction=_UNREAD, person_checked=False):
    """``sanction``: the person's sanction in force (ban first), when the caller read it for many at once;
    ``person_checked``: the caller has checked the account already (signed in, not blocked, a citizen)."""
    if not person_checked:
        if not user.is_authenticated:
            raise Refused("not_signed_in", _("Log in to take part."))
        refuse_if_blocked(user)
    if (not person_checked and not live_rules.is_citizen(user)) or not live_rules.is_published_room(user, room):
        raise Refused("forbidden", _("You cannot write in this room."))
    if not room.is_open(now):
        raise Refused("closed", _("The room is closed."))
    if sanction is _UNREAD:
        sanction = Sanction.objects.filter(room=room, user=user, until__gt=now).order_by("kind", "-until").first()
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
    last = None
    if slow and room.slow_mode_seconds:
        last = Message.objects.filter(room=room, author=user).order_by("-created_at").first()
    check_counted_pace(room, now, recent_messages.count() + recent_questions.count(), last and last.created_at, slow)


def check_counted_pace(room, now, recent, last_message_at, slow):
    """``check_pace`` on figures already read: ``recent`` messages and questions within the window,
    the person's last message's time (None: none)."""
    if recent >= live_setting("RATE_COUNT"):
        raise Refused(
            "rate_limited",
            _("You are writing too fast: wait a few seconds."),
            retry_after=live_setting("RATE_SECONDS"),
        )
    if slow and room.slow_mode_seconds:
        if last_message_at is not None:
            wait = room.slow_mode_seconds - (now - last_message_at).total_seconds()
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


class BatchChecks:
    """The checks of a batch of sends (``services.post_sends``), read once for all their authors.

    The sanctions in force, the sends within the pace window and the last message of every author
    come in one query each, not a few per send; each accepted send is counted here at once, so that
    the next send of the same person in the batch is checked as if the first were already saved.
    Rights (citizen, blocked, facilitator) are read once per author and batch.
    """

    def __init__(self, room, users, now, known=None):
        """``known``: {user id: (citizen, facilitates)} of the people whose account-wide rights (a
        citizen, a facilitator of the event) their connection read moments ago (``writer``);
        the others are read here, once each, and added to ``known`` for the next batches."""
        self.room = room
        self.now = now
        self.known = known if known is not None else {}
        ids = {user.pk for user in users if user.is_authenticated}
        self.sanctions = {}
        for sanction in Sanction.objects.filter(room=room, user_id__in=ids, until__gt=now).order_by("kind", "-until"):
            self.sanctions.setdefault(sanction.user_id, sanction)
        since = now - timedelta(seconds=live_setting("RATE_SECONDS"))
        self.recent = Counter()
        for model in (Message, Question):
            rows = model.objects.filter(room=room, author_id__in=ids, created_at__gt=since).values("author_id")
            self.recent.update(dict(rows.order_by().annotate(n=Count("pk")).values_list("author_id", "n")))
        self.last_message_at = {}
        if room.slow_mode_seconds:
            rows = Message.objects.filter(room=room, author_id__in=ids).values("author_id")
            self.last_message_at = dict(rows.order_by().annotate(last=Max("created_at")).values_list("author_id", "last"))
        self._rights = {}

    def _person(self, user):
        """(citizen, facilitates): what depends on the account and changes rarely, unlike a block (its
        own shared cache, asked for each batch) or the room's state."""
        if user.pk not in self.known:
            self.known[user.pk] = (bool(live_rules.is_citizen(user)), bool(live_rules.can_facilitate(user, self.room)))
        return self.known[user.pk]

    def _right(self, user):
        """(refusal or None, facilitates, initial status) of a person, as ``check_can_write`` decides,
        in its order: signed in, not blocked, a citizen, the room published and open, sanctions."""
        if user.pk not in self._rights:
            facilitates, refusal = False, None
            try:
                if not user.is_authenticated:
                    raise Refused("not_signed_in", _("Log in to take part."))
                refuse_if_blocked(user)
                citizen, facilitates = self._person(user)
                if not citizen:
                    raise Refused("forbidden", _("You cannot write in this room."))
                check_can_write(self.room, user, self.now, sanction=self.sanctions.get(user.pk), person_checked=True)
            except Refused as refused:
                refusal = refused
            status = Status.PENDING if self.room.premoderated and not facilitates else Status.VISIBLE
            self._rights[user.pk] = (refusal, facilitates, status)
        return self._rights[user.pk]

    def check(self, user, body, address, slow):
        """The send's checked body and status, as ``post_message`` checks one; raises ``Refused``."""
        refusal, facilitates, status = self._right(user)
        if refusal is not None:
            raise refusal
        body = check_body(body)
        if not facilitates:
            check_address_pace(address)
            check_counted_pace(self.room, self.now, self.recent[user.pk], self.last_message_at.get(user.pk), slow)
        return body, status

    def accepted(self, user, slow):
        self.recent[user.pk] += 1
        if slow:
            self.last_message_at[user.pk] = self.now

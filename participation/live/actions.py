"""What each client frame does: its checked fields and the service that performs it.

The consumer decodes a frame, looks its type up in ``ACTIONS``, checks its fields (``frames``) and
calls the method here in a worker thread; the method hands the action to ``services``.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.contrib.sessions.models import Session
from django.utils.translation import gettext as _

from . import frames, polls_services, services
from .models import SanctionKind

_send_fields = {"body": frames.text, "client_id": frames.client_key}
_sanction_fields = {"user": frames.identifier, "minutes": frames.whole_number, "reason": frames.text}

# Client frame type -> the consumer method that performs it, and the fields it reads, each with its check.
ACTIONS = {
    "message.send": ("send_message", _send_fields),
    "question.ask": ("ask_question", _send_fields),
    "question.vote": ("vote", {"question": frames.identifier}),
    "message.approve": ("approve_message", {"message": frames.identifier}),
    "message.hide": ("hide_message", {"message": frames.identifier, "reason": frames.text, "note": frames.text}),
    "message.restore": ("restore_message", {"message": frames.identifier}),
    "question.approve": ("approve_question", {"question": frames.identifier}),
    "question.hide": ("hide_question", {"question": frames.identifier, "reason": frames.text, "note": frames.text}),
    "question.restore": ("restore_question", {"question": frames.identifier}),
    "question.answer": ("answer_question", {"question": frames.identifier}),
    "question.pin": ("pin_question", {"question": frames.optional_identifier}),
    "question.project": ("project_question", {"question": frames.optional_identifier}),
    "user.mute": ("mute_user", _sanction_fields),
    "user.ban": ("ban_user", _sanction_fields),
    "room.update": (
        "update_room",
        {"state": frames.text, "slow_mode_seconds": frames.whole_number, "premoderated": frames.flag},
    ),
    "poll.create": (
        "create_poll",
        {"kind": frames.text, "question": frames.text, "options": frames.texts, "results_hidden": frames.flag,
         "launch": frames.flag},
    ),
    "poll.open": ("open_poll", {"poll": frames.identifier}),
    "poll.close": ("close_poll", {"poll": frames.identifier}),
    "poll.reveal": ("reveal_poll", {"poll": frames.identifier}),
    "poll.answer": (
        "answer_poll",
        {"poll": frames.identifier, "options": frames.identifiers, "scale": frames.whole_number, "text": frames.text},
    ),
}

# The actions that carry a client_id: services pace them, after recognising a resend.
SENDS = {"send_message", "ask_question"}


class ActionsMixin:
    """Needs ``room_id``, ``user``, ``scope`` and ``can_facilitate`` from the consumer."""

    def _act(self, method, frame):
        user = self._current_user()
        # Facilitators are exempt from every rate limit, as in services. A send checks the address's
        # pace in services, once it knows the send is not a resend of one already saved.
        if not self.can_facilitate and method not in SENDS:
            services.check_address_pace(self._address())
        return getattr(self, method)(user, frame)

    def _address(self):
        return (self.scope.get("client") or ("",))[0]

    def _current_user(self):
        """The user as the database and the session see them now, not as they were at connect."""
        if not self.user.is_authenticated:
            return AnonymousUser()
        session = self.scope.get("session")
        key = getattr(session, "session_key", None)
        if not key or not session.exists(key):
            return AnonymousUser()
        user = get_user_model().objects.filter(pk=self.user.pk, is_active=True).first()
        return user or AnonymousUser()

    def send_message(self, user, frame):
        return services.post_message(
            self.room_id, user, frame.get("body"), client_id=frame.get("client_id"), address=self._address()
        )

    def ask_question(self, user, frame):
        return services.ask_question(
            self.room_id, user, frame.get("body"), client_id=frame.get("client_id"), address=self._address()
        )

    def vote(self, user, frame):
        return services.vote(self.room_id, user, frame.get("question"))

    def approve_message(self, user, frame):
        return services.moderate_message(self.room_id, user, frame.get("message"), approve=True)

    def hide_message(self, user, frame):
        return services.moderate_message(
            self.room_id, user, frame.get("message"), approve=False, reason=frame.get("reason"), note=frame.get("note")
        )

    def restore_message(self, user, frame):
        return services.restore(self.room_id, user, "message", frame.get("message"))

    def restore_question(self, user, frame):
        return services.restore(self.room_id, user, "question", frame.get("question"))

    def approve_question(self, user, frame):
        return services.moderate_question(self.room_id, user, frame.get("question"), "approve")

    def hide_question(self, user, frame):
        return services.moderate_question(
            self.room_id, user, frame.get("question"), "hide", reason=frame.get("reason"), note=frame.get("note")
        )

    def answer_question(self, user, frame):
        return services.moderate_question(self.room_id, user, frame.get("question"), "answer")

    def pin_question(self, user, frame):
        return services.feature_question(self.room_id, user, frame.get("question"), "pinned")

    def project_question(self, user, frame):
        return services.feature_question(self.room_id, user, frame.get("question"), "projected")

    def mute_user(self, user, frame):
        return services.sanction(
            self.room_id, user, frame.get("user"), SanctionKind.MUTE, frame.get("minutes"), frame.get("reason")
        )

    def ban_user(self, user, frame):
        return services.sanction(
            self.room_id, user, frame.get("user"), SanctionKind.BAN, frame.get("minutes"), frame.get("reason")
        )

    def update_room(self, user, frame):
        changes = {k: frame[k] for k in ("state", "slow_mode_seconds", "premoderated") if k in frame}
        if not changes:
            raise services.Refused("invalid", _("Nothing to change."))
        return services.update_room(self.room_id, user, **changes)

    def create_poll(self, user, frame):
        return polls_services.create_poll(
            self.room_id, user, frame.get("kind", "single"), frame.get("question"), frame.get("options", ()),
            results_hidden=frame.get("results_hidden", False), launch=frame.get("launch", False),
        )

    def open_poll(self, user, frame):
        return polls_services.open_poll(self.room_id, user, frame.get("poll"))

    def close_poll(self, user, frame):
        return polls_services.close_poll(self.room_id, user, frame.get("poll"))

    def reveal_poll(self, user, frame):
        return polls_services.reveal_poll(self.room_id, user, frame.get("poll"))

    def answer_poll(self, user, frame):
        return polls_services.answer_poll(
            self.room_id, user, frame.get("poll"), frame.get("options", ()), frame.get("scale"), frame.get("text", "")
        )


def current_users(consumers):
    """``_current_user()`` of many connections at once (a writer's batch): {id(consumer): user}.

    With database sessions, one query tells which sessions still exist (as ``SessionStore.exists``
    does for one), and one reads the active users."""
    keys = {}
    for consumer in consumers:
        session = consumer.scope.get("session")
        key = getattr(session, "session_key", None)
        if consumer.user.is_authenticated and key:
            keys[id(consumer)] = (session, key)
    if settings.SESSION_ENGINE == "django.contrib.sessions.backends.db":
        alive = set(Session.objects.filter(session_key__in={key for _, key in keys.values()}).values_list("session_key", flat=True))
    else:
        alive = {key for session, key in keys.values() if session.exists(key)}
    ids = {consumer.user.pk for consumer in consumers if keys.get(id(consumer), (None, None))[1] in alive}
    users = get_user_model().objects.filter(pk__in=ids, is_active=True).in_bulk() if ids else {}
    found = {}
    for consumer in consumers:
        user = users.get(consumer.user.pk) if keys.get(id(consumer), (None, None))[1] in alive else None
        found[id(consumer)] = user or AnonymousUser()
    return found

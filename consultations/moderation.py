"""The moderation contract between the content plugins and a moderation app.

A content plugin (proposals, comments, live rooms...) declares in its ``AppConfig.ready()`` the
kinds of content people may report (``register``), tells when it saved something new
(``content_submitted``) and logs what its own facilitators do (``log_action``). It asks
``posting_refusal(user)`` before accepting a write. The moderation app, when installed, answers
those questions and acts on the content through the kinds' hooks. Neither imports the other.
"""

import time
from dataclasses import dataclass
from typing import Callable

from django.apps import apps
from django.db import models
from django.dispatch import Signal
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _, gettext_lazy, pgettext_lazy


class ModerationStatus(models.TextChoices):
    VISIBLE = "visible", gettext_lazy("Visible")
    PENDING = "pending", gettext_lazy("Awaiting approval")
    HIDDEN = "hidden", gettext_lazy("Hidden by moderation")


class Moderated(models.Model):
    """The moderation state a piece of content carries; hidden content keeps its row."""

    moderation_status = models.CharField(
        gettext_lazy("moderation"), max_length=10, choices=ModerationStatus.choices,
        default=ModerationStatus.VISIBLE, db_index=True,
    )

    class Meta:
        abstract = True

    @property
    def is_hidden(self):
        return self.moderation_status == ModerationStatus.HIDDEN

    @property
    def is_pending(self):
        return self.moderation_status == ModerationStatus.PENDING


class Reason(models.TextChoices):
    """Why content is reported, or hidden by a facilitator: the one list the plugins and the
    moderation app share (its reports and queue use it too)."""

    SPAM = "spam", gettext_lazy("Spam or advertising")
    ABUSE = "abuse", gettext_lazy("Insult or hate")
    OFF_TOPIC = "off_topic", gettext_lazy("Off-topic")
    PERSONAL_DATA = "personal_data", gettext_lazy("Personal data")
    OTHER = "other", pgettext_lazy("report reason", "Other")


@dataclass(frozen=True)
class ContentKind:
    """What the moderation app needs to know about one model of content."""

    key: str
    label: str
    model: str  # "app_label.ModelName"
    text: Callable  # obj -> the text a moderator reads
    status_field: str = "moderation_status"
    author_path: str = "author"  # the author's foreign key, through relations if needed: "response__user"
    consultation_of: Callable = lambda obj: None
    event_of: Callable = lambda obj: None
    url_of: Callable = lambda obj: obj.get_absolute_url() if hasattr(obj, "get_absolute_url") else ""
    # obj, status, actor, reason -> None; a plugin that must tell its clients (live rooms) gives its own.
    set_status: Callable | None = None
    # obj, user -> whether the person may read it where it is published (private consultations...).
    readable_by: Callable = lambda obj, user: True

    @property
    def model_class(self):
        return apps.get_model(self.model)

    def status(self, obj):
        return getattr(obj, self.status_field)

    def apply_status(self, obj, status, actor, reason):
        if self.set_status is not None:
            self.set_status(obj, status, actor, reason)
            return
        setattr(obj, self.status_field, status)
        obj.save(update_fields=[self.status_field])

    def author_id(self, obj):
        *relations, last = self.author_path.split("__")
        for name in relations:
            obj = getattr(obj, name)
        return getattr(obj, f"{last}_id")


_kinds = {}


def register(*content_kinds):
    for kind in content_kinds:
        _kinds[kind.key] = kind


def kinds():
    return dict(_kinds)


def get_kind(key):
    return _kinds.get(key)


def kind_of(obj):
    label = obj._meta.label_lower
    return next((kind for kind in _kinds.values() if kind.model.lower() == label), None)


# sender: the ContentKind; kwargs: obj. Sent after a plugin saved new content (pending or visible).
content_submitted = Signal()
# kwargs: actor, action, kind, obj, user, reason, source. Sent for actions taken outside the queue.
action_taken = Signal()


def submit(obj):
    kind = kind_of(obj)
    if kind is not None:
        content_submitted.send(sender=kind, obj=obj)


def log_action(*, actor, action, obj=None, user=None, reason="", source=""):
    """Record a moderation action taken by a plugin (a facilitator hiding a live message...)."""
    action_taken.send(
        sender=None, actor=actor, action=action, kind=kind_of(obj) if obj is not None else None, obj=obj,
        user=user, reason=reason, source=source,
    )


# The moderation app installs a function(user) -> an active block (with ``until`` and ``reason``) or None.
_block_lookup = None
BLOCK_MEMO_SECONDS = 2


def set_block_lookup(function):
    global _block_lookup
    _block_lookup = function


def active_block(user):
    """The person's block in force, remembered on the user object for a moment (one query per request)."""
    if _block_lookup is None or not getattr(user, "is_authenticated", False):
        return None
    memo = user.__dict__.get("_moderation_block")
    now = time.monotonic()
    if memo is not None and now - memo[0] < BLOCK_MEMO_SECONDS:
        return memo[1]
    block = _block_lookup(user)
    user.__dict__["_moderation_block"] = (now, block)
    return block


def forget_block_memo(user):
    user.__dict__.pop("_moderation_block", None)


# What a block refuses, named in the refusal so that it says what the person tried (an infinitive).
BLOCKED_ACTIONS = {
    "post": pgettext_lazy("blocked action", "post"),
    "register": pgettext_lazy("blocked action", "register for events"),
    "join": pgettext_lazy("blocked action", "join consultations"),
    "support": pgettext_lazy("blocked action", "support proposals"),
    "follow": pgettext_lazy("blocked action", "follow proposals"),
    "answer": pgettext_lazy("blocked action", "answer questionnaires"),
    "report": pgettext_lazy("blocked action", "report content"),
    "council": pgettext_lazy("blocked action", "join or start citizen councils"),
}


def posting_refusal(user, action="post"):
    """Why this person may not do ``action`` (a key of BLOCKED_ACTIONS), in a sentence for them, or None."""
    block = active_block(user)
    if block is None:
        return None
    what = BLOCKED_ACTIONS[action]
    if block.until is None:
        return _("Your account is blocked by the moderation: you can no longer %(action)s.") % {"action": what}
    return _("Your account is blocked by the moderation until %(when)s: you cannot %(action)s until then.") % {
        "when": date_format(timezone.localtime(block.until), "DATETIME_FORMAT"), "action": what,
    }


def is_premoderated(consultation):
    return bool(consultation is not None and getattr(consultation, "premoderated", False))


def initial_status(consultation):
    return ModerationStatus.PENDING if is_premoderated(consultation) else ModerationStatus.VISIBLE


def visible_to(obj, user):
    """Whether the person may open the content's page: where it is published first (a draft or private
    consultation hides it from others), then hidden content shows a marker to everyone and pending
    content shows only to its author and moderators."""
    kind = kind_of(obj)
    if kind is None:
        return True
    if not kind.readable_by(obj, user):
        return False
    if kind.status(obj) != ModerationStatus.PENDING:
        return True
    if not getattr(user, "is_authenticated", False):
        return False
    return kind.author_id(obj) == user.pk or can_moderate(user)


def readable_by(obj, user):
    """Whether the person may read the content itself, not a marker (moderators read hidden content):
    what decides who may follow it, support it or be e-mailed about it."""
    kind = kind_of(obj)
    if not visible_to(obj, user):
        return False
    return kind is None or kind.status(obj) != ModerationStatus.HIDDEN or can_moderate(user)


def moderators_q(prefix=""):
    """A filter on people (or on rows with a person at ``prefix``) keeping staff and moderators."""
    from .conf import get_setting

    path = f"{prefix}__" if prefix else ""
    staff = models.Q(**{f"{path}is_staff": True, f"{path}is_active": True})
    return staff | models.Q(**{f"{path}groups__name": get_setting("MODERATOR_GROUP")})


def can_moderate(user):
    from .rules import is_moderator, is_staff_member

    return bool(is_staff_member(user) or is_moderator(user))


def not_citizen_refusal(user, unverified_message, action="post"):
    """(message, code) for a person who may not do ``action``: blocked by the moderation, or email unverified."""
    blocked = posting_refusal(user, action)
    if blocked:
        return blocked, "blocked"
    return unverified_message, "unverified"

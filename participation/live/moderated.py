"""Live messages and questions as content the moderation can act on.

Their status field predates the moderation app and has the same values; a decision taken in the
moderation queue goes through the room's services so every connected client learns of it.
"""

from django.utils.translation import gettext_lazy as _

from consultations.moderation import ContentKind


def _apply(obj, status, actor, reason):
    from .services import apply_moderation

    apply_moderation(obj, status, actor, reason)


def _common(**fields):
    return ContentKind(
        status_field="status",
        event_of=lambda obj: obj.room.event,
        consultation_of=lambda obj: obj.room.event.consultation,
        url_of=lambda obj: obj.room.get_absolute_url(),
        text=lambda obj: obj.body,
        set_status=_apply,
        readable_by=lambda obj, user: user.has_perm("live.follow_room", obj.room),
        **fields,
    )


KINDS = [
    _common(key="live_message", label=_("Live room message"), model="live.Message"),
    _common(key="live_question", label=_("Live room question"), model="live.Question"),
]

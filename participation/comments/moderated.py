"""Comments as content the moderation can act on (see consultations.moderation)."""

from django.utils.translation import gettext_lazy as _

from consultations.moderation import ContentKind


# A comment outlives its target when an event or consultation is deleted in the admin: such a comment
# belongs to no consultation or event, and nobody but the moderators reads it.


def _target_consultation(comment):
    from .services import consultation_of_target

    return None if comment.target is None else consultation_of_target(comment.target)


def _target_event(comment):
    target = comment.target
    return target if target is not None and target._meta.label_lower == "consultations.event" else None


def _readable_by(comment, user):
    from .services import target_is_visible

    return comment.target is not None and target_is_visible(user, comment.target)


KINDS = [
    ContentKind(
        key="comment",
        label=_("Comment"),
        model="comments.Comment",
        text=lambda comment: comment.body,
        consultation_of=_target_consultation,
        event_of=_target_event,
        url_of=lambda comment: comment.url,
        readable_by=_readable_by,
    ),
]

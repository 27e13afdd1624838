"""Comments as content the moderation can act on (see consultations.moderation)."""

from django.utils.translation import gettext_lazy as _

from consultations.moderation import ContentKind


def _target_consultation(comment):
    from .services import consultation_of_target

    return consultation_of_target(comment.target)


def _target_event(comment):
    target = comment.target
    return target if target._meta.label_lower == "consultations.event" else None


def _readable_by(comment, user):
    from .services import target_is_visible

    return target_is_visible(user, comment.target)


def _url(comment):
    target = comment.target
    base = target.get_absolute_url() if hasattr(target, "get_absolute_url") else ""
    return f"{base}#commentaire-{comment.pk}"


KINDS = [
    ContentKind(
        key="comment",
        label=_("Comment"),
        model="comments.Comment",
        text=lambda comment: comment.body,
        consultation_of=_target_consultation,
        event_of=_target_event,
        url_of=_url,
        readable_by=_readable_by,
    ),
]

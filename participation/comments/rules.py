"""Who may do what with comments: one predicate per question."""

from datetime import timedelta

import rules
from django.utils import timezone

from consultations.registry import is_action_open
from consultations.rules import is_citizen, is_moderator, is_staff_member

from .conf import get_setting


TOOL = "comments"
ACTION = "comment"


def consultation_discussion_is_open(consultation, now=None):
    """A consultation's discussion takes comments while a step that opens it is under way."""
    return consultation.visibility == "public" and is_action_open(consultation, TOOL, ACTION, now)


def target_accepts_comments(target):
    """Whether the object is open to comments: a model may say so with ``accepts_comments()``."""
    if target is None or target._meta.label_lower not in get_setting("COMMENTABLE_MODELS"):
        return False
    if target._meta.label_lower == "consultations.consultation":
        return consultation_discussion_is_open(target)
    accepts = getattr(target, "accepts_comments", None)
    if callable(accepts):
        return bool(accepts())
    visibility = getattr(target, "visibility", None)
    if visibility is not None:
        return visibility == "public"
    status = getattr(target, "status", None)
    return status in (None, "published")


@rules.predicate
def is_open_target(user, target):
    return target_accepts_comments(target)


@rules.predicate
def is_comment_author(user, comment):
    return comment is not None and user.is_authenticated and comment.author_id == user.pk


@rules.predicate
def is_not_deleted(user, comment):
    return comment is not None and not comment.is_deleted


@rules.predicate
def is_within_edit_window(user, comment):
    limit = timedelta(minutes=get_setting("COMMENT_EDIT_MINUTES"))
    return comment is not None and timezone.now() - comment.created_at <= limit


rules.add_perm("comments.add_comment", is_citizen & is_open_target)
rules.add_perm("comments.change_comment", is_citizen & is_comment_author & is_not_deleted & is_within_edit_window)
rules.add_perm("comments.delete_comment", is_not_deleted & ((is_citizen & is_comment_author) | is_moderator | is_staff_member))

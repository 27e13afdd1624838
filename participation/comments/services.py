"""Adding, editing and deleting comments; each in one transaction with the counters it moves."""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from consultations.rules import is_citizen
from consultations.duplicates import earlier_submission
from consultations.moderation import (
    ModerationStatus, can_moderate, initial_status, kind_of, not_citizen_refusal, submit, visible_to,
)
from consultations.visibility import consultation_is_visible
from consultations.refusals import Refused
from consultations.speakers import attach_groups, group_key, speakers

from .closing import consultation_closed_reason
from .conf import get_setting
from .models import Comment
from .rules import is_comment_author, is_within_edit_window, target_accepts_comments
from .signals import comment_added, comment_deleted
from .tasks import send_reply_email
from consultations import page_cache


def _clean_body(body):
    body = (body or "").strip()
    if not body:
        raise Refused(_("The comment is empty."), "empty")
    limit = get_setting("COMMENT_MAX_LENGTH")
    if len(body) > limit:
        raise Refused(
            _("The comment is too long: %(limit)s characters at most.") % {"limit": limit}, "too_long"
        )
    return body


def resolve_target(label, object_id):
    """The commentable object named by "app_label.model" and its id, or a refusal."""
    if label not in get_setting("COMMENTABLE_MODELS"):
        raise Refused(_("This content cannot be commented on."), "not_commentable", 404)
    app_label, _dot, model = label.partition(".")
    try:
        content_type = ContentType.objects.get_by_natural_key(app_label, model)
        return content_type.get_object_for_this_type(pk=object_id)
    except (ContentType.DoesNotExist, ValueError, TypeError):
        raise Refused(_("This content cannot be commented on."), "not_commentable", 404) from None
    except Exception as error:
        if error.__class__.__name__ == "DoesNotExist":
            raise Refused(_("This content does not exist."), "not_found", 404) from None
        raise


@transaction.atomic
def add_comment(user, target, body, *, parent=None, position="", on_behalf_of=None, notify_replies=True):
    """``on_behalf_of``: a group the person speaks for (a council), from a registered speaker."""
    if not is_citizen(user):
        raise Refused(*not_citizen_refusal(user, _("Please verify your email address before commenting.")), 403)
    if not target_is_visible(user, target):
        raise Refused(not_found_message(), "not_found", 404)
    if not target_accepts_comments(target):
        if target._meta.label_lower == "consultations.consultation" and target.visibility == "public":
            raise Refused(consultation_closed_reason(target), "step_closed", 409)
        raise Refused(_("Comments are closed here."), "closed", 409)
    body = _clean_body(body)
    if position and target._meta.label_lower != "proposals.proposal":
        raise Refused(_("A position can only be given on a proposal."), "invalid_position", 409)
    if on_behalf_of is not None:
        speakers.check(user, on_behalf_of)
    on_behalf_type, on_behalf_id = group_key(on_behalf_of)
    depth = 0
    content_type = ContentType.objects.get_for_model(target)
    if parent is not None:
        if parent.content_type_id != content_type.pk or parent.object_id != target.pk:
            raise Refused(_("You can only reply to a comment of the same discussion."), "invalid_parent", 409)
        depth = parent.depth + 1
        if depth > get_setting("COMMENT_MAX_DEPTH"):
            raise Refused(_("This discussion cannot go deeper: reply higher up."), "too_deep", 409)
    earlier = earlier_submission(
        Comment.objects.filter(content_type=content_type, object_id=target.pk), user,
        author=user, parent=parent, on_behalf_type=on_behalf_type, on_behalf_id=on_behalf_id, body=body,
        position=position or "",
    )
    if earlier is not None:
        return attach_groups([earlier])[0]
    comment = Comment.objects.create(
        content_type=content_type,
        object_id=target.pk,
        parent=parent,
        root_id=None if parent is None else parent.root_id or parent.pk,
        depth=depth,
        author=user,
        on_behalf_type=on_behalf_type,
        on_behalf_id=on_behalf_id,
        body=body,
        position=position or "",
        notify_replies=notify_replies,
        moderation_status=initial_status(consultation_of_target(target)),
    )
    comment.on_behalf_of = on_behalf_of
    submit(comment)
    comment_added.send(sender=type(target), comment=comment)
    if parent is not None and parent.notify_replies and parent.author_id not in (None, user.pk) and not parent.is_deleted:
        transaction.on_commit(lambda: send_reply_email.enqueue(comment_id=comment.pk))
    return comment


@transaction.atomic
def edit_comment(user, comment, body):
    if not is_comment_author(user, comment):
        raise Refused(_("You can only edit your own comments."), "not_author", 403)
    if comment.is_deleted:
        raise Refused(_("This comment has been deleted."), "deleted", 409)
    if comment.is_hidden:
        raise Refused(_("This comment has been hidden by the moderation."), "hidden", 409)
    if not is_within_edit_window(user, comment):
        raise Refused(
            _("A comment can only be edited during the %(minutes)s minutes after it is posted.")
            % {"minutes": get_setting("COMMENT_EDIT_MINUTES")},
            "edit_window_over",
            409,
        )
    comment.body = _clean_body(body)
    comment.edited_at = timezone.now()
    comment.save(update_fields=["body", "edited_at"])
    return comment


@transaction.atomic
def delete_comment(user, comment):
    """Keep the row as a "deleted" marker so that the replies keep their place in the thread."""
    comment = Comment.objects.select_for_update().get(pk=comment.pk)
    if comment.is_deleted:
        raise Refused(_("This comment has already been deleted."), "deleted", 409)
    if not user.has_perm("comments.delete_comment", comment):
        raise Refused(_("You cannot delete this comment."), "forbidden", 403)
    comment.deleted_at = timezone.now()
    comment.save(update_fields=["deleted_at"])
    comment_deleted.send(sender=comment.content_type.model_class(), comment=comment)
    page_cache.invalidate()
    return comment


def consultation_of_target(target):
    """The consultation a commented object belongs to, whose pre-moderation applies to its comments."""
    if target._meta.label_lower == "consultations.consultation":
        return target
    return getattr(target, "consultation", None)


def readable_comments(queryset, user):
    """Comments awaiting approval show only to their author and the moderators."""
    if user is not None and can_moderate(user):
        return queryset
    pending = Q(moderation_status=ModerationStatus.PENDING)
    if getattr(user, "is_authenticated", False):
        return queryset.exclude(pending & ~Q(author_id=user.pk))
    return queryset.exclude(pending)


def _readable_thread(target, user):
    return readable_comments(Comment.objects.for_object(target), user)


def thread_page(target, user=None, number=1):
    """One page of the discussion: top-level comments by pages, each followed by all its replies.

    Returns a ``ThreadPage`` and the page's comments as one flat list in reading order, each with
    its ``depth``, so that the template renders them in a single loop. Two queries whatever the
    length of the thread: the page of top-level comments (one more row says whether a next page
    exists: no count), then every reply under them (by their ``root``).
    """
    size = get_setting("COMMENT_PAGE_SIZE")
    number = parse_page(number)
    readable = _readable_thread(target, user).select_related("author").order_by("created_at", "pk")
    roots = list(readable.filter(parent__isnull=True)[(number - 1) * size : number * size + 1])
    page = ThreadPage(number, has_next=len(roots) > size)
    roots = roots[:size]
    children = {}
    replies = list(readable.filter(root__in=[root.pk for root in roots])) if roots else []
    for comment in replies:
        children.setdefault(comment.parent_id, []).append(comment)
    attach_groups(roots + replies)
    flat, stack = [], list(reversed(roots))
    while stack:
        comment = stack.pop()
        flat.append(comment)
        stack.extend(reversed(children.get(comment.pk, [])))
    return page, flat


class ThreadPage:
    def __init__(self, number, has_next):
        self.number, self.has_next = number, has_next
        self.has_previous = number > 1
        self.next_page_number, self.previous_page_number = number + 1, number - 1


def parse_page(value):
    """A page number from the query string: anything else reads as the first page."""
    try:
        return max(1, int(value))
    except (TypeError, ValueError):
        return 1


def thread_for(target, user=None):
    """Every comment on the object the person may read, as (comment, replies) trees: for code that
    needs the whole thread at once (a page shows it by parts, see thread_page())."""
    comments = attach_groups(_readable_thread(target, user).select_related("author").order_by("created_at", "pk"))
    children = {}
    for comment in comments:
        comment.children = children.setdefault(comment.pk, [])
    roots = []
    for comment in comments:
        if comment.parent_id is None:
            roots.append(comment)
        else:
            children.setdefault(comment.parent_id, []).append(comment)
    return roots


def page_of(comment, user=None):
    """The page of its thread where a comment shows: its top-level comment's rank, by pages."""
    root = comment if comment.root_id is None else Comment.objects.only("pk", "created_at").get(pk=comment.root_id)
    before = (
        _readable_thread(comment.target, user)
        .filter(parent__isnull=True)
        .filter(Q(created_at__lt=root.created_at) | Q(created_at=root.created_at, pk__lt=root.pk))
        .count()
    )
    return before // get_setting("COMMENT_PAGE_SIZE") + 1


def set_reply_notifications(user, comment, enabled):
    if comment.author_id != user.pk:
        raise Refused(_("You can only change your own comments."), "not_author", 403)
    comment.notify_replies = enabled
    comment.save(update_fields=["notify_replies"])
    return comment


def not_found_message():
    return _("This content does not exist.")


def target_is_visible(user, target):
    """Reading a thread follows the content's own visibility: a consultation's rule (its members read
    a private one), an event's, and for moderated content (a proposal) the moderation's, which also
    asks the consultation it hangs under."""
    label = target._meta.label_lower
    if label == "consultations.consultation":
        return consultation_is_visible(user, target)
    if label == "consultations.event":
        return user.has_perm("consultations.view_event", target)
    if kind_of(target) is not None:
        return visible_to(target, user)
    return consultation_is_visible(user, getattr(target, "consultation", None))

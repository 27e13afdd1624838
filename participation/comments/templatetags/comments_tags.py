from django import template
from django.contrib.contenttypes.models import ContentType
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from consultations.display import report_urls, shown_dates, shown_name

from consultations.speakers import speakers

from ..conf import get_setting
from ..forms import CommentForm
from ..services import thread_page

register = template.Library()


def thread_context(request, target, *, with_form=True):
    """What the discussion templates need: one page of the thread (``?commentaires=N``) and the form."""
    user = request.user
    can_comment = user.has_perm("comments.add_comment", target)
    with_position = target._meta.label_lower == "proposals.proposal"
    form = None
    if can_comment and with_form:
        form = CommentForm(speakers_offered=speakers.offered_to(user), with_position=with_position)
    page, comments = thread_page(target, user, request.GET.get("commentaires"))
    label = target._meta.label_lower
    max_depth = get_setting("COMMENT_MAX_DEPTH")
    return {
        **for_display(comments, user, can_comment, max_depth),
        "target": target,
        "label": label,
        # The same for every reply form of the page: reversed once, not once a comment.
        "add_url": reverse("comments:add", args=(label, target.pk)) if can_comment else "",
        "content_type": ContentType.objects.get_for_model(target),
        "page": page,
        "comments": comments,
        "form": form,
        "can_comment": can_comment,
        "with_position": with_position,
        "max_depth": max_depth,
    }


def for_display(comments, user, can_comment, max_depth):
    """What each comment's line shows, once a comment (the template's filters did it per use)."""
    former_member, former_account = _("former member"), _("Former account")
    reader = user.pk if user.is_authenticated else None
    for comment in comments:
        comment.is_own = reader is not None and comment.author_id == reader
        comment.can_reply = can_comment and comment.depth < (max_depth or 3)
        comment.shown_position = comment.get_position_display() if comment.position else ""
        comment.shown_iso, comment.shown_date = shown_dates(comment.created_at, "DATETIME_FORMAT")
        comment.shown_author = shown_name(comment.author, former_member if comment.on_behalf_of else former_account)
    return {"report_label": report_urls(comments, user)}


@register.simple_tag(takes_context=True)
def comment_thread(context, target):
    """The discussion of an object: a page of its threaded comments and the form to join in."""
    request = context["request"]
    return render_to_string("comments/_thread.html", thread_context(request, target), request=request)

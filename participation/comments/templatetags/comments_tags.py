import html

from django import template
from django.contrib.contenttypes.models import ContentType
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from consultations.display import report_urls, shown_dates, shown_name

from consultations.speakers import speakers

from ..conf import get_setting
from ..forms import CommentForm
from ..models import Comment
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
    for_display(comments, user, can_comment, max_depth)
    return {
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
    """What each comment's line shows, written once a comment in Python: the meta line and the
    report link were twenty template nodes a comment, most of a proposal page's rendering
    (docs/performance.md). The markup is the template's own, line for line. Sets attributes on
    each comment; returns nothing."""
    words = {
        key: _escape(text)
        for key, text in {
            "In reply": _("In reply"), "edited": _("edited"), "Awaiting approval": _("Awaiting approval"),
            "Report": _("Report"),
        }.items()
    }
    # Escaped once, with the name they stand in for (meta_line).
    words["former member"] = str(_("former member"))
    words["Former account"] = str(_("Former account"))
    positions = {value: _escape(label) for value, label in Comment._meta.get_field("position").flatchoices}
    reader = user.pk if user.is_authenticated else None
    label = _escape(str(report_urls(comments, user)).lower())
    for comment in comments:
        comment.is_own = reader is not None and comment.author_id == reader
        comment.can_reply = can_comment and comment.depth < (max_depth or 3)
        if comment.is_deleted or comment.is_hidden:
            continue
        comment.shown_meta = meta_line(comment, words, positions)
        comment.shown_report = mark_safe(
            f'<p class="report-link"><a href="{_escape(comment.report_url)}" rel="nofollow">{words["Report"]}'
            f'<span class="visually-hidden"> {label}</span></a></p>'
        ) if comment.report_url else ""


def _escape(value):
    """What ``{{ value }}`` prints (conditional_escape), without its lazy-string wrappers: called
    about ten times a comment."""
    return value.__html__() if hasattr(value, "__html__") else html.escape(str(value))


def meta_line(comment, words, positions):
    """The inside of the comment's ``<p class="meta">``: reply link, author, date, position, state."""
    iso, date = shown_dates(comment.created_at, "DATETIME_FORMAT")
    if comment.on_behalf_of:
        name = _escape(shown_name(comment.author, words["former member"]))
        author = f"<strong>{_escape(comment.on_behalf_of)}</strong> ({name})"
    else:
        author = f"<strong>{_escape(shown_name(comment.author, words['Former account']))}</strong>"
    lines = [
        f'<a href="#commentaire-{comment.parent_id}" class="in-reply-to">{words["In reply"]}</a> · '
        if comment.parent_id else "",
        author,
        f'· <time datetime="{iso}">{_escape(date)}</time>',
        f'· <span class="tag">{positions.get(comment.position, _escape(comment.position))}</span>' if comment.position else "",
        f"· {words['edited']}" if comment.edited_at else "",
        f'· <span class="tag">{words["Awaiting approval"]}</span>' if comment.is_pending else "",
    ]
    return mark_safe("\n      ".join(lines))  # every part escaped above


@register.simple_tag(takes_context=True)
def comment_thread(context, target):
    """The discussion of an object: a page of its threaded comments and the form to join in."""
    request = context["request"]
    return render_to_string("comments/_thread.html", thread_context(request, target), request=request)

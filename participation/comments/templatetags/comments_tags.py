from django import template
from django.contrib.contenttypes.models import ContentType
from django.template.loader import render_to_string

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
    return {
        "target": target,
        "label": target._meta.label_lower,
        "content_type": ContentType.objects.get_for_model(target),
        "page": page,
        "comments": comments,
        "form": form,
        "can_comment": can_comment,
        "with_position": with_position,
        "max_depth": get_setting("COMMENT_MAX_DEPTH"),
    }


@register.simple_tag(takes_context=True)
def comment_thread(context, target):
    """The discussion of an object: a page of its threaded comments and the form to join in."""
    request = context["request"]
    return render_to_string("comments/_thread.html", thread_context(request, target), request=request)

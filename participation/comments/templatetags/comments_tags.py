from django import template
from django.contrib.contenttypes.models import ContentType
from django.template.loader import render_to_string

from consultations.speakers import speakers

from ..conf import get_setting
from ..forms import CommentForm
from ..services import thread_for

register = template.Library()


@register.simple_tag(takes_context=True)
def comment_thread(context, target):
    """The discussion of an object: its threaded comments and the form to join in."""
    request = context["request"]
    user = request.user
    can_comment = user.has_perm("comments.add_comment", target)
    with_position = target._meta.label_lower == "proposals.proposal"
    form = None
    if can_comment:
        form = CommentForm(speakers_offered=speakers.offered_to(user), with_position=with_position)
    return render_to_string(
        "comments/_thread.html",
        {
            "target": target,
            "label": target._meta.label_lower,
            "content_type": ContentType.objects.get_for_model(target),
            "comments": thread_for(target, user),
            "form": form,
            "can_comment": can_comment,
            "with_position": with_position,
            "max_depth": get_setting("COMMENT_MAX_DEPTH"),
        },
        request=request,
    )


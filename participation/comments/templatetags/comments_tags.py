from django import template
from django.contrib.contenttypes.models import ContentType
from django.template.loader import render_to_string

from participation.councils.rules import councils_acting_for

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
    councils = list(councils_acting_for(user)) if can_comment else []
    with_position = target._meta.label_lower == "proposals.proposal"
    form = CommentForm(with_position=with_position) if can_comment else None
    if form is not None:
        form.fields["council"].choices = [("", form.fields["council"].empty_label)] + [(c.pk, c.name) for c in councils]
        if not councils:
            del form.fields["council"]
    return render_to_string(
        "comments/_thread.html",
        {
            "target": target,
            "label": target._meta.label_lower,
            "content_type": ContentType.objects.get_for_model(target),
            "comments": thread_for(target, user),
            "form": form,
            "can_comment": can_comment,
            "councils": councils,
            "with_position": with_position,
            "max_depth": get_setting("COMMENT_MAX_DEPTH"),
        },
        request=request,
    )


"""Moderation in any plugin's templates, without importing the moderation app.

``{% report_link obj %}`` offers to report the content (when a moderation app provides the
``moderation:report`` page); ``{% hidden_marker obj %}`` stands in for hidden content;
``{% moderation_banner obj %}`` tells the author and moderators that content waits or is hidden.
"""

from django import template

from consultations.moderation import can_moderate, kind_of
from consultations.plugins import optional_reverse

register = template.Library()


def _user(context):
    request = context.get("request")
    return getattr(request, "user", None)


def _is_author(user, kind, obj):
    return user is not None and user.is_authenticated and kind.author_id(obj) == user.pk


@register.inclusion_tag("consultations/moderation/_report_link.html", takes_context=True)
def report_link(context, obj):
    kind = kind_of(obj)
    if kind is None:
        return {"url": "", "label": ""}
    offered = not _is_author(_user(context), kind, obj) and kind.status(obj) == "visible"
    return {"url": report_url(kind.key, obj.pk) if offered else "", "label": kind.label}


@register.inclusion_tag("consultations/moderation/_hidden_marker.html", takes_context=True)
def hidden_marker(context, obj):
    kind = kind_of(obj)
    return {"is_author": kind is not None and _is_author(_user(context), kind, obj)}


@register.inclusion_tag("consultations/moderation/_banner.html")
def moderation_banner(obj):
    return {"status": getattr(obj, "moderation_status", "visible")}


@register.simple_tag
def report_url(kind_key, object_id):
    """The address to report an item known by its kind and id, or "" without a moderation app."""
    return optional_reverse("moderation:report", kind_key, object_id)


@register.simple_tag(takes_context=True)
def user_can_moderate(context):
    user = _user(context)
    return bool(user is not None and can_moderate(user))

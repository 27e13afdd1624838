"""Moderation in any plugin's templates, without importing the moderation app.

``{% report_link obj %}`` offers to report the content (when a moderation app provides the
``moderation:report`` page); ``{% hidden_marker obj %}`` stands in for hidden content;
``{% moderation_banner obj %}`` tells the author and moderators that content waits or is hidden.
"""

from django import template
from django.urls import NoReverseMatch, reverse

from consultations.moderation import can_moderate, kind_of

register = template.Library()


def _user(context):
    request = context.get("request")
    return getattr(request, "user", None)


@register.inclusion_tag("consultations/moderation/_report_link.html", takes_context=True)
def report_link(context, obj):
    user, kind = _user(context), kind_of(obj)
    url = ""
    is_author = kind is not None and user is not None and user.is_authenticated and kind.author_id(obj) == user.pk
    if kind is not None and not is_author and kind.status(obj) == "visible":
        try:
            url = reverse("moderation:report", args=[kind.key, obj.pk])
        except NoReverseMatch:  # no moderation app in this site
            url = ""
    return {"url": url, "label": kind.label if kind else ""}


@register.inclusion_tag("consultations/moderation/_hidden_marker.html", takes_context=True)
def hidden_marker(context, obj):
    user, kind = _user(context), kind_of(obj)
    is_author = kind is not None and user is not None and user.is_authenticated and kind.author_id(obj) == user.pk
    return {"is_author": is_author}


@register.inclusion_tag("consultations/moderation/_banner.html", takes_context=True)
def moderation_banner(context, obj):
    user = _user(context)
    status = getattr(obj, "moderation_status", "visible")
    return {"status": status, "moderates": user is not None and can_moderate(user)}


@register.simple_tag
def report_url(kind_key, object_id):
    """The address to report an item known by its kind and id, or "" without a moderation app."""
    try:
        return reverse("moderation:report", args=[kind_key, object_id])
    except NoReverseMatch:
        return ""


@register.simple_tag(takes_context=True)
def user_can_moderate(context):
    user = _user(context)
    return bool(user is not None and can_moderate(user))

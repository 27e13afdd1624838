"""What the host site provides to the apps' templates: its login and sign-up pages, people's public names, images."""

from django import template
from django.conf import settings
from django.shortcuts import resolve_url
from django.urls import NoReverseMatch
from django.utils.html import format_html

from consultations.conf import get_setting
from consultations.discussions import discussions
from consultations.identity import public_name as public_name_of
from consultations.images import rendition_name, rendition_widths, srcset
from consultations.plugins import optional_reverse

register = template.Library()


@register.filter
def public_name(user):
    """``{{ comment.author|public_name }}``: the name a person chose, never their e-mail ("" for nobody)."""
    return public_name_of(user)


@register.simple_tag
def login_url():
    """The host site's login page (``settings.LOGIN_URL``), so the templates name no account app."""
    return resolve_url(settings.LOGIN_URL)


@register.simple_tag
def signup_url():
    """The host's sign-up page (``PARTICIPATION["SIGNUP_URL"]``, a URL name or path), or "" if it has none."""
    try:
        return resolve_url(get_setting("SIGNUP_URL"))
    except NoReverseMatch:
        return ""


@register.simple_tag
def optional_url(name, *args):
    """``{% optional_url "exports:export" as url %}{% if url %}<a href="{{ url }}">…{% endif %}``."""
    return optional_reverse(name, *args)


@register.simple_tag(takes_context=True)
def discussion(context, target):
    """``{% discussion proposal %}``: the thread under the content, by the discussion app if installed."""
    return discussions.render(context, target)


@register.simple_tag
def has_discussion():
    """``{% has_discussion as with_comments %}``: whether a discussion app is installed."""
    return discussions.available


@register.simple_tag
def responsive_image(field_file, width, height, alt, sizes="100vw", css_class=""):
    """An uploaded image in the widths ``consultations.images`` stored, lazy-loaded, its box reserved.

    ``{% responsive_image proposal.attachment proposal.image_width proposal.image_height proposal.image_alt "20rem" %}``
    """
    if not field_file:
        return ""
    if not width or not height:
        return format_html('<img src="{}" alt="{}" loading="lazy" decoding="async" class="{}">', field_file.url, alt, css_class)
    smaller = rendition_widths(width)
    src = field_file.storage.url(rendition_name(field_file.name, smaller[-1])) if smaller else field_file.url
    return format_html(
        '<img src="{}" srcset="{}" sizes="{}" width="{}" height="{}" alt="{}" loading="lazy" decoding="async" class="{}">',
        src, srcset(field_file, width), sizes, width, height, alt, css_class,
    )

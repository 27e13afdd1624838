"""What the host site provides to the apps' templates: its login and sign-up pages, people's public names."""

from django import template
from django.conf import settings
from django.shortcuts import resolve_url
from django.urls import NoReverseMatch

from consultations.conf import get_setting
from consultations.discussions import discussions
from consultations.identity import public_name as public_name_of
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

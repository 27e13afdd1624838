"""What the host site provides to the apps' templates: its login page and people's public names."""

from django import template
from django.conf import settings
from django.shortcuts import resolve_url

from consultations.identity import public_name as public_name_of

register = template.Library()


@register.filter
def public_name(user):
    """``{{ comment.author|public_name }}``: the name a person chose, never their e-mail ("" for nobody)."""
    return public_name_of(user)


@register.simple_tag
def login_url():
    """The host site's login page (``settings.LOGIN_URL``), so the templates name no account app."""
    return resolve_url(settings.LOGIN_URL)

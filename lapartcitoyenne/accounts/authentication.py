"""API tokens that expire, and that never carry more than the pages allow.

A token is refused once older than ``API_TOKEN_MAX_AGE`` (renewed under « My account »), and for
an account whose role requires two-factor authentication without a confirmed TOTP device: such a
person is held at TOTP set-up on every page, so the API must not open a side door.
"""

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from rest_framework import exceptions
from rest_framework.authentication import TokenAuthentication

from .middleware import two_factor_refusal
from .two_factor import lacks_required_two_factor


def token_expires_at(token):
    return token.created + settings.API_TOKEN_MAX_AGE


def token_is_expired(token, now=None):
    return (now or timezone.now()) >= token_expires_at(token)


class ExpiringTokenAuthentication(TokenAuthentication):
    def authenticate_credentials(self, key):
        user, token = super().authenticate_credentials(key)
        if token_is_expired(token):
            raise exceptions.AuthenticationFailed(
                _("This API token has expired: create a new one under « My account »."), code="token_expired"
            )
        if lacks_required_two_factor(user):
            raise exceptions.AuthenticationFailed(two_factor_refusal(), code="two_factor_required")
        return user, token

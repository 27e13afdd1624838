"""API tokens give no more than a session: staff without TOTP are refused, as on the pages."""

from django.utils.translation import gettext as _
from rest_framework.authentication import TokenAuthentication
from rest_framework.exceptions import AuthenticationFailed

from .middleware import TWO_FACTOR_REQUIRED, needs_two_factor


class TwoFactorTokenAuthentication(TokenAuthentication):
    def authenticate_credentials(self, key):
        user, token = super().authenticate_credentials(key)
        if needs_two_factor(user):
            raise AuthenticationFailed(_(TWO_FACTOR_REQUIRED), code="two_factor_required")
        return user, token

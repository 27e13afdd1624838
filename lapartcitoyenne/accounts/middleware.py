from django.conf import settings
from django.contrib import messages
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from .two_factor import lacks_required_two_factor

# Where a person without their required TOTP may still go: their account pages (to set it up), static files.
OPEN_PREFIXES = ("/compte/", "/i18n/", settings.STATIC_URL)
API_PREFIX = "/api/"


def two_factor_refusal():
    return _("Your role requires two-factor authentication: set it up under « My account » before going further.")


class StaffTwoFactorMiddleware:
    """Staff and moderators must set up TOTP before anything else: they see personal data and run the site.

    Token calls to the API are checked by ``authentication.ExpiringTokenAuthentication``: DRF signs
    them in after this middleware has run.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and not request.path.startswith(OPEN_PREFIXES)
            and lacks_required_two_factor(user)
        ):
            if request.path.startswith(API_PREFIX):
                return JsonResponse({"detail": two_factor_refusal(), "code": "two_factor_required"}, status=403)
            messages.warning(request, two_factor_refusal())
            return redirect(reverse("mfa_activate_totp"))
        return self.get_response(request)

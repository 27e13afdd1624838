from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib import messages
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _, gettext_noop

# Where a staff member without TOTP may still go: their account pages (to set it up), static files.
OPEN_PREFIXES = ("/compte/", "/i18n/", settings.STATIC_URL)
TWO_FACTOR_REQUIRED = gettext_noop("Staff accounts must set up two-factor authentication before going further.")


def needs_two_factor(user):
    return user.is_staff and not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


class StaffTwoFactorMiddleware:
    """Staff must set up TOTP before anything else: they see personal data and run the site."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and not request.path.startswith(OPEN_PREFIXES)
            and needs_two_factor(user)
        ):
            if request.path.startswith("/api/"):
                return JsonResponse({"detail": _(TWO_FACTOR_REQUIRED), "code": "two_factor_required"}, status=403)
            messages.warning(request, _(TWO_FACTOR_REQUIRED))
            return redirect(reverse("mfa_activate_totp"))
        return self.get_response(request)

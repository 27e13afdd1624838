from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

# Where a staff member without TOTP may still go: their account pages (to set it up), static files.
OPEN_PREFIXES = ("/compte/", "/i18n/", settings.STATIC_URL)


class StaffTwoFactorMiddleware:
    """Staff must set up TOTP before anything else: they see personal data and run the site."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and user.is_staff
            and not request.path.startswith(OPEN_PREFIXES)
            and not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
        ):
            messages.warning(
                request,
                _("Staff accounts must set up two-factor authentication before going further."),
            )
            return redirect(reverse("mfa_activate_totp"))
        return self.get_response(request)

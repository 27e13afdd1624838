"""One rate limit on every write made through the site's pages and API, per person and per IP.

allauth keeps its own, stricter limits on logins and sign-ups; websockets limit in their consumer.
"""

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django_ratelimit.core import is_ratelimited

WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


def _has_client_address(request):
    return bool(request.META.get(settings.RATELIMIT_IP_META_KEY or "REMOTE_ADDR"))


def _limited(request):
    # Without a client address (some test or internal callers), only the per-person limit applies.
    if _has_client_address(request) and is_ratelimited(request, group="write-ip", key="ip", rate=settings.WRITE_RATE_PER_IP, increment=True):
        return True
    if request.user.is_authenticated:
        return is_ratelimited(
            request, group="write-user", key="user", rate=settings.WRITE_RATE_PER_USER, increment=True
        )
    return False


class WriteRateLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in WRITE_METHODS and _limited(request):
            message = _("You are going too fast. Please wait a minute before trying again.")
            if request.path.startswith("/api/"):
                return JsonResponse({"detail": message, "code": "rate_limited"}, status=429)
            return render(request, "429.html", {"message": message}, status=429)
        return self.get_response(request)

"""One rate limit on every write made through the site's pages and API, per person and per IP.

allauth keeps its own, stricter limits on logins and sign-ups; websockets limit in their consumer.
"""

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django_ratelimit.core import _split_rate, is_ratelimited

from .errors import back_url

WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


def _has_client_address(request):
    return bool(request.META.get(settings.RATELIMIT_IP_META_KEY or "REMOTE_ADDR"))


def _exceeded_rate(request):
    """The rate this write goes past, or None."""
    # Without a client address (some test or internal callers), only the per-person limit applies.
    if _has_client_address(request) and is_ratelimited(request, group="write-ip", key="ip", rate=settings.WRITE_RATE_PER_IP, increment=True):
        return settings.WRITE_RATE_PER_IP
    if request.user.is_authenticated and is_ratelimited(
        request, group="write-user", key="user", rate=settings.WRITE_RATE_PER_USER, increment=True
    ):
        return settings.WRITE_RATE_PER_USER
    return None


class WriteRateLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        rate = _exceeded_rate(request) if request.method in WRITE_METHODS else None
        if rate is None:
            return self.get_response(request)
        message = _("You are going too fast. Please wait a minute before trying again.")
        if request.path.startswith("/api/"):
            response = JsonResponse({"detail": message, "code": "rate_limited"}, status=429)
        else:
            response = render(request, "429.html", {"message": message, "back_url": back_url(request)}, status=429)
        # A whole window at most: django-ratelimit's windows are fixed, the count restarts by then.
        response["Retry-After"] = str(_split_rate(rate)[1])
        return response


# For allauth's limits (logins, sign-ups) and any other 429: the longest window of the site's
# limits (allauth's five minutes), so that coming back then is never refused for the same reason.
DEFAULT_RETRY_AFTER = "300"


class RetryAfterMiddleware:
    """Every 429 carries Retry-After (RFC 6585), whichever part of the site refused."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 429 and not response.has_header("Retry-After"):
            response["Retry-After"] = DEFAULT_RETRY_AFTER
        return response

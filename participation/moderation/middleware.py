"""A blocked person's writes are refused site-wide with one clear message, pages and API alike.

Their account pages stay open (profile, data download, account deletion, logout), as does asking
for a review of their hidden content. Live rooms refuse in their consumer.
"""

from django.http import JsonResponse
from django.shortcuts import render
from django.urls import Resolver404, resolve

from consultations.moderation import posting_refusal

from .conf import get_setting

WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
# Asking for a review of one's hidden content, on the page and through the API.
EXEMPT_VIEW_NAMES = frozenset({"moderation:review", "moderation-my-case-review"})


def _exempt(request):
    if request.path.startswith(tuple(get_setting("MODERATION_BLOCK_EXEMPT_PATHS"))):
        return True
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return False
    return match.view_name in EXEMPT_VIEW_NAMES


class BlockedPostingMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in WRITE_METHODS and request.user.is_authenticated:
            message = posting_refusal(request.user)
            if message and not _exempt(request):
                if request.path.startswith(get_setting("MODERATION_API_PREFIX")):
                    return JsonResponse({"detail": message, "code": "blocked"}, status=403)
                return render(request, "moderation/blocked.html", {"message": message}, status=403)
        return self.get_response(request)

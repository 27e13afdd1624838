"""A blocked person's writes are refused site-wide with one clear message, pages and API alike.

Their account pages stay open (profile, data download, account deletion, logout), as does asking
for a review of their hidden content. Live rooms refuse in their consumer.
"""

from django.http import JsonResponse
from django.shortcuts import render
from django.urls import Resolver404, resolve

from consultations.moderation import active_block, posting_refusal

from .conf import get_setting

WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
# Asking for a review of one's hidden content; and leaving, which harms nobody: cancelling a
# registration (it frees a seat), leaving a consultation.
EXEMPT_VIEW_NAMES = frozenset({
    "moderation:review", "moderation-my-case-review",
    "consultations:cancel", "event-cancel", "consultations:unfollow", "consultation-leave",
})
# The refusal names what the person tried (consultations.moderation.BLOCKED_ACTIONS); "post" otherwise.
VIEW_ACTIONS = {
    "consultations:register": "register", "event-register": "register",
    "consultations:follow": "join", "consultation-join": "join",
    "proposals:support": "support", "proposal-support": "support",
    "proposals:follow": "follow",
    "surveys:questionnaire": "answer", "questionnaire-answer": "answer",
    "moderation:report": "report", "moderation-report-list": "report",
    "councils:request": "council", "councils:join": "council",
    "council-list": "council", "council-join": "council",
}


def _view_name(request):
    try:
        return resolve(request.path_info).view_name
    except Resolver404:
        return None


def _exempt(request, view_name):
    if request.path.startswith(tuple(get_setting("MODERATION_BLOCK_EXEMPT_PATHS"))):
        return True
    return view_name in EXEMPT_VIEW_NAMES


class BlockedPostingMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in WRITE_METHODS and request.user.is_authenticated and active_block(request.user):
            view_name = _view_name(request)
            message = posting_refusal(request.user, VIEW_ACTIONS.get(view_name, "post"))
            if message and not _exempt(request, view_name):
                if request.path.startswith(get_setting("MODERATION_API_PREFIX")):
                    return JsonResponse({"detail": message, "code": "blocked"}, status=403)
                return render(request, "moderation/blocked.html", {"message": message}, status=403)
        return self.get_response(request)

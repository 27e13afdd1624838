"""Personal responses are never stored by a browser's or a proxy's cache.

A page shown to a signed-in person (« Mes données », the profile with a new API token, registrant
lists, the moderation queue, statistics, export files...) or answered by a view marked ``@personal``
(a signed link, such as unsubscribing) gets ``Cache-Control: private, no-store``. A view that
declares its response public (the same for everyone, like the open-data files) keeps its header.
"""

from functools import wraps

from django.utils.cache import patch_cache_control


def personal(view):
    """Mark a view whose response is personal even to a visitor who is not signed in."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        request.personal_response = True
        return view(request, *args, **kwargs)

    return wrapper


def is_personal(request):
    user = getattr(request, "user", None)
    return getattr(request, "personal_response", False) or bool(user and user.is_authenticated)


class PrivateCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if is_personal(request) and "public" not in response.get("Cache-Control", ""):
            patch_cache_control(response, private=True, no_store=True)
        return response

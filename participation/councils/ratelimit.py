"""A rate limit on the write paths of the pages (the API has DRF's throttles)."""

import time
from functools import wraps

from django.core.cache import cache
from django.http import HttpResponse
from django.utils.translation import gettext as _

from .conf import get_setting


def rate_limited(view):
    """At most PARTICIPATION["WRITES_PER_MINUTE"] POSTs per person and minute, across the apps."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method == "POST" and request.user.is_authenticated:
            key = f"participation-writes:{request.user.pk}:{int(time.time() // 60)}"
            cache.add(key, 0, timeout=90)
            try:
                count = cache.incr(key)
            except ValueError:  # expired between add and incr
                count = 1
            if count > get_setting("WRITES_PER_MINUTE"):
                message = _("You are going too fast: please wait a minute before trying again.")
                return HttpResponse(message, status=429, content_type="text/plain; charset=utf-8")
        return view(request, *args, **kwargs)

    return wrapper

"""A rate limit on the write paths of the participation pages (the API has DRF's throttles).

The counting is django-ratelimit's; the plugins keep their own limit because a host site may not
install the site-wide one (lapartcitoyenne.ratelimit).
"""

from functools import wraps

from django.http import HttpResponse
from django.utils.translation import gettext as _
from django_ratelimit.core import is_ratelimited

from .conf import get_setting


def rate_limited(view):
    """At most PARTICIPATION["WRITES_PER_MINUTE"] POSTs per person and minute, across the apps."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if (
            request.method == "POST"
            and request.user.is_authenticated
            and is_ratelimited(
                request,
                group="participation-writes",
                key="user",
                rate=f"{get_setting('WRITES_PER_MINUTE')}/m",
                increment=True,
            )
        ):
            message = _("You are going too fast: please wait a minute before trying again.")
            response = HttpResponse(message, status=429, content_type="text/plain; charset=utf-8")
            # The window is a minute: by then the count has started again (RFC 9110 §10.2.3).
            response["Retry-After"] = "60"
            return response
        return view(request, *args, **kwargs)

    return wrapper

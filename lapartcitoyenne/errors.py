"""The site's error pages: French, in the site's layout, each with a way back.

Django calls these instead of its bare English pages (``handler400`` ... in ``urls.py``,
``CSRF_FAILURE_VIEW`` in the settings). Under /api/ the answer stays JSON, in the API's one shape
(``consultations.api_errors``). The 400 and 500 pages render without the request's context
processors or the database: a broken database or a bad Host header must not break the error page.
"""

from django.core.exceptions import DisallowedHost
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.csrf import requires_csrf_token


def _is_api(request):
    return request.path.startswith("/api/")


def back_url(request):
    """The page the person came from, if it is one of ours (never an outside address), else ""."""
    referer = request.META.get("HTTP_REFERER", "")
    try:
        host = request.get_host()
    except DisallowedHost:
        return ""
    # A page that refused a form goes back to that form; a page never links back to itself.
    if not referer or (request.method == "GET" and referer == request.build_absolute_uri()):
        return ""
    if not url_has_allowed_host_and_scheme(referer, allowed_hosts={host}, require_https=request.is_secure()):
        return ""
    return referer


def _page(request, template, status, **context):
    return render(request, template, {"back_url": back_url(request), **context}, status=status)


def _standalone(request, template, status):
    """Rendered without context processors: no session, user or database is touched."""
    back = back_url(request) if request is not None else ""
    return HttpResponse(loader.get_template(template).render({"back_url": back}), status=status)


@requires_csrf_token
def bad_request(request, exception=None):
    if _is_api(request):
        return JsonResponse({"detail": _("The request is not valid."), "code": "bad_request"}, status=400)
    return _standalone(request, "400.html", 400)


@requires_csrf_token
def permission_denied(request, exception=None):
    if _is_api(request):
        return JsonResponse({"detail": _("You are not allowed to do this."), "code": "permission_denied"}, status=403)
    return _page(request, "403.html", 403)


@requires_csrf_token
def page_not_found(request, exception=None):
    if _is_api(request):
        return JsonResponse({"detail": _("Not found."), "code": "not_found"}, status=404)
    return _page(request, "404.html", 404)


@requires_csrf_token
def server_error(request=None):
    if request is not None and _is_api(request):
        return JsonResponse({"detail": _("An error occurred on our side."), "code": "server_error"}, status=500)
    return _standalone(request, "500.html", 500)


def csrf_failure(request, reason=""):
    """A form sent from a page that was open too long (its token expired) or with cookies blocked."""
    if _is_api(request):
        return JsonResponse({"detail": _("The security check of the form failed."), "code": "csrf_failed"}, status=403)
    return _page(request, "403_csrf.html", 403)

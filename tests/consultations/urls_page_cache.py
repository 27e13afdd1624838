"""The site's URLs and a cached page whose script carries the CSP nonce (no page of the site does yet)."""

from django.http import HttpResponse
from django.template import engines
from django.urls import path

from consultations.page_cache import visitor_cached
from lapartcitoyenne.urls import handler400, handler403, handler404, handler500, urlpatterns as site_urls  # noqa: F401

TEMPLATE = engines["django"].from_string('<script nonce="{{ csp_nonce }}">var page = 1;</script>')


@visitor_cached
def with_nonce(request):
    return HttpResponse(TEMPLATE.render({}, request))


urlpatterns = [path("avec-nonce/", with_nonce), *site_urls]

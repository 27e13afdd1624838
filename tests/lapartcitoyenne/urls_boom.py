"""The site's URLs and one that fails, to see the 500 page the site's handler gives."""

from django.urls import path

from lapartcitoyenne.urls import handler400, handler403, handler404, handler500, urlpatterns as site_urls  # noqa: F401


def boom(request):
    raise RuntimeError("a bug")


urlpatterns = [path("boum/", boom), *site_urls]

"""The site's addresses and error pages, plus the floor of the crowd's figures: /bench/hello/."""

from django.urls import path

from bench.urls import hello
from lapartcitoyenne.urls import handler400, handler403, handler404, handler500  # noqa: F401
from lapartcitoyenne.urls import urlpatterns as site_urlpatterns

urlpatterns = [path("bench/hello/", hello), *site_urlpatterns]

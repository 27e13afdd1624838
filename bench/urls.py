from django.http import HttpResponse
from django.urls import include, path


def hello(request):
    """The floor: what the server, Django and its middleware cost on their own."""
    return HttpResponse("Bonjour", content_type="text/plain; charset=utf-8")


urlpatterns = [
    path("bench/hello/", hello),
    path("", include("lapartcitoyenne.urls")),
]

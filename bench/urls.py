from django.http import HttpResponse
from django.urls import include, path


def hello(request):
    """The floor: what the server, Django and its middleware cost on their own."""
    return HttpResponse("Bonjour", content_type="text/plain; charset=utf-8")


def export_csv(request):
    """Every registration as CSV, streamed as the staff export page streams it (bench/streaming.py)."""
    from participation.exports import engine
    from participation.exports.registry import get_dataset
    from participation.exports.scope import Scope
    from participation.exports.streaming import streaming_response

    chunks = engine.stream(get_dataset("registrations"), Scope(), "csv", delimiter=";")
    return streaming_response(request, chunks, "text/csv; charset=utf-8")


urlpatterns = [
    path("bench/hello/", hello),
    path("bench/export.csv", export_csv),
    path("", include("lapartcitoyenne.urls")),
]

from django.urls import include, path

urlpatterns = [
    path("", include("consultations.urls")),
    path("", include("participation.surveys.urls")),
    path("api/", include("consultations.api_urls")),
    path("api/", include("participation.surveys.api_urls")),
]

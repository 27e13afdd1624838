from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from .views import home

urlpatterns = [
    path("", home, name="home"),
    path("connexion/", auth_views.LoginView.as_view(), name="login"),
    path("deconnexion/", auth_views.LogoutView.as_view(), name="logout"),
    path("admin/", admin.site.urls),
    # The city's own prefixes: its webinars' live rooms and its questionnaires.
    path("webinaires/", include("participation.live.urls")),
    path("avis/", include("participation.surveys.urls")),
    path("participation/", include("consultations.urls")),
    path("api/", include("participation.surveys.api_urls")),
    path("api/", include("participation.live.api_urls")),
]

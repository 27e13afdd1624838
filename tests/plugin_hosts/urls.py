"""The host's routes: the frame's, and those of whichever plugins this host installs."""

from django.apps import apps
from django.urls import include, path

# (app, prefix of its pages) — the API of every app goes under api/.
PAGES = [
    ("participation.surveys", ""),
    ("participation.live", ""),
    ("participation.exports", ""),
    ("participation.proposals", "propositions/"),
    ("participation.comments", "commentaires/"),
    ("participation.councils", "conseils-citoyens/"),
    ("participation.moderation", "moderation/"),
    ("participation.budgets", "budgets/"),
]
WITHOUT_API = {"participation.exports"}

urlpatterns = [path("", include("consultations.urls")), path("api/", include("consultations.api_urls"))]
for app, prefix in PAGES:
    if apps.is_installed(app):
        urlpatterns.append(path(prefix, include(f"{app}.urls")))
        if app not in WITHOUT_API:
            urlpatterns.append(path("api/", include(f"{app}.api_urls")))

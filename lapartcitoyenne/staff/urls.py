"""Staff pages of the site, under /equipe/."""

from django.urls import path
from django.views.generic import RedirectView

from . import tasks, views

app_name = "staff"

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="staff:statistics"), name="index"),
    path("statistiques/", views.statistics, name="statistics"),
    path("statistiques/<slug:name>.<str:fmt>", views.statistics_table, name="statistics_table"),
    path("taches/", tasks.background_tasks, name="tasks"),
]

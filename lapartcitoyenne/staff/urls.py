"""Staff pages of the site, under /equipe/."""

from django.urls import path

from . import views

app_name = "staff"

urlpatterns = [
    path("statistiques/", views.statistics, name="statistics"),
    path("statistiques/<slug:name>.<str:fmt>", views.statistics_table, name="statistics_table"),
]

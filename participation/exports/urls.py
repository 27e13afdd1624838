from django.urls import path

from . import views

app_name = "exports"

urlpatterns = [
    path("equipe/exports/", views.export_form, name="export"),
    path("equipe/exports/taches/<int:pk>/", views.job_detail, name="job"),
    path("equipe/exports/telechargement/<str:token>/", views.job_download, name="download"),
    path("donnees-ouvertes/", views.open_data_index, name="open_data"),
    path("donnees-ouvertes/<slug:slug>/", views.open_data_consultation, name="open_data_consultation"),
    path("donnees-ouvertes/<slug:slug>/<slug:dataset>.<str:fmt>", views.open_data_file, name="open_data_file"),
]

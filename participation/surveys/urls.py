from django.urls import path

from . import views

app_name = "surveys"

urlpatterns = [
    path("questionnaires/<int:pk>/", views.questionnaire, name="questionnaire"),
    path("questionnaires/<int:pk>/resultats/", views.results, name="results"),
]

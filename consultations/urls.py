from django.urls import path

from . import consultation_views, views

app_name = "consultations"

urlpatterns = [
    path("programme/", views.programme, name="programme"),
    path("programme/calendrier.ics", views.programme_ics, name="programme_ics"),
    path("evenements/<slug:slug>/", views.event_detail, name="event_detail"),
    path("evenements/<slug:slug>/calendrier.ics", views.event_ics, name="event_ics"),
    path("evenements/<slug:slug>/inscription/", views.register, name="register"),
    path("evenements/<slug:slug>/annulation/", views.cancel, name="cancel"),
    path("evenements/<slug:slug>/inscrits/", views.event_registrations, name="event_registrations"),
    path("mes-inscriptions/", views.my_registrations, name="my_registrations"),
    path("consultations/", consultation_views.consultation_list, name="consultation_list"),
    path("consultations/<slug:slug>/", consultation_views.consultation_detail, name="consultation_detail"),
    path("consultations/<slug:slug>/rejoindre/", consultation_views.follow, name="follow"),
    path("consultations/<slug:slug>/quitter/", consultation_views.unfollow, name="unfollow"),
    path("mes-consultations/", consultation_views.my_consultations, name="my_consultations"),
    path("desabonnement/<str:token>/", consultation_views.unsubscribe, name="unsubscribe"),
]

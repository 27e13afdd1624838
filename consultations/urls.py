from django.urls import path

from . import views

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
]

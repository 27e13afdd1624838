from django.urls import path

from . import views

app_name = "live"

urlpatterns = [
    path("evenements/<slug:slug>/direct/", views.room, name="room"),
    path("evenements/<slug:slug>/direct/projection/", views.projection, name="projection"),
    path("evenements/<slug:slug>/direct/compte-rendu/", views.transcript, name="transcript"),
    path("evenements/<slug:slug>/direct/compte-rendu/brouillon/", views.draft_summary, name="draft_summary"),
    path("direct/<int:room_id>/", views.short, name="short"),
]

from django.urls import path

from . import views

app_name = "comments"

urlpatterns = [
    path("<str:label>/<int:object_id>/", views.add, name="add"),
    path("<str:label>/<int:object_id>/fil/", views.thread, name="page"),
    path("<int:pk>/", views.show, name="show"),
    path("<int:pk>/modifier/", views.edit, name="edit"),
    path("<int:pk>/supprimer/", views.delete, name="delete"),
    path("<int:pk>/notifications/", views.notifications, name="notifications"),
]

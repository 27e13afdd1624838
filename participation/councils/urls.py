from django.urls import path

from . import views

app_name = "councils"

urlpatterns = [
    path("", views.council_list, name="list"),
    path("demande/", views.council_request, name="request"),
    path("<slug:slug>/", views.council_detail, name="detail"),
    path("<slug:slug>/adhesion/", views.join, name="join"),
    path("<slug:slug>/verification/", views.verify, name="verify"),
    path("<slug:slug>/membres/<int:pk>/<str:action>/", views.membership_action, name="membership"),
]

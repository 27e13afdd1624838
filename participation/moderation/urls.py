from django.urls import path

from . import views

app_name = "moderation"

urlpatterns = [
    path("", views.queue, name="queue"),
    path("cas/<int:pk>/", views.case_detail, name="case"),
    path("cas/<int:pk>/decision/", views.decide, name="decide"),
    path("lot/", views.bulk, name="bulk"),
    path("blocages/", views.blocks, name="blocks"),
    path("blocages/<int:pk>/lever/", views.lift_block, name="lift"),
    path("bloquer/<int:user_id>/", views.block_person, name="block"),
    path("journal/", views.log, name="log"),
    path("signaler/<slug:kind>/<int:object_id>/", views.report, name="report"),
    path("revision/<int:pk>/", views.review, name="review"),
]

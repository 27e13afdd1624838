from django.urls import path

from . import views

app_name = "proposals"

urlpatterns = [
    path("", views.proposal_list, name="list"),
    path("nouvelle/", views.proposal_create, name="create"),
    path("consultation/<slug:consultation>/nouvelle/", views.proposal_create, name="create_in"),
    path("<int:pk>/", views.proposal_detail, name="detail"),
    path("<int:pk>/modifier/", views.proposal_edit, name="edit"),
    path("<int:pk>/retrait/", views.proposal_withdraw, name="withdraw"),
    path("<int:pk>/reponse/", views.proposal_answer, name="answer"),
    path("<int:pk>/soutien/", views.support, name="support"),
    path("<int:pk>/suivi/", views.follow, name="follow"),
]

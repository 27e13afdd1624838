from django.urls import path

from . import staff_views, views

app_name = "budgets"

urlpatterns = [
    path("<int:pk>/", views.budget, name="budget"),
    path("<int:pk>/projets/", views.project_list, name="project_list"),
    path("<int:pk>/proposer/", views.submit_project, name="submit_project"),
    path("<int:pk>/resultats/", views.results, name="results"),
    path("<int:pk>/instruction/", staff_views.review_list, name="review_list"),
    path("<int:pk>/depouillement/", staff_views.manage_results, name="manage_results"),
    path("projets/<int:pk>/", views.project_detail, name="project"),
    path("projets/<int:pk>/suivre/", views.follow, name="follow"),
    path("projets/<int:pk>/instruction/", staff_views.review_project, name="review_project"),
    path("projets/<int:pk>/suivi/", staff_views.post_update, name="post_update"),
    path("enveloppes/<int:pk>/vote/", views.ballot, name="ballot"),
    path("enveloppes/<int:pk>/vote-avec-code/", views.code_ballot, name="code_ballot"),
    path("enveloppes/<int:pk>/bureau-de-vote/", staff_views.paper_stand, name="paper_stand"),
    path("enveloppes/<int:pk>/codes/", staff_views.codes, name="codes"),
    path("enveloppes/<int:pk>/vote.pb", views.pabulib_file, name="pabulib"),
]

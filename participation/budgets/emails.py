"""E-mails to the followers of a project when its realisation moves (topic ``budget_project``).

Unsubscribing from one of them stops following that project.
"""

from django.utils.translation import gettext as _

from consultations.notifications import notification, site_url
from consultations.outbox import send_all_once
from consultations.visibility import people_who_see

from .models import Project, ProjectFollow, ProjectUpdate


def describe_project_emails(user_id, project_id):
    project = Project.objects.filter(pk=project_id).first()
    if project is None:
        return None
    return _("emails about the project “%(title)s”") % {"title": project.title}, project.get_absolute_url()


def stop_project_emails(user_id, project_id):
    ProjectFollow.objects.filter(project_id=project_id, user_id=user_id).delete()


def update_recipients(project):
    from django.contrib.auth import get_user_model

    people = get_user_model().objects.filter(
        pk__in=ProjectFollow.objects.filter(project=project).values("user"), is_active=True
    ).exclude(email="")
    return people_who_see(project.envelope.budget.step.consultation, people).distinct().order_by("pk")


def send_update_messages(update_id):
    update = ProjectUpdate.objects.select_related("project__envelope__budget__step__consultation").get(pk=update_id)
    project = update.project
    context = {"project": project, "update": update, "url": site_url(project.get_absolute_url())}
    batch = []
    for person in update_recipients(project).iterator(chunk_size=500):
        batch.append(notification(
            user=person, topic="budget_project", key=project.pk, template="budgets/email/update", context=context
        ))
        if len(batch) == 200:
            send_all_once(batch, task="budgets/update")
            batch = []
    if batch:
        send_all_once(batch, task="budgets/update")

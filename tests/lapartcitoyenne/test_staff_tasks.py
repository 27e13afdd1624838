"""/equipe/taches/: staff see the workers, the queue and the tasks that failed for good."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from consultations.models import FailedTask, WorkerHeartbeat
from tests.worker import DATABASE_TASKS

ROLES = ["visitor", "citizen", "council_member", "facilitator", "moderator", "staff"]


def fail(n):
    return FailedTask.objects.create(
        task="participation.exports.tasks.run_export_job", job=f"job-{n}", arguments={"args": [n], "kwargs": {}},
        attempts=3, error=f"OSError: disque plein {n}", failed_at=timezone.now() - timedelta(minutes=n),
    )


@pytest.mark.parametrize("role", ROLES)
def test_only_staff_see_the_tasks_page(role, user_for_role, client_for):
    response = client_for(user_for_role(role)).get(reverse("staff:tasks"))
    assert response.status_code == {"visitor": 302, "staff": 200}.get(role, 403)


def test_failures_for_good_are_listed_newest_first(client_for, staff):
    fail(2), fail(1)
    page = client_for(staff).get(reverse("staff:tasks")).text
    assert "Tâches en échec définitif" in page
    assert page.index("disque plein 1") < page.index("disque plein 2")
    assert "mode embarqué" in page


@pytest.mark.needs_apps("django_tasks_db")
def test_with_a_worker_the_page_shows_who_beats_and_what_waits(client_for, staff, settings):
    settings.TASKS = DATABASE_TASKS
    client = client_for(staff)
    assert "Aucun worker n’a démarré" in client.get(reverse("staff:tasks")).text
    WorkerHeartbeat.objects.create(worker_id="a", hostname="web-1", pid=41, started_at=timezone.now(),
                                   beat_at=timezone.now())
    WorkerHeartbeat.objects.create(worker_id="b", hostname="web-2", pid=42, started_at=timezone.now(),
                                   beat_at=timezone.now() - timedelta(hours=1))
    page = client.get(reverse("staff:tasks")).text
    assert "web-1 (41)" in page and "actif" in page and "silencieux" in page
    assert "En attente : 0 · en cours : 0" in page


@pytest.mark.needs_apps("django_tasks_db")
def test_the_page_does_a_constant_number_of_queries(client_for, staff, settings, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    settings.TASKS = DATABASE_TASKS
    client = client_for(staff)
    fail(100)
    client.get(reverse("staff:tasks"))
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("staff:tasks"))
    for n in range(30):
        fail(n)
        WorkerHeartbeat.objects.create(worker_id=f"w{n}", hostname="h", pid=n + 1, started_at=timezone.now(),
                                       beat_at=timezone.now())
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(reverse("staff:tasks")).status_code == 200

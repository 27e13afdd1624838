"""Export jobs run by the task worker: progress that moves, retries, a worker killed in the middle."""

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from consultations import worker
from consultations.models import WorkerHeartbeat
from participation.exports import services
from participation.exports.models import ExportJob
from participation.exports.registry import as_dataset
from participation.exports.scope import Scope
from tests.worker import DATABASE_TASKS, run_ready, statuses

ROWS = 3000

pytestmark = pytest.mark.needs_apps("django_tasks_db")


@pytest.fixture
def database_tasks(settings, db):
    settings.TASKS = DATABASE_TASKS


@pytest.fixture
def counting(monkeypatch):
    """A dataset of ROWS rows that notes, every 1000 rows, the progress its job shows at that moment."""
    seen = []

    def rows(scope):
        for number in range(1, ROWS + 1):
            if number % 1000 == 0:
                seen.append(ExportJob.objects.values_list("rows_done", flat=True).get())
            yield {"n": number}

    dataset = as_dataset({"name": "counting", "label": "Counting", "columns": [("n", "N")], "rows": rows,
                          "count": lambda scope: ROWS}, "tests")
    monkeypatch.setattr(services, "get_dataset", lambda name: dataset)
    monkeypatch.setattr(services, "PROGRESS_EVERY", 500)
    return dataset, seen


def test_the_job_waits_for_the_worker_and_its_progress_moves(database_tasks, counting, staff, client_for):
    dataset, seen = counting
    job = services.start_job(staff, dataset, Scope(), "xlsx")
    job.refresh_from_db()
    assert job.status == ExportJob.Status.PENDING
    page = client_for(staff).get(reverse("exports:job", args=[job.pk])).text
    assert "En attente" in page and 'hx-trigger="every 2s"' in page
    run_ready()
    assert seen == [500, 1500, 2500]
    job.refresh_from_db()
    assert job.status == ExportJob.Status.DONE and job.rows_done == ROWS and job.progress == 100


def test_a_failed_attempt_goes_back_to_the_queue_and_the_last_one_says_why(
    database_tasks, counting, staff, client_for, monkeypatch
):
    from participation.exports import engine

    def full_disk(*args, **kwargs):
        raise OSError("disque plein")

    monkeypatch.setattr(engine, "write_xlsx", full_disk)
    dataset, _seen = counting
    job = services.start_job(staff, dataset, Scope(), "xlsx")
    client = client_for(staff)
    with time_machine.travel(timezone.now(), tick=False) as clock:
        run_ready()
        job.refresh_from_db()
        assert job.status == ExportJob.Status.PENDING and job.retry_at is not None
        assert "nouvel essai" in client.get(reverse("exports:job", args=[job.pk])).text
        for _ in range(3):
            clock.shift(timedelta(minutes=5))
            run_ready()
    job.refresh_from_db()
    assert job.status == ExportJob.Status.FAILED and job.error == "disque plein"
    page = client.get(reverse("exports:job", args=[job.pk])).text
    assert "L’export a échoué" in page and "Motif : <code>disque plein</code>" in page
    assert statuses() == ["FAILED"] * 3


def test_a_job_whose_worker_was_killed_is_run_again_by_the_next_one(database_tasks, counting, staff):
    from django_tasks_db.models import DBTaskResult

    dataset, _seen = counting
    job = services.start_job(staff, dataset, Scope(), "xlsx")
    # The worker claimed it, started writing, and was killed: it beats no more.
    DBTaskResult.objects.get().claim("killed-worker")
    ExportJob.objects.filter(pk=job.pk).update(status=ExportJob.Status.RUNNING, rows_done=1000, progress=33)
    WorkerHeartbeat.objects.create(
        worker_id="killed-worker", hostname="elsewhere", pid=1, started_at=timezone.now() - timedelta(hours=1),
        beat_at=timezone.now() - timedelta(minutes=2),
    )
    worker.reap_lost_tasks()
    job.refresh_from_db()
    assert job.status == ExportJob.Status.PENDING and "s’est arrêté pendant cette tâche" in job.error
    with time_machine.travel(timezone.now() + timedelta(minutes=1)):
        run_ready()
    job.refresh_from_db()
    assert job.status == ExportJob.Status.DONE and job.rows_done == ROWS


def test_a_job_killed_at_every_attempt_ends_failed(database_tasks, counting, staff):
    from django_tasks_db.models import DBTaskResult

    dataset, _seen = counting
    job = services.start_job(staff, dataset, Scope(), "xlsx")
    WorkerHeartbeat.objects.create(
        worker_id="killed-worker", hostname="elsewhere", pid=1, started_at=timezone.now(),
        beat_at=timezone.now() - timedelta(hours=1),
    )
    with time_machine.travel(timezone.now(), tick=False) as clock:
        for _ in range(3):
            DBTaskResult.objects.ready().get().claim("killed-worker")
            worker.reap_lost_tasks()
            clock.shift(timedelta(minutes=5))
    job.refresh_from_db()
    assert job.status == ExportJob.Status.FAILED and "s’est arrêté pendant cette tâche" in job.error
    assert not DBTaskResult.objects.ready().exists()

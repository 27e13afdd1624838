"""Tests' stand-in for `manage.py db_worker --batch`: runs the tasks due now in the test's transaction."""

from django.db.models import F

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def run_ready(worker_id="test-worker"):
    """Run every task due now, in order, as one pass of the worker does; returns how many ran."""
    from django_tasks_db.management.commands.db_worker import Worker
    from django_tasks_db.models import DBTaskResult

    runner = Worker(
        queue_names=["default"], interval=0, batch=True, backend_name="default", startup_delay=False,
        max_tasks=None, worker_id=worker_id, excluded_queue_names=[],
    )
    ran = 0
    while (result := DBTaskResult.objects.ready().first()) is not None:
        result.claim(worker_id)
        runner.run_task(result)
        ran += 1
    return ran


def statuses():
    from django_tasks_db.models import DBTaskResult

    # Under a frozen clock a retry is enqueued at the same instant as its first attempt: the attempt
    # that started first comes first (one not started yet, last).
    return list(
        DBTaskResult.objects.order_by("enqueued_at", F("started_at").asc(nulls_last=True))
        .values_list("status", flat=True)
    )

"""Tests' stand-in for `manage.py db_worker --batch`: runs the tasks due now in the test's transaction."""

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

    return list(DBTaskResult.objects.order_by("enqueued_at").values_list("status", flat=True))

"""django-tasks-db's worker, with a heartbeat and the reaping of tasks left by dead workers.

Same command, same options (``manage.py db_worker --help``): the frame's app comes before
``django_tasks_db`` in INSTALLED_APPS, so this one answers to the name.
"""

import threading

from django.db import close_old_connections, connection
from django.utils import timezone
from django_tasks_db.management.commands import db_worker

from ... import worker as heartbeat
from ...conf import get_setting


class Worker(db_worker.Worker):
    def run(self):
        started_at = timezone.now()
        heartbeat.beat(self.worker_id, started_at)
        heartbeat.reap_lost_tasks()
        stopping = threading.Event()
        thread = threading.Thread(
            target=self._beat_until, args=(stopping, started_at), name="heartbeat", daemon=True
        )
        thread.start()
        try:
            super().run()
        finally:
            stopping.set()
            thread.join(timeout=5)
            heartbeat.stop(self.worker_id)

    def _beat_until(self, stopping, started_at):
        interval = get_setting("WORKER_HEARTBEAT_SECONDS")
        try:
            while not stopping.wait(interval):
                try:
                    close_old_connections()
                    heartbeat.beat(self.worker_id, started_at)
                    heartbeat.reap_lost_tasks()
                except Exception:  # the database away for a moment: beat again next time
                    db_worker.logger.exception("heartbeat of worker_id=%s failed", self.worker_id)
        finally:
            connection.close()


class Command(db_worker.Command):
    help = db_worker.Command.help + " (with a heartbeat, and the tasks of dead workers retried)"
    # The system checks import every URL and view of the site, which a worker never serves: 65 MB of
    # its resident memory (163 -> 96 MB at rest, python -m bench scale-exports). Deploys run `check`.
    requires_system_checks = []

    def handle(self, *args, **options):
        # The package's handle() builds its Worker by name and offers no hook: it gets ours for this run.
        db_worker.Worker, original = Worker, db_worker.Worker
        try:
            super().handle(*args, **options)
        finally:
            db_worker.Worker = original

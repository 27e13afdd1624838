"""The worker's heartbeat, and what its successor does with the tasks of a worker that died.

``manage.py db_worker`` (django-tasks-db's worker, extended in consultations/management/commands)
beats every ``WORKER_HEARTBEAT_SECONDS`` from a thread of its own, so that a worker busy with a long
export still answers the health page. At each beat it also reaps: a task left RUNNING by a worker that
stopped beating (killed, or its machine gone) is marked failed, then retried or given up as any failure
(consultations.background) — an export's job goes back to the queue or ends « échoué », never stuck.
A worker on the same host whose process no longer exists is dead at once; elsewhere, after
``WORKER_STALE_SECONDS`` of silence.
"""

import logging
import os
import socket
from datetime import timedelta

from django.apps import apps
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .background import ATTEMPT, JOB, after_failure
from .conf import get_setting
from .models import WorkerHeartbeat

logger = logging.getLogger("consultations.worker")


class WorkerLost(Exception):
    """The worker running the task stopped before it finished."""


def beat(worker_id, started_at, now=None):
    WorkerHeartbeat.objects.update_or_create(
        worker_id=worker_id,
        defaults={
            "hostname": socket.gethostname()[:255], "pid": os.getpid(), "started_at": started_at,
            "beat_at": now or timezone.now(),
        },
    )


def stop(worker_id):
    WorkerHeartbeat.objects.filter(worker_id=worker_id).delete()


def latest_beat():
    """When the liveliest worker last beat, or None when no worker ever did."""
    return WorkerHeartbeat.objects.order_by("-beat_at").values_list("beat_at", flat=True).first()


def _process_exists(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def live_workers(now=None):
    now = now or timezone.now()
    fresh = now - timedelta(seconds=get_setting("WORKER_STALE_SECONDS"))
    here = socket.gethostname()[:255]
    return {
        heartbeat.worker_id
        for heartbeat in WorkerHeartbeat.objects.filter(beat_at__gte=fresh)
        if heartbeat.hostname != here or _process_exists(heartbeat.pid)
    }


def reap_lost_tasks(now=None):
    """Fail (then retry or give up) the tasks whose worker is dead; returns how many."""
    if not apps.is_installed("django_tasks_db"):
        return 0
    from django_tasks_db.models import DBTaskResult

    alive = live_workers(now)
    lost = [
        result.pk
        for result in DBTaskResult.objects.running().only("pk", "worker_ids")
        if not result.worker_ids or result.worker_ids[-1] not in alive
    ]
    reaped = 0
    for pk in lost:
        with transaction.atomic():
            result = DBTaskResult.objects.select_for_update(skip_locked=True).filter(pk=pk).running().first()
            if result is None:
                continue
            worker = result.worker_ids[-1] if result.worker_ids else "?"
            error = WorkerLost(_("The worker %(worker)s stopped while running this task.") % {"worker": worker})
            result.set_failed(error)
            kwargs = dict(result.args_kwargs["kwargs"])
            attempt, job = kwargs.pop(ATTEMPT, 1), kwargs.pop(JOB, None) or str(result.pk)
            try:
                task = result.task
            except Exception:  # the task's code is gone: nothing to retry
                logger.exception("task id=%s lost with its worker, and its code cannot be found", pk)
                continue
            after_failure(task, error, result.args_kwargs["args"], kwargs, attempt=attempt, job=job)
            reaped += 1
    if reaped:
        logger.warning("reaped=%d tasks of dead workers", reaped)
    WorkerHeartbeat.objects.filter(
        beat_at__lt=(now or timezone.now()) - timedelta(days=1)
    ).delete()
    return reaped

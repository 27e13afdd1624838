"""/equipe/taches/: the task workers alive, the queue, and the tasks that failed for good."""

from datetime import timedelta

from django.apps import apps
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from consultations.conf import get_setting
from consultations.models import FailedTask, WorkerHeartbeat

from ..health import uses_worker

FAILURES_SHOWN = 50


def _queue():
    """Tasks waiting and running, by status; None without the database backend."""
    if not (uses_worker() and apps.is_installed("django_tasks_db")):
        return None
    from django.db.models import Count
    from django_tasks_db.models import DBTaskResult

    counts = dict(
        DBTaskResult.objects.filter(status__in=["READY", "RUNNING"]).values_list("status").annotate(n=Count("pk"))
    )
    return {"waiting": counts.get("READY", 0), "running": counts.get("RUNNING", 0)}


@login_required
@require_GET
def background_tasks(request):
    if not request.user.has_perm("consultations.view_background_tasks"):
        raise PermissionDenied
    fresh = timezone.now() - timedelta(seconds=get_setting("WORKER_STALE_SECONDS"))
    workers = [
        {"heartbeat": heartbeat, "alive": heartbeat.beat_at >= fresh}
        for heartbeat in WorkerHeartbeat.objects.order_by("-beat_at")[:20]
    ]
    failures = FailedTask.objects.order_by("-failed_at", "-pk")[:FAILURES_SHOWN]
    return render(request, "lapartcitoyenne/staff/tasks.html", {
        "uses_worker": uses_worker(), "workers": workers, "queue": _queue(), "failures": failures,
    })

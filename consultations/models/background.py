"""What the background work leaves behind: workers' heartbeats, e-mails already sent, tasks given up."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class WorkerHeartbeat(models.Model):
    """A worker process says it is alive every few seconds (consultations.worker)."""

    worker_id = models.CharField(_("worker"), max_length=64, unique=True)
    hostname = models.CharField(_("host"), max_length=255)
    pid = models.PositiveIntegerField(_("process id"))
    started_at = models.DateTimeField(_("started at"))
    beat_at = models.DateTimeField(_("last heartbeat"), db_index=True)

    class Meta:
        ordering = ["-beat_at"]
        verbose_name = _("worker heartbeat")
        verbose_name_plural = _("worker heartbeats")

    def __str__(self):
        return f"{self.hostname}:{self.pid}"


class OutboxEmail(models.Model):
    """An e-mail a task has sent, or is sending: a retry of the task finds it and does not send it again.

    ``key`` is a digest of the job (the first attempt's id), the recipients and the subject: no address
    is kept. A row without ``sent_at`` is an e-mail whose sending was interrupted by a killed worker;
    it is not sent again, since it may have left.
    """

    key = models.CharField(_("key"), max_length=64, unique=True)
    task = models.CharField(_("task"), max_length=255)
    created_at = models.DateTimeField(_("claimed at"), auto_now_add=True, db_index=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("e-mail sent by a task")
        verbose_name_plural = _("e-mails sent by tasks")

    def __str__(self):
        return f"{self.task} {self.key[:12]}"


class FailedTask(models.Model):
    """A task that failed for good: after its last attempt, or at once for a failure a retry would repeat."""

    task = models.CharField(_("task"), max_length=255, db_index=True)
    job = models.CharField(_("job"), max_length=64)
    arguments = models.JSONField(_("arguments"), default=dict)
    attempts = models.PositiveSmallIntegerField(_("attempts"))
    error = models.TextField(_("error"))
    failed_at = models.DateTimeField(_("failed at"), db_index=True)

    class Meta:
        ordering = ["-failed_at", "-pk"]
        verbose_name = _("failed task")
        verbose_name_plural = _("failed tasks")
        constraints = [models.CheckConstraint(condition=Q(attempts__gte=1), name="failed_task_attempted")]

    def __str__(self):
        return f"{self.task} ({self.failed_at:%Y-%m-%d %H:%M})"

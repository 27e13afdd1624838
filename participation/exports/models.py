from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _, pgettext_lazy

from . import conf


def private_storage():
    """Export files may hold personal data: only the signed download view serves them, from the site's
    ``exports`` storage where STORAGES declares one (a private S3 bucket shared by every host), else
    from a folder outside MEDIA_ROOT."""
    if "exports" in settings.STORAGES:
        return storages["exports"]
    return FileSystemStorage(location=conf.exports_root())


class ExportFormat(models.TextChoices):
    CSV = "csv", "CSV"
    XLSX = "xlsx", "XLSX (Excel)"
    ODS = "ods", "ODS (LibreOffice)"
    JSON = "json", "JSON"


class ExportJob(models.Model):
    """An export run in the background, with its progress and, once done, its file."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting")
        RUNNING = "running", _("In progress")
        DONE = "done", pgettext_lazy("export job status", "Done")
        FAILED = "failed", _("Failed")

    dataset = models.CharField(_("dataset"), max_length=100)
    scope = models.JSONField(_("scope"), default=dict, blank=True)
    format = models.CharField(_("format"), max_length=4, choices=ExportFormat.choices)
    delimiter = models.CharField(_("delimiter"), max_length=1, default=",")
    status = models.CharField(_("status"), max_length=8, choices=Status.choices, default=Status.PENDING)
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    rows_done = models.PositiveIntegerField(_("rows written"), default=0)
    rows_total = models.PositiveIntegerField(_("rows to write"), null=True, blank=True)
    file = models.FileField(_("file"), storage=private_storage, upload_to="jobs/", blank=True)
    error = models.TextField(_("error"), blank=True)
    retry_at = models.DateTimeField(_("next attempt at"), null=True, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        on_delete=models.CASCADE,
        related_name="export_jobs",
    )
    log = models.OneToOneField(
        "ExportLog", verbose_name=_("personal data log"), on_delete=models.SET_NULL, null=True, blank=True
    )
    created_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    expires_at = models.DateTimeField(_("expires at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("export job")
        verbose_name_plural = _("export jobs")
        constraints = [
            models.CheckConstraint(condition=Q(progress__lte=100), name="export_progress_at_most_100"),
            models.CheckConstraint(
                condition=~Q(status="done") | (~Q(file="") & Q(expires_at__isnull=False)),
                name="export_done_has_file_and_expiry",
            ),
        ]

    def __str__(self):
        return f"{self.dataset}.{self.format} ({self.get_status_display()})"

    @property
    def is_finished(self):
        return self.status in (self.Status.DONE, self.Status.FAILED)


class ExportLog(models.Model):
    """Who exported personal data, what, when and how much: kept for accountability."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    user_email = models.EmailField(_("user's email at the time"))
    dataset = models.CharField(_("dataset"), max_length=100)
    format = models.CharField(_("format"), max_length=4, choices=ExportFormat.choices)
    scope = models.JSONField(_("scope"), default=dict, blank=True)
    row_count = models.PositiveIntegerField(_("rows exported"), null=True, blank=True)
    created_at = models.DateTimeField(_("exported at"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("personal data export")
        verbose_name_plural = _("personal data exports")

    def __str__(self):
        return f"{self.user_email} — {self.dataset} — {self.created_at:%Y-%m-%d %H:%M}"

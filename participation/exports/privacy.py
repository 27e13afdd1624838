"""What the exports app holds about a person: the exports a staff member ran.

The data exported are other people's and are not this person's data; the exports themselves
are pseudonymous, so no export names a citizen except the event registration lists, whose log
says who exported them, not who was in them.

On deletion, the person's finished export files go at once: nobody else may download them,
and they hold other people's data. The personal-data export log stays, with the email the
person had then, for accountability (the privacy page says each such export is logged).
"""

from django.db import transaction
from django.urls import reverse
from django.utils.translation import pgettext_lazy

from consultations.privacy import iso

from .models import ExportJob, ExportLog


# The readable "Mes données" page names each key of the download in the person's language.
DATA_LABELS = {
    "dataset": pgettext_lazy("personal data", "Dataset"),
    "email_at_the_time": pgettext_lazy("personal data", "Email at the time"),
    "expires_at": pgettext_lazy("personal data", "Expires on"),
    "export_jobs": pgettext_lazy("personal data", "Exports requested"),
    "exported_at": pgettext_lazy("personal data", "Exported on"),
    "finished_at": pgettext_lazy("personal data", "Finished on"),
    "format": pgettext_lazy("personal data", "Format"),
    "personal_data_exports": pgettext_lazy("personal data", "Exports of personal data"),
    "requested_at": pgettext_lazy("personal data", "Requested on"),
    "rows": pgettext_lazy("personal data", "Rows"),
    "status": pgettext_lazy("personal data", "Status"),
    "url": pgettext_lazy("personal data", "Address"),
}


def user_data(user):
    jobs = ExportJob.objects.filter(requested_by=user).order_by("created_at", "pk")
    logs = ExportLog.objects.filter(user=user).order_by("created_at", "pk")
    return {
        "export_jobs": [
            {
                "dataset": job.dataset,
                "format": job.format,
                "status": job.get_status_display(),
                "url": reverse("exports:job", args=[job.pk]),
                "requested_at": job.created_at.isoformat(),
                "finished_at": iso(job.finished_at),
                "expires_at": iso(job.expires_at),
            }
            for job in jobs
        ],
        "personal_data_exports": [
            {
                "dataset": log.dataset,
                "format": log.format,
                "rows": log.row_count,
                "email_at_the_time": log.user_email,
                "exported_at": log.created_at.isoformat(),
            }
            for log in logs
        ],
    }


def forget_user(user):
    # Jobs still running are left to finish and expire (purge_expired_exports deletes them):
    # deleting their row under the worker would only have it save the job again.
    finished = ExportJob.objects.filter(
        requested_by=user, status__in=[ExportJob.Status.DONE, ExportJob.Status.FAILED]
    )
    files = [job.file for job in finished if job.file]
    finished.delete()
    # The files go only once the deletion has committed, so a rollback leaves no job without its file.
    for file in files:
        transaction.on_commit(lambda file=file: file.storage.delete(file.name))

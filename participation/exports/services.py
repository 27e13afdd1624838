"""Actions of the export engine, each in one transaction where it touches several rows."""

import tempfile
from datetime import timedelta

from django.core.files import File
from django.core.signing import BadSignature, SignatureExpired, TimestampSigner
from django.db import transaction
from django.utils import timezone

from . import conf, engine
from .models import ExportJob, ExportLog
from .registry import get_dataset
from .scope import Scope

SIGNER_SALT = "participation.exports.download"
PROGRESS_EVERY = 5000


def log_personal_export(user, dataset, fmt, scope, row_count=None):
    return ExportLog.objects.create(
        user=user, user_email=user.email, dataset=dataset.name, format=fmt, scope=scope.to_json(),
        row_count=row_count,
    )


def logged_stream(user, dataset, scope, fmt, delimiter=","):
    """Chunks of a streamed export; a personal-data export is logged before its first byte
    (so an interrupted download is logged too) and its row count recorded at the end."""
    log = log_personal_export(user, dataset, fmt, scope) if scope.personal_data else None
    done = {"rows": 0}

    def count(rows):
        done["rows"] = rows

    yield from engine.stream(dataset, scope, fmt, delimiter=delimiter, on_progress=count)
    if log is not None:
        ExportLog.objects.filter(pk=log.pk).update(row_count=done["rows"])


def start_job(user, dataset, scope, fmt, delimiter=","):
    """Record the job (and the personal-data log) and hand it to the task queue."""
    from .tasks import run_export_job

    with transaction.atomic():
        log = log_personal_export(user, dataset, fmt, scope) if scope.personal_data else None
        job = ExportJob.objects.create(
            dataset=dataset.name, scope=scope.to_json(), format=fmt, delimiter=delimiter,
            requested_by=user, log=log,
        )
    # Enqueued after the commit, so that a worker in another process finds the job.
    run_export_job.enqueue(job.pk)
    return job


def run_job(job_id):
    """Write the job's file from scratch (a retry starts over), its progress saved as it goes."""
    job = ExportJob.objects.get(pk=job_id)
    if job.status == ExportJob.Status.DONE:
        return job  # an attempt the worker lost after it finished
    last = {"rows": 0, "total": None}

    def progress(rows):
        if rows - last["rows"] >= PROGRESS_EVERY:
            last["rows"] = rows
            percent = min(99, rows * 100 // last["total"]) if last["total"] else 0
            ExportJob.objects.filter(pk=job.pk).update(rows_done=rows, progress=percent)

    dataset = get_dataset(job.dataset)
    if dataset is None:
        raise LookupError(f"No dataset named {job.dataset!r} is declared any more.")
    scope = Scope.from_json(job.scope)
    last["total"] = dataset.count(scope)
    ExportJob.objects.filter(pk=job.pk).update(
        status=ExportJob.Status.RUNNING, rows_total=last["total"], rows_done=0, progress=0, error="", retry_at=None
    )
    with tempfile.TemporaryFile() as handle:
        rows = engine.write(dataset, scope, job.format, handle, delimiter=job.delimiter, on_progress=progress)
        handle.seek(0)
        now = timezone.now()
        with transaction.atomic():
            job.file.save(engine.filename(dataset, scope, job.format), File(handle), save=False)
            job.status = ExportJob.Status.DONE
            job.rows_done = rows
            job.progress = 100
            job.error = ""
            job.finished_at = now
            job.expires_at = now + timedelta(seconds=conf.get("EXPORTS_LINK_MAX_AGE"))
            job.save()
            if job.log_id:
                ExportLog.objects.filter(pk=job.log_id).update(row_count=rows)
    return job


def job_will_retry(job_id, *, error, retry_at):
    """An attempt failed and another is queued: the page says so, with the reason."""
    ExportJob.objects.filter(pk=job_id).exclude(status=ExportJob.Status.DONE).update(
        status=ExportJob.Status.PENDING, error=_describe(error), retry_at=retry_at
    )


def fail_job(job_id, *, error):
    """The last attempt failed: the job is over, its page shows « échoué » and why."""
    ExportJob.objects.filter(pk=job_id).exclude(status=ExportJob.Status.DONE).update(
        status=ExportJob.Status.FAILED, error=_describe(error), retry_at=None, finished_at=timezone.now()
    )


def _describe(error):
    return (str(error) or type(error).__name__)[:2000]


def download_token(job):
    return TimestampSigner(salt=SIGNER_SALT).sign(str(job.pk))


def job_from_token(token):
    """The finished job a download token names, or None when it is forged or has expired."""
    try:
        pk = TimestampSigner(salt=SIGNER_SALT).unsign(token, max_age=conf.get("EXPORTS_LINK_MAX_AGE"))
    except (BadSignature, SignatureExpired):
        return None
    job = ExportJob.objects.filter(pk=pk, status=ExportJob.Status.DONE).first()
    if job is None or job.expires_at <= timezone.now():
        return None
    return job


def purge_expired(now=None):
    """Delete the files of expired jobs and the jobs themselves; returns how many."""
    now = now or timezone.now()
    expired = ExportJob.objects.filter(expires_at__lte=now)
    count = 0
    for job in expired.iterator():
        if job.file:
            job.file.delete(save=False)
        count += 1
    expired.delete()
    return count

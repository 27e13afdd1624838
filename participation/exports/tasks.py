"""Long exports (XLSX, ODS) run through Django's tasks framework."""

from django.tasks import task

from . import services


@task
def run_export_job(job_id):
    services.run_job(job_id)

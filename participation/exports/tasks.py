"""Long exports (XLSX, ODS, and every format over the API) run in the task worker.

A failed attempt puts the job back in the queue (its page says it will try again); the last one marks
it failed with the reason. A worker killed in the middle is noticed by the next one (consultations.worker),
which fails the attempt the same way: a job never stays "in progress" for ever.
"""

from consultations.background import background_task

from . import services


@background_task(on_retry=services.job_will_retry, on_give_up=services.fail_job)
def run_export_job(job_id):
    services.run_job(job_id)

"""The site's periodic work, as tasks: cron only enqueues them, the worker does them (docs/operations.md)."""

from consultations.background import background_task

from .accounts.privacy import apply_retention


@background_task
def apply_retention_task():
    return {str(label): count for label, count in apply_retention().items()}

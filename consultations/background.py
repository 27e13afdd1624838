"""Background tasks that survive a failure: bounded retries with back-off, then a record staff can see.

Every task of the suite is declared with ``@background_task`` instead of Django's ``@task``::

    @background_task(on_give_up=mark_failed)
    def run_export_job(job_id): ...

It is a Django task (``.enqueue()`` as usual) whose failures are handled the same way whatever the
backend: a failure another attempt could cure is retried ``TASK_ATTEMPTS`` times in all, after
``TASK_BACKOFF_SECONDS``, then twice that, and so on (the retry is enqueued with ``run_after``, which
the database backend honours; the immediate backend of the embedded mode cannot defer, so there the
first failure is the last). A failure for good (the last attempt, or at once an object that no longer
exists) is logged, recorded as a ``FailedTask`` (staff see them at /equipe/taches/ and in the admin),
and handed to the task's ``on_give_up(*args, error=..., **kwargs)``; ``on_retry`` hears of each retry.

All attempts share one job key, the first attempt's id (``current_job()``): consultations.outbox uses it
so that a retry never sends again an e-mail an earlier attempt sent.
"""

import contextvars
import functools
import logging
from dataclasses import dataclass
from datetime import timedelta
from typing import Callable

from django.core.exceptions import ObjectDoesNotExist
from django.tasks import task as django_task
from django.utils import timezone

from .conf import get_setting

logger = logging.getLogger("consultations.tasks")

ATTEMPT = "_attempt"
JOB = "_job"
# What another attempt would only repeat: the row is gone, the dataset is no longer declared.
PERMANENT_ERRORS = (ObjectDoesNotExist, LookupError, TypeError, ValueError)

_current_job = contextvars.ContextVar("consultations_current_job", default=None)


@dataclass(frozen=True)
class Policy:
    attempts: int | None
    backoff: int | None
    permanent: tuple
    on_retry: Callable | None
    on_give_up: Callable | None

    @property
    def max_attempts(self):
        return self.attempts or get_setting("TASK_ATTEMPTS")

    def delay(self, attempt):
        return (self.backoff or get_setting("TASK_BACKOFF_SECONDS")) * 2 ** (attempt - 1)


_policies = {}


def current_job():
    """The key shared by every attempt of the running task, or None outside a task."""
    return _current_job.get()


def background_task(function=None, *, attempts=None, backoff=None, permanent=PERMANENT_ERRORS,
                    on_retry=None, on_give_up=None, **options):
    def decorate(func):
        @functools.wraps(func)
        def run(context, *args, _attempt=1, _job=None, **kwargs):
            token = _current_job.set(_job or str(context.task_result.id))
            try:
                return func(*args, **kwargs)
            except Exception as error:
                after_failure(declared, error, args, kwargs, attempt=_attempt, job=current_job())
                raise
            finally:
                _current_job.reset(token)

        # Named as the function (the worker finds the task by its dotted path), but with its own signature.
        del run.__wrapped__
        declared = django_task(takes_context=True, **options)(run)
        _policies[declared.module_path] = Policy(attempts, backoff, tuple(permanent), on_retry, on_give_up)
        return declared

    return decorate(function) if function else decorate


def policy_of(task):
    return _policies.get(task.module_path)


def after_failure(task, error, args, kwargs, *, attempt, job):
    """Enqueue the next attempt, or record the failure for good. Returns when the retry runs, or None."""
    policy = policy_of(task) or Policy(1, None, (), None, None)
    backend = task.get_backend()
    final = isinstance(error, policy.permanent) or attempt >= policy.max_attempts or not backend.supports_defer
    if not final:
        retry_at = timezone.now() + timedelta(seconds=policy.delay(attempt))
        task.using(run_after=retry_at).enqueue(*args, **{**kwargs, ATTEMPT: attempt + 1, JOB: job})
        logger.warning(
            "task=%s job=%s attempt=%d/%d failed, retry at %s: %r",
            task.name, job, attempt, policy.max_attempts, retry_at.isoformat(), error,
        )
        if policy.on_retry:
            policy.on_retry(*args, error=error, retry_at=retry_at, **kwargs)
        return retry_at
    from .models import FailedTask

    logger.error("task=%s job=%s attempt=%d failed for good: %r", task.name, job, attempt, error)
    FailedTask.objects.create(
        task=task.module_path, job=job or "", arguments={"args": list(args), "kwargs": kwargs},
        attempts=attempt, error=f"{type(error).__name__}: {error}"[:4000], failed_at=timezone.now(),
    )
    if policy.on_give_up:
        policy.on_give_up(*args, error=error, **kwargs)
    return None

"""Tasks for the tests of consultations.background: each fails as it is told to."""

from django.core.mail import EmailMessage

from consultations.background import background_task
from consultations.outbox import send_once

calls = {"flaky": 0, "mailer": 0}
given_up = []
retried = []


def remember_give_up(*args, error, **kwargs):
    given_up.append((args, kwargs, str(error)))


def remember_retry(*args, error, retry_at, **kwargs):
    retried.append(retry_at)


@background_task(attempts=3, backoff=10, on_retry=remember_retry, on_give_up=remember_give_up)
def flaky(failures, label="x"):
    """Fails its first ``failures`` runs."""
    calls["flaky"] += 1
    if calls["flaky"] <= failures:
        raise ConnectionError(f"flaky failure {calls['flaky']}")
    return label


@background_task(on_give_up=remember_give_up)
def gone():
    from consultations.models import Consultation

    Consultation.objects.get(pk=0)


@background_task(attempts=2, backoff=10)
def mailer(fail_after_first_run):
    """Sends two e-mails, then fails on its first run: the retry sends nothing twice."""
    calls["mailer"] += 1
    for person in ("awa@example.org", "bruno@example.org"):
        send_once(EmailMessage("Bonjour", "Corps", None, [person]), task="test")
    if fail_after_first_run and calls["mailer"] == 1:
        raise ConnectionError("the mail server went away")


@background_task(attempts=2, backoff=2)
def slow(seconds):
    """Long enough for a worker to be killed in the middle (a manual check with real processes)."""
    import time

    time.sleep(seconds)
    return seconds

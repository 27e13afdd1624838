"""Retries with back-off, failures for good, e-mails sent once and dead workers' tasks (consultations.background)."""

from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from consultations import worker
from consultations.models import FailedTask, OutboxEmail, WorkerHeartbeat

from tests.worker import DATABASE_TASKS, run_ready, statuses

from . import background_tasks as tasks

@pytest.fixture(autouse=True)
def _fresh_counters():
    tasks.calls.update(flaky=0, mailer=0)
    tasks.given_up.clear()
    tasks.retried.clear()


@pytest.fixture
def database_tasks(settings, db):
    settings.TASKS = DATABASE_TASKS


@pytest.mark.needs_apps("django_tasks_db")
def test_a_failing_task_is_retried_with_growing_waits_then_succeeds(database_tasks):
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        tasks.flaky.enqueue(2, label="done")
        assert run_ready() == 1
        assert tasks.retried == [start + timedelta(seconds=10)]
        assert run_ready() == 0  # not before its time
        clock.shift(timedelta(seconds=11))
        assert run_ready() == 1
        assert tasks.retried[1] == start + timedelta(seconds=11 + 20)
        clock.shift(timedelta(seconds=21))
        assert run_ready() == 1
    assert statuses() == ["FAILED", "FAILED", "SUCCESSFUL"]
    assert not FailedTask.objects.exists() and tasks.given_up == []


@pytest.mark.needs_apps("django_tasks_db")
def test_a_task_failing_every_time_is_recorded_as_failed_after_its_last_attempt(database_tasks):
    with time_machine.travel(timezone.now(), tick=False) as clock:
        tasks.flaky.enqueue(10)
        for _ in range(5):
            run_ready()
            clock.shift(timedelta(minutes=5))
    assert statuses() == ["FAILED"] * 3
    failure = FailedTask.objects.get()
    assert failure.task == "tests.consultations.background_tasks.flaky"
    assert failure.attempts == 3 and "flaky failure 3" in failure.error
    assert failure.arguments == {"args": [10], "kwargs": {}}
    assert tasks.given_up == [((10,), {}, "flaky failure 3")]


@pytest.mark.needs_apps("django_tasks_db")
def test_a_failure_a_retry_would_repeat_is_recorded_at_once(database_tasks):
    tasks.gone.enqueue()
    run_ready()
    assert statuses() == ["FAILED"]
    assert FailedTask.objects.get().attempts == 1 and "DoesNotExist" in FailedTask.objects.get().error


def test_without_a_worker_the_first_failure_is_the_last(db):
    result = tasks.flaky.enqueue(1)
    assert result.status == "FAILED"
    assert FailedTask.objects.get().attempts == 1
    assert tasks.calls["flaky"] == 1


@pytest.mark.needs_apps("django_tasks_db")
def test_a_retry_does_not_send_again_what_an_earlier_attempt_sent(database_tasks):
    with time_machine.travel(timezone.now(), tick=False) as clock:
        tasks.mailer.enqueue(True)
        run_ready()
        clock.shift(timedelta(seconds=11))
        run_ready()
    assert statuses() == ["FAILED", "SUCCESSFUL"]
    assert sorted(message.to[0] for message in mail.outbox) == ["awa@example.org", "bruno@example.org"]
    assert OutboxEmail.objects.filter(sent_at__isnull=False).count() == 2


@pytest.mark.needs_apps("django_tasks_db")
def test_each_job_sends_its_own_e_mails(database_tasks):
    tasks.mailer.enqueue(False)
    tasks.mailer.enqueue(False)
    run_ready()
    assert len(mail.outbox) == 4


@pytest.mark.needs_apps("django_tasks_db")
def test_a_message_the_mail_server_refused_is_sent_by_the_retry(database_tasks, monkeypatch):
    from django.core.mail.backends.locmem import EmailBackend

    original = EmailBackend.send_messages
    refusals = {"left": 1}

    def refuse_once(self, messages):
        if refusals["left"]:
            refusals["left"] -= 1
            raise ConnectionRefusedError("451 try again later")
        return original(self, messages)

    monkeypatch.setattr(EmailBackend, "send_messages", refuse_once)
    with time_machine.travel(timezone.now(), tick=False) as clock:
        tasks.mailer.enqueue(False)
        run_ready()
        clock.shift(timedelta(seconds=11))
        run_ready()
    assert statuses() == ["FAILED", "SUCCESSFUL"]
    assert sorted(message.to[0] for message in mail.outbox) == ["awa@example.org", "bruno@example.org"]


def claim_for_dead_worker(result_id, worker_id="dead-worker", silent_for=timedelta(minutes=5)):
    from django_tasks_db.models import DBTaskResult

    result = DBTaskResult.objects.get(pk=result_id)
    result.claim(worker_id)
    WorkerHeartbeat.objects.create(
        worker_id=worker_id, hostname="elsewhere", pid=1, started_at=timezone.now() - timedelta(hours=1),
        beat_at=timezone.now() - silent_for,
    )


@pytest.mark.needs_apps("django_tasks_db")
def test_the_task_of_a_dead_worker_is_failed_and_retried(database_tasks):
    result = tasks.flaky.enqueue(0, label="again")
    claim_for_dead_worker(result.id)
    assert worker.reap_lost_tasks() == 1
    assert statuses() == ["FAILED", "READY"]
    with time_machine.travel(timezone.now() + timedelta(minutes=1)):
        run_ready()
    assert statuses() == ["FAILED", "SUCCESSFUL"]


@pytest.mark.needs_apps("django_tasks_db")
def test_the_task_of_a_live_worker_is_left_alone(database_tasks):
    result = tasks.flaky.enqueue(0)
    claim_for_dead_worker(result.id, silent_for=timedelta(seconds=2))
    assert worker.reap_lost_tasks() == 0
    assert statuses() == ["RUNNING"]


def test_a_worker_on_this_host_whose_process_is_gone_is_dead_at_once(db):
    import socket

    WorkerHeartbeat.objects.create(
        worker_id="gone", hostname=socket.gethostname(), pid=2**22 + 17, started_at=timezone.now(),
        beat_at=timezone.now(),
    )
    worker.beat("me", timezone.now())
    assert worker.live_workers() == {"me"}


@pytest.mark.needs_apps("django_tasks_db")
@pytest.mark.django_db(transaction=True)
def test_the_worker_command_beats_and_says_goodbye(database_tasks, monkeypatch):
    """The real command (it closes old connections between tasks: outside a test transaction)."""
    from django.core.management import call_command

    seen = []
    monkeypatch.setattr(worker, "reap_lost_tasks", lambda: seen.append(set(WorkerHeartbeat.objects.values_list("worker_id", flat=True))))
    tasks.flaky.enqueue(0)
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", "--worker-id", "w-1", verbosity=0)
    assert seen == [{"w-1"}]
    assert statuses() == ["SUCCESSFUL"]
    assert not WorkerHeartbeat.objects.exists()

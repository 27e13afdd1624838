"""Retention runs as a task: cron's `manage.py apply_retention` hands it to the worker when there is one."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from consultations.models import FailedTask, OutboxEmail
from tests.worker import DATABASE_TASKS, run_ready


def old_marks():
    mark = OutboxEmail.objects.create(key="k" * 64, task="test")
    OutboxEmail.objects.filter(pk=mark.pk).update(created_at=timezone.now() - timedelta(days=31))
    OutboxEmail.objects.create(key="n" * 64, task="test")
    FailedTask.objects.create(task="t", job="j", attempts=1, error="e", failed_at=timezone.now() - timedelta(days=200))


def test_without_a_worker_the_command_applies_retention_at_once(db, capsys):
    old_marks()
    call_command("apply_retention")
    output = capsys.readouterr().out
    assert "e-mail marks deleted: 1" in output and "failed tasks deleted: 1" in output
    assert OutboxEmail.objects.count() == 1 and not FailedTask.objects.exists()


@pytest.mark.needs_apps("django_tasks_db")
def test_with_a_worker_the_command_enqueues_it(db, settings, capsys):
    settings.TASKS = DATABASE_TASKS
    old_marks()
    call_command("apply_retention")
    assert "enqueued for the worker" in capsys.readouterr().out
    assert OutboxEmail.objects.count() == 2
    assert run_ready() == 1
    assert OutboxEmail.objects.count() == 1


@pytest.mark.needs_apps("django_tasks_db")
def test_now_applies_it_in_the_command_whatever_the_backend(db, settings, capsys):
    settings.TASKS = DATABASE_TASKS
    old_marks()
    call_command("apply_retention", "--now")
    assert "e-mail marks deleted: 1" in capsys.readouterr().out

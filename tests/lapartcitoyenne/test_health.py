"""/sante/ and /healthz: 200 when the database, Redis and the worker are up; 503 naming what is down."""

import json
import logging
import os
from datetime import timedelta

import pytest
from django.db import OperationalError
from django.utils import timezone

from consultations.models import WorkerHeartbeat
from lapartcitoyenne import health
from tests.worker import DATABASE_TASKS

CLOSED_PORT = 9699  # in this suite's range, nothing listens there


def get(client, path="/sante/"):
    response = client.get(path)
    return response.status_code, json.loads(response.content)


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = DATABASE_TASKS


def beat(seconds_ago):
    WorkerHeartbeat.objects.create(
        worker_id="w", hostname="elsewhere", pid=1, started_at=timezone.now() - timedelta(hours=1),
        beat_at=timezone.now() - timedelta(seconds=seconds_ago),
    )


@pytest.mark.parametrize("path", ["/sante/", "/healthz"])
def test_all_is_well_in_the_embedded_mode(client, db, settings, path):
    settings.REDIS_URL = None
    status, body = get(client, path)
    assert status == 200
    assert body == {"status": "ok", "checks": {"database": "ok", "redis": "not configured", "worker": "not used"}}


def test_the_database_down_is_a_503_that_says_so(client, db, monkeypatch, settings):
    settings.REDIS_URL = None

    def unreachable():
        raise OperationalError("connection refused")

    monkeypatch.setattr(health, "CHECKS", {**health.CHECKS, "database": unreachable})
    status, body = get(client)
    assert status == 503 and body["status"] == "down" and body["down"] == ["database"]
    assert "connection refused" in body["checks"]["database"]


def test_redis_down_is_a_503_that_says_so(client, db, settings):
    settings.REDIS_URL = f"redis://127.0.0.1:{CLOSED_PORT}/0"
    status, body = get(client)
    assert status == 503 and body["down"] == ["redis"]
    assert body["checks"]["redis"].startswith("down: ")


@pytest.mark.redis
def test_redis_up_is_checked(client, db, settings):
    url = os.environ.get("REDIS_URL")
    if not url:
        pytest.skip("needs Redis: set REDIS_URL")
    settings.REDIS_URL = url
    status, body = get(client)
    assert status == 200 and body["checks"]["redis"] == "ok"


@pytest.mark.needs_apps("django_tasks_db")
def test_a_worker_that_never_started_is_a_503(client, db, settings, database_tasks):
    settings.REDIS_URL = None
    status, body = get(client)
    assert status == 503 and body["down"] == ["worker"]
    assert "no worker" in body["checks"]["worker"]


@pytest.mark.needs_apps("django_tasks_db")
def test_a_silent_worker_is_a_503(client, db, settings, database_tasks):
    settings.REDIS_URL = None
    beat(seconds_ago=600)
    status, body = get(client)
    assert status == 503 and body["down"] == ["worker"]
    assert "no heartbeat for 600 s" in body["checks"]["worker"]


@pytest.mark.needs_apps("django_tasks_db")
def test_a_beating_worker_is_well(client, db, settings, database_tasks):
    settings.REDIS_URL = None
    beat(seconds_ago=3)
    status, body = get(client)
    assert status == 200 and body["checks"]["worker"] == "ok"


def test_the_answer_is_never_cached(client, db, settings):
    settings.REDIS_URL = None
    assert "no-cache" in client.get("/sante/")["Cache-Control"]


def test_each_request_is_one_log_line_with_method_path_status_and_duration(client, db, caplog, settings):
    settings.REDIS_URL = None
    with caplog.at_level(logging.INFO, logger="lapartcitoyenne.requests"):
        client.get("/sante/?token=secret")
        client.get("/page-qui-n-existe-pas/")
    records = [record for record in caplog.records if record.name == "lapartcitoyenne.requests"]
    assert [(r.fields["method"], r.fields["path"], r.fields["status"]) for r in records] == [
        ("GET", "/sante/", 200), ("GET", "/page-qui-n-existe-pas/", 404),
    ]
    assert all(r.fields["duration_ms"] >= 0 for r in records)
    assert records[0].getMessage().startswith("method=GET path=/sante/ status=200 duration_ms=")
    assert "secret" not in records[0].getMessage()


def test_production_logs_are_one_json_object_per_line(client, db, caplog, settings):
    from lapartcitoyenne.log_format import JsonFormatter

    settings.REDIS_URL = None
    with caplog.at_level(logging.INFO, logger="lapartcitoyenne.requests"):
        client.get("/sante/")
    (record,) = [record for record in caplog.records if record.name == "lapartcitoyenne.requests"]
    line = JsonFormatter().format(record)
    assert "\n" not in line
    data = json.loads(line)
    assert data["logger"] == "lapartcitoyenne.requests" and data["level"] == "INFO"
    assert (data["method"], data["path"], data["status"]) == ("GET", "/sante/", 200)
    assert isinstance(data["duration_ms"], float) and data["time"].endswith("+00:00")


def test_the_request_log_is_quiet_outside_production(client, db, caplog):
    with caplog.at_level(logging.WARNING):
        client.get("/sante/")
    assert not [record for record in caplog.records if record.name == "lapartcitoyenne.requests"]

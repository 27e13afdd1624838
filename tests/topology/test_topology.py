"""The production topology on one machine, driven through nginx only (issue 14's proof).

nginx in front of granian (pages) and two uvicorn processes (websockets), the task worker, the
test's own PostgreSQL database and Redis server (conftest.py). The tests run in file order on one
topology: a person signs in and registers (the worker sends the e-mail, once), two people on the
two websocket processes talk in a live room, staff export to XLSX and download it, the worker is
killed in the middle of an export, and Redis goes away and comes back.
"""

import asyncio
import io
import os
import signal

import pytest

from .conftest import port_open, wait_until
from .journey import (
    LiveClient, established, get, job_status, message_with, messages_to, post, sign_in,
)

pytestmark = [pytest.mark.topology, pytest.mark.postgres, pytest.mark.redis]

NEEDS_WORKER = "the task worker (django-tasks-db, `manage.py db_worker`) is not installed in this tree yet"
EMAIL_TIMEOUT = 60
JOB_TIMEOUT = 180


@pytest.fixture(scope="module")
def citizen(topology):
    return sign_in(topology, topology.seed["citizen"], topology.seed["password"])


@pytest.fixture(scope="module")
def neighbour(topology):
    return sign_in(topology, topology.seed["neighbour"], topology.seed["password"])


@pytest.fixture(scope="module")
def staff(topology):
    return sign_in(topology, topology.seed["staff"], topology.seed["password"], topology.seed["totp_secret"])


def register(topology, session, slug):
    event_url = topology.url(f"/evenements/{slug}/")
    get(session, event_url)
    response = post(session, topology.url(f"/evenements/{slug}/inscription/"), {})
    assert response.status_code == 200 and response.url == event_url, (response.status_code, response.url)
    return response


def confirmation_emails(topology, title):
    return messages_to(topology.emails, topology.seed["citizen"], title)


def test_static_files_are_served_compressed_by_nginx(topology):
    import requests

    home = get(requests.Session(), topology.url("/")).text
    stylesheet = next(part.split('"')[0] for part in home.split('href="')[1:] if part.split('"')[0].endswith(".css"))
    response = requests.get(topology.url(stylesheet), headers={"Accept-Encoding": "gzip"}, timeout=10)
    assert response.status_code == 200
    assert response.headers["Content-Encoding"] == "gzip"
    assert "immutable" in response.headers["Cache-Control"]


def test_sign_in_and_register_the_worker_sends_the_email_once(topology, citizen):
    response = register(topology, citizen, topology.seed["live_event"])
    assert "Vous êtes inscrit·e" in response.text
    assert topology.seed["live_title"] in get(citizen, topology.url("/mes-inscriptions/")).text
    sent = wait_until(lambda: confirmation_emails(topology, topology.seed["live_title"]), EMAIL_TIMEOUT,
                      "the confirmation e-mail in the file backend's directory")
    assert len(sent) == 1


def test_a_live_room_is_shared_by_both_websocket_processes(topology, citizen, neighbour):
    slug = topology.seed["live_event"]

    async def talk():
        awa, jules = LiveClient(topology, slug, citizen), LiveClient(topology, slug, neighbour)
        assert (await awa.open())["type"] == "hello"
        assert (await jules.open())["type"] == "hello"
        # nginx's round-robin put one on each process.
        assert [established(port) for port in topology.websocket_ports] == [1, 1]
        for speaker, body in [(awa, "Bonjour depuis le premier processus"), (jules, "Bonjour depuis le second")]:
            assert (await speaker.say(body))["type"] == "ack"
            for client in (awa, jules):
                await client.until(message_with(body))
        await awa.close()
        await jules.close()

    asyncio.run(talk())


def start_export(topology, staff, dataset):
    get(staff, topology.url("/equipe/exports/"))
    response = post(staff, topology.url("/equipe/exports/"), {"dataset": dataset, "format": "xlsx", "delimiter": ";"})
    assert response.status_code == 200 and "/equipe/exports/taches/" in response.url, (response.status_code, response.url)
    return response.url


def test_an_xlsx_export_shows_its_progress_until_done_then_downloads(topology, staff):
    if not topology.with_worker:
        pytest.skip(NEEDS_WORKER)
    from openpyxl import load_workbook

    job_url = start_export(topology, staff, "supports")
    seen = []

    def finished():
        status, progress, download = job_status(staff, topology, job_url)
        seen.append(progress)
        return download and status

    status = wait_until(finished, JOB_TIMEOUT, "the export job to be done", interval=0.2)
    assert status == "Terminé"  # the export's own word, not another app's « Done »
    download = job_status(staff, topology, job_url)[2]
    assert seen == sorted(seen) and seen[-1] == 100
    assert any(0 < progress < 100 for progress in seen), f"the progress never moved: {seen}"
    response = get(staff, topology.url(download))
    assert response.headers["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content), read_only=True).active
    assert sheet.max_row == topology.seed["supports"] + 1  # the header, then a row per support


def test_a_worker_killed_during_an_export_leaves_it_done_or_failed_never_stuck(topology, staff):
    if not topology.with_worker:
        pytest.skip(NEEDS_WORKER)
    job_url = start_export(topology, staff, "supports")
    status, progress, _ = wait_until(
        lambda: (found := job_status(staff, topology, job_url))[1] > 0 and found, JOB_TIMEOUT,
        "the export to be under way", interval=0.05,
    )
    assert status == "En cours" and progress < 100, "the export ended before the worker could be killed"
    killed = topology.pid("worker")
    os.killpg(killed, signal.SIGKILL)
    # The supervisor starts another worker; it finds the job of the dead one.
    wait_until(lambda: topology.pid("worker") != killed, 30, "the supervisor to restart the worker")

    def settled():
        status, progress, download = job_status(staff, topology, job_url)
        return status in ("Terminé", "Échec") and (status, download)

    status, download = wait_until(settled, JOB_TIMEOUT, "the interrupted job to end done or failed", interval=0.5)
    if status == "Terminé":
        assert get(staff, topology.url(download)).content[:2] == b"PK"
    # Nothing sent twice meanwhile.
    assert len(confirmation_emails(topology, topology.seed["live_title"])) == 1


def test_without_redis_pages_answer_the_room_says_offline_nothing_is_lost(topology, citizen, neighbour):
    import requests

    slug = topology.seed["live_event"]
    topology.redis.stop()
    try:
        if topology.health_path:  # the health page names what is down, through the proxy too
            health = requests.get(topology.url(topology.health_path), timeout=10)
            assert health.status_code == 503 and "redis" in health.json()["down"], health.text
        # Pages and writes go on (the cache fails open, sessions are in PostgreSQL).
        assert get(requests.Session(), topology.url("/propositions/")).status_code == 200
        response = register(topology, citizen, topology.seed["later_event"])
        assert "Vous êtes inscrit·e" in response.text
        assert topology.seed["later_title"] in get(citizen, topology.url("/mes-inscriptions/")).text

        async def offline():
            client = LiveClient(topology, slug, neighbour)
            frame = await client.open()
            assert frame["type"] == "error" and frame["code"] == "unavailable", frame
            assert "indisponible" in frame["detail"]
            await client.connection.wait_closed()
            assert client.connection.close_code == 1013  # try again later: the page reconnects by itself

        asyncio.run(offline())
    finally:
        topology.redis.start()

    async def recovered():
        # Each process finds Redis again by itself; a room spans both again.
        awa, jules = LiveClient(topology, slug, citizen), LiveClient(topology, slug, neighbour)
        await awa.open_until_hello(timeout=30)
        await jules.open_until_hello(timeout=30)
        body = "De retour après la panne"
        assert (await awa.say(body))["type"] == "ack"
        for client in (awa, jules):
            await client.until(message_with(body), timeout=30)
        await awa.close()
        await jules.close()

    asyncio.run(recovered())
    if topology.health_path:
        wait_until(lambda: requests.get(topology.url(topology.health_path), timeout=10).status_code == 200, 30,
                   f"{topology.health_path} to answer 200 again")
    # The registration made while Redis was down: saved, and its e-mail sent once.
    sent = wait_until(lambda: confirmation_emails(topology, topology.seed["later_title"]), EMAIL_TIMEOUT,
                      "the e-mail of the registration made while Redis was down")
    assert len(sent) == 1
    assert all(port_open(port) for port in [topology.http_port, topology.page_port, *topology.websocket_ports])

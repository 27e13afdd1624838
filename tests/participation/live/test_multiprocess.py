"""Two ASGI processes sharing a room through Redis: a client on each gets every message.

The processes are the production websocket server (uvicorn, as README's Configuration runs it).
"""

import asyncio
import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.db import connection

from tests.factories import UserFactory

from .factories import RoomFactory

ROOT = Path(__file__).resolve().parents[3]

pytestmark = [
    pytest.mark.redis,
    pytest.mark.postgres,
    pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="needs Redis: set REDIS_URL (make test-postgres)"),
]


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _database_url():
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return f"postgres://{db['USER']}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def _session_for(user):
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return session.session_key


def _wait_for(port, process, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(process.stderr.read().decode())
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"uvicorn did not listen on {port}")


@pytest.fixture
def two_servers(transactional_db):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: two processes must share the test database (make test-postgres)")
    env = {
        **os.environ,
        "DATABASE_URL": _database_url(),
        "DATABASE_POOL": "false",
        "DJANGO_SETTINGS_MODULE": "lapartcitoyenne.settings",
        "PYTHONPATH": str(ROOT),
    }
    ports = [_free_port(), _free_port()]
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "--ws", "websockets-sansio", "--ws-per-message-deflate", "false",
             "--lifespan", "off", "--no-access-log", "--log-level", "warning", "--host", "127.0.0.1", "--port", str(port),
             "lapartcitoyenne.asgi:application"],
            env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        )
        for port in ports
    ]
    try:
        for port, process in zip(ports, processes, strict=True):
            _wait_for(port, process)
        yield ports
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=10)


async def _exchange(ports, slug, writer_cookie, texts):
    import websockets

    def url(port):
        return f"ws://127.0.0.1:{port}/ws/live/{slug}/"

    def origin(port):  # the page a browser opened on that server
        return f"http://127.0.0.1:{port}"

    readers = [await websockets.connect(url(port), origin=origin(port)) for port in ports]
    writers = [
        await websockets.connect(url(port), origin=origin(port), additional_headers={"Cookie": f"sessionid={writer_cookie}"})
        for port in ports
    ]
    for client in readers + writers:
        assert json.loads(await asyncio.wait_for(client.recv(), 10))["type"] == "hello"
    for index, text in enumerate(texts):
        writer = writers[index % 2]
        await writer.send(json.dumps({"type": "message.send", "body": text, "ref": index}))
        while (reply := json.loads(await asyncio.wait_for(writer.recv(), 10)))["type"] not in ("ack", "error"):
            pass
        assert reply == {"type": "ack", "ref": index, "id": reply["id"]}, reply
    received = {index: [] for index in range(len(readers))}

    async def collect(index, client):
        while len(received[index]) < len(texts):
            frame = json.loads(await client.recv())
            for event in frame["frames"] if frame["type"] == "batch" else [frame]:
                if event["type"] == "message.created":
                    received[index].append((event["seq"], event["data"]["message"]["body"]))

    await asyncio.wait_for(asyncio.gather(*(collect(i, c) for i, c in enumerate(readers))), 20)
    for client in readers + writers:
        await client.close()
    return received


def test_two_processes_share_a_room_through_redis(two_servers):
    room = RoomFactory()
    writer = UserFactory(is_staff=True)  # staff: no rate limit in the way
    assert EmailAddress.objects.filter(user=writer, verified=True).exists()
    texts = [f"Message {n} à travers deux serveurs" for n in range(10)]
    received = asyncio.run(_exchange(two_servers, room.event.slug, _session_for(writer), texts))
    for frames in received.values():
        assert [body for _, body in frames] == texts
        seqs = [seq for seq, _ in frames]
        assert seqs == sorted(seqs) and len(set(seqs)) == len(texts)

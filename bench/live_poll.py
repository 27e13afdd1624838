"""A live poll in a room of 1,000 websocket clients on PostgreSQL, while the chat goes on.

A facilitator launches a single-choice poll; every client answers within ``ANSWER_WINDOW`` seconds
(at a seeded random moment) while a few participants keep chatting at a webinar's pace. Measured:

- **results**: from the last answer sent (by any client) to each client's receipt of a
  ``poll.results`` frame counting all the answers — the 99th percentile must stay under 500 ms;
- **frames**: ``poll.results`` frames per client (answers are coalesced: at most one frame per poll
  every ``POLL_FLUSH_INTERVAL`` per process), maximum and mean;
- **acks**: every answer acknowledged;
- **chat**: every message reaches every client (0 lost), with its latency from the send.

Setups: one uvicorn process (in-memory layer), two uvicorn processes behind Redis (clients split;
skipped when Redis does not answer), and the ceiling — a bare ``websockets`` broadcast server
(bench/broadcast_server.py) with the same clients and chat; it cannot count answers, so its
"results" figure is one results-sized frame broadcast to everyone when the last answer would have been sent.

Clients connect from 250 loopback addresses (127.0.0.2–251), as a room's participants come from many
networks: the per-address pace of the room (``IP_RATE_COUNT``) stays what production runs.
Environment: BENCH_CLIENTS (1000), BENCH_DATABASE_URL (PostgreSQL, database ``lpc_livepoll_bench``,
dropped and created), BENCH_REDIS_URL, BENCH_POLL_SETUPS (``uvicorn1,uvicorn2``).
"""

import asyncio
import json
import os
import random
import statistics
import subprocess
import sys
import time
from urllib.parse import urlsplit

from bench.live import (
    against_ceiling,
    CLIENTS,
    REDIS_URL,
    ROOT,
    cpu_seconds,
    free_port,
    origin_of,
    raise_file_limit,
    redis_answers,
    server_env,
    SERVERS,
    VAR,
    stop,
    wait_for_port,
)

DATABASE_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/lpc_livepoll_bench")
SETUPS = os.environ.get("BENCH_POLL_SETUPS", "uvicorn1,uvicorn2").split(",")
SLUG = "banc-d-essai-sondage-en-direct"
ANSWER_WINDOW = 8.0  # seconds over which the answers come, after the poll is launched (goal: within 10)
CHAT_SENDERS = 3  # participants chatting during the poll
CHAT_PERIOD = 3.0  # seconds between two messages of one sender: together, one message a second
CHAT_LEAD = 1.0  # the chat starts this long before the poll and goes on this long after the last answer
BUDGET_RESULTS_P99_MS = 500
MARK = "bench-chat-"
ADDRESSES = 250
OPTIONS = ["Vélo", "Bus", "Tramway", "Marche"]


def _database_name():
    return urlsplit(DATABASE_URL).path.lstrip("/")


def prepare_database():
    """A fresh PostgreSQL database: an open public room, a facilitator and CLIENTS participants, each
    with a session. Returns ``(facilitator cookie, [participant cookies])``, or None without PostgreSQL."""
    import psycopg

    parts = urlsplit(DATABASE_URL)
    admin = parts._replace(path="/postgres").geturl().replace("postgres://", "postgresql://", 1)
    try:
        with psycopg.connect(admin, autocommit=True, connect_timeout=3) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{_database_name()}" WITH (FORCE)')
            connection.execute(f'CREATE DATABASE "{_database_name()}"')
    except psycopg.OperationalError as error:
        print(f"(PostgreSQL at {parts.hostname}:{parts.port} does not answer: {error}; bench skipped)")
        return None
    script = f"""
import json
import django
django.setup()
from datetime import timedelta
from django.core.management import call_command
call_command("migrate", verbosity=0)
from allauth.account.models import EmailAddress
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import get_random_string
from consultations.models import Event, EventStatus, Theme
from participation.live.models import Room, RoomState

def session_of(user):
    key = get_random_string(32)
    data = {{SESSION_KEY: str(user.pk), BACKEND_SESSION_KEY: "django.contrib.auth.backends.ModelBackend",
            HASH_SESSION_KEY: user.get_session_auth_hash()}}
    return Session(session_key=key, session_data=SessionStore().encode(data), expire_date=timezone.now() + timedelta(days=1))

with transaction.atomic():
    theme, _ = Theme.objects.get_or_create(slug="banc", defaults={{"name": "Banc d'essai"}})
    event = Event.objects.create(slug="{SLUG}", title="Banc d'essai des sondages", kind="webinar", theme=theme,
                                 status=EventStatus.PUBLISHED)
    Room.objects.create(event=event, state=RoomState.OPEN)
    User = get_user_model()
    users = [User.objects.create_user(email="animation@banc.example", display_name="Animation", is_staff=True)]
    users += [User.objects.create_user(email=f"p{{i}}@banc.example", display_name=f"Participant {{i}}") for i in range({CLIENTS})]
    EmailAddress.objects.bulk_create(EmailAddress(user=u, email=u.email, verified=True, primary=True) for u in users)
    sessions = [session_of(u) for u in users]
    Session.objects.bulk_create(sessions)
print(json.dumps([s.session_key for s in sessions]))
"""
    env = {**server_env(), "DATABASE_URL": DATABASE_URL}
    out = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=300, cwd=ROOT)
    if out.returncode:
        raise RuntimeError(out.stderr)
    keys = json.loads(out.stdout.strip().splitlines()[-1])
    return keys[0], keys[1:]


def start_uvicorn(port, redis_url=None):
    """bench.live's uvicorn command, on the PostgreSQL database (its servers use SQLite)."""
    return subprocess.Popen(
        [sys.executable, *SERVERS["uvicorn"], str(port), "lapartcitoyenne.asgi:application"],
        env={**server_env(redis_url), "DATABASE_URL": DATABASE_URL}, cwd=ROOT, stdout=subprocess.DEVNULL,
        # A file, not a pipe nobody reads: a server logging errors under load must not block on it.
        stderr=open(VAR / f"live_poll-{port}.log", "w"),
    )


def percentile(values, share):
    values = sorted(values)
    return values[max(int(len(values) * share) - 1, 0)] if values else float("nan")


class Client:
    """One participant's socket: what it received, when, and its answer."""

    def __init__(self, index):
        self.index = index
        self.chat = {}  # message number -> arrival
        self.results_frames = 0
        self.full_results_at = None  # first poll.results counting every answer
        self.opened = asyncio.get_running_loop().create_future()  # the poll.opened frame's poll
        self.answer_sent_at = None
        self.ack_at = None
        self.refused = None

    def received(self, raw, at, expected_total):
        position = raw.find(MARK)
        while position >= 0:
            start = end = position + len(MARK)
            while end < len(raw) and raw[end].isdigit():
                end += 1
            self.chat.setdefault(int(raw[start:end]), at)
            position = raw.find(MARK, end)
        if '"poll.' not in raw and '"ack"' not in raw and '"error"' not in raw:
            return
        frame = json.loads(raw)
        for item in frame["frames"] if frame.get("type") == "batch" else [frame]:
            kind = item.get("type")
            if kind == "poll.results":
                self.results_frames += 1
                if self.full_results_at is None and (item.get("results") or {}).get("total") == expected_total:
                    self.full_results_at = at
            elif kind == "poll.opened" and not self.opened.done():
                self.opened.set_result(item["data"]["poll"])
            elif kind == "ack" and item.get("ref") == "answer":
                self.ack_at = at
            elif kind == "error" and item.get("ref") == "answer":
                self.refused = item.get("code")


async def _listen(client, connection, expected_total):
    import websockets

    try:
        async for raw in connection:
            client.received(raw, time.perf_counter(), expected_total)
    except websockets.ConnectionClosed:
        pass


async def _connect(url, index, cookie=None):
    import websockets

    headers = {"Cookie": f"sessionid={cookie}"} if cookie else {}
    for attempt in range(5):
        try:
            return await websockets.connect(
                url, origin=origin_of(url), additional_headers=headers, max_queue=None, open_timeout=30,
                ping_interval=None, compression=None, local_addr=(f"127.0.0.{2 + index % ADDRESSES}", 0),
            )
        except (OSError, websockets.InvalidHandshake, asyncio.TimeoutError):
            if attempt == 4:
                raise
            await asyncio.sleep(0.5 * (attempt + 1))


def results_frame_like(total):
    """What the ceiling broadcasts in place of the results: the same shape and size."""
    choices = [{"key": i, "label": label, "count": total // 4, "percent": 25} for i, label in enumerate(OPTIONS)]
    return json.dumps({"type": "poll.results", "poll": 1, "state": "open", "results": {"total": total, "choices": choices}})


async def run_poll(urls, facilitator_cookie, cookies, pids, ceiling=False):
    """Connect, chat, launch the poll, answer, and collect the figures of one setup."""
    rng = random.Random(2026)
    clients = [Client(i) for i in range(CLIENTS)]
    connections, listeners = [], []
    for start in range(0, CLIENTS, 25):
        batch = range(start, min(start + 25, CLIENTS))
        opened = await asyncio.wait_for(
            asyncio.gather(*(_connect(urls[i % len(urls)], i, None if ceiling else cookies[i]) for i in batch)), timeout=90
        )
        for i, connection in zip(batch, opened):
            connections.append(connection)
            listeners.append(asyncio.ensure_future(_listen(clients[i], connection, CLIENTS)))
    facilitator = await _connect(urls[0], CLIENTS, None if ceiling else facilitator_cookie)
    facilitator_listener = asyncio.ensure_future(_listen(Client(-1), facilitator, CLIENTS))
    await asyncio.sleep(3)  # the presence announcements of 1,000 arrivals settle

    chat_sent = {}
    chatting = True

    async def chat(sender):
        number = sender
        await asyncio.sleep(sender * CHAT_PERIOD / CHAT_SENDERS)
        while chatting:
            chat_sent[number] = time.perf_counter()
            body = f"{MARK}{number}"
            if ceiling:
                frame = {"type": "message.created", "seq": number, "data": {"message": {"body": body, "html": f"<p>{body}</p>"}}}
            else:
                frame = {"type": "message.send", "body": body}
            await connections[sender].send(json.dumps(frame))
            number += CHAT_SENDERS
            await asyncio.sleep(CHAT_PERIOD)

    load_before, cpu_before = os.getloadavg()[0], cpu_seconds(pids)
    chatters = [asyncio.ensure_future(chat(sender)) for sender in range(CHAT_SENDERS)]
    await asyncio.sleep(CHAT_LEAD)
    launched = time.perf_counter()
    delays = [rng.uniform(0.2, ANSWER_WINDOW) for _ in clients]

    async def answer(client, connection):
        if ceiling:
            await asyncio.sleep(delays[client.index])
            client.answer_sent_at = time.perf_counter()
            return
        poll = await asyncio.wait_for(client.opened, timeout=10)
        await asyncio.sleep(max(0.0, launched + delays[client.index] - time.perf_counter()))
        choice = poll["options"][client.index % len(poll["options"])]["id"]
        client.answer_sent_at = time.perf_counter()
        await connection.send(json.dumps({"type": "poll.answer", "poll": poll["id"], "options": [choice], "ref": "answer"}))

    if not ceiling:
        await facilitator.send(json.dumps(
            {"type": "poll.create", "kind": "single", "question": "Quel mode de transport pour 2027 ?", "options": OPTIONS,
             "launch": True, "ref": "poll"}
        ))
    await asyncio.gather(*(answer(c, connections[c.index]) for c in clients), return_exceptions=True)
    last_answer = max((c.answer_sent_at for c in clients if c.answer_sent_at), default=launched)
    if ceiling:
        await facilitator.send(results_frame_like(CLIENTS))
    deadline = last_answer + 10
    while time.perf_counter() < deadline and any(c.full_results_at is None for c in clients):
        await asyncio.sleep(0.05)
    await asyncio.sleep(max(0.0, last_answer + CHAT_LEAD - time.perf_counter()))
    chatting = False
    await asyncio.gather(*chatters)
    deadline = time.perf_counter() + 10
    while time.perf_counter() < deadline and sum(len(c.chat) for c in clients) < CLIENTS * len(chat_sent):
        await asyncio.sleep(0.1)
    cpu = cpu_seconds(pids) - cpu_before
    load = (load_before + os.getloadavg()[0]) / 2
    for connection in connections + [facilitator]:
        await connection.close()
    for task in listeners + [facilitator_listener]:
        task.cancel()

    results = [(c.full_results_at - last_answer) * 1000 for c in clients if c.full_results_at is not None]
    chat_latencies = [(at - chat_sent[n]) * 1000 for c in clients for n, at in c.chat.items() if n in chat_sent]
    frames = [c.results_frames for c in clients]
    acks = [(c.ack_at - c.answer_sent_at) * 1000 for c in clients if c.ack_at is not None]
    return {
        "answers_span": last_answer - launched,
        "results_p50": statistics.median(results) if results else float("nan"),
        "results_p99": percentile(results, 0.99),
        "results_max": max(results, default=float("nan")),
        "results_missing": CLIENTS - len(results),
        "frames_max": max(frames),
        "frames_mean": statistics.mean(frames),
        "acks": len(acks),
        "ack_p99": percentile(acks, 0.99),
        "refused": sorted({c.refused for c in clients if c.refused}),
        "chat_messages": len(chat_sent),
        "chat_lost": CLIENTS * len(chat_sent) - len(chat_latencies),
        "chat_p99": percentile(chat_latencies, 0.99),
        "cpu_s": cpu,
        "load": load,
    }


async def scenario(processes_count, cookies, redis_url=None):
    facilitator_cookie, participant_cookies = cookies
    ports = [free_port() for _ in range(processes_count)]
    processes = [start_uvicorn(port, redis_url) for port in ports]
    try:
        for port in ports:
            await wait_for_port(port)
        urls = [f"ws://127.0.0.1:{port}/ws/live/{SLUG}/" for port in ports]
        return await asyncio.wait_for(
            run_poll(urls, facilitator_cookie, participant_cookies, [p.pid for p in processes]), timeout=300
        )
    finally:
        stop(processes)


async def scenario_ceiling():
    return await against_ceiling(lambda url, pid: run_poll([url], None, None, [pid], ceiling=True))


def main():
    raise_file_limit()
    VAR.mkdir(parents=True, exist_ok=True)
    print(f"Live poll: {CLIENTS} clients answer within {ANSWER_WINDOW:.0f} s while {CHAT_SENDERS} participants chat"
          f" (one message a second in all); PostgreSQL {_database_name()}")
    print(f"load average before: {os.getloadavg()[0]:.2f} (2 cores shared with whatever else runs)")
    cookies = prepare_database()
    if cookies is None:
        return
    setups = []
    if "uvicorn1" in SETUPS:
        setups.append(("uvicorn ×1, in-memory layer", 1, None))
    if "uvicorn2" in SETUPS:
        if redis_answers(REDIS_URL):
            setups.append(("uvicorn ×2, Redis layer", 2, REDIS_URL))
        else:
            print(f"(Redis at {REDIS_URL} does not answer: the two-process setup is skipped)")
    figures = [(name, asyncio.run(scenario(count, cookies, redis))) for name, count, redis in setups]
    ceiling = asyncio.run(scenario_ceiling())
    figures.append(("bare websockets broadcast (ceiling)", ceiling))
    header = (
        f"{'setup':36} {'answers s':>9} {'results p50/p99/max ms':>23} {'missing':>7} {'×ceil':>6}"
        f" {'frames max/mean':>15} {'acks':>5} {'ack p99':>7} {'chat lost':>9} {'chat p99':>8} {'CPU s':>6} {'loadavg':>7}"
    )
    print(header)
    print("-" * len(header))
    for name, r in figures:
        ratio = r["results_p99"] / ceiling["results_p99"] if ceiling["results_p99"] else float("nan")
        print(
            f"{name:36} {r['answers_span']:9.1f} {r['results_p50']:7.0f} /{r['results_p99']:6.0f} /{r['results_max']:6.0f}"
            f" {r['results_missing']:7d} {ratio:6.1f} {r['frames_max']:7d} /{r['frames_mean']:6.1f} {r['acks']:5d}"
            f" {r['ack_p99']:7.0f} {r['chat_lost']:4d}/{r['chat_messages'] * CLIENTS:<4d} {r['chat_p99']:8.0f}"
            f" {r['cpu_s']:6.1f} {r['load']:7.2f}"
        )
        if r["refused"]:
            print(f"  refused answers: {', '.join(r['refused'])}")
    for name, r in figures[:-1]:
        ok = (r["results_p99"] < BUDGET_RESULTS_P99_MS and not r["results_missing"] and not r["chat_lost"]
              and r["acks"] == CLIENTS and r["answers_span"] <= 10)
        print(f"{name}: {'within' if ok else 'OVER'} budget (results p99 < {BUDGET_RESULTS_P99_MS} ms after the last"
              f" answer, every answer acknowledged, 0 chat message lost)")

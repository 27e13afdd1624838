"""A live room with 1,000 connected clients: delivery latency, throughput and losses.

Three setups, all on loopback, each bounded in time:
1. one daphne process with the in-memory channel layer;
2. two daphne processes sharing rooms through Redis (channels-redis), clients split between them
   (skipped when Redis does not answer);
3. the ceiling: a bare ``websockets`` broadcast server, same clients, same frames.

One writer (a facilitator, so that the rate limits do not apply) sends MESSAGES messages; every
client records when each one arrives. Latency is measured from the writer's send to each arrival.
Environment: BENCH_CLIENTS (1000), BENCH_MESSAGES (20), BENCH_INTERVAL (0.25 s), BENCH_REDIS_URL.
"""

import asyncio
import json
import os
import resource
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VAR = ROOT / "var" / "bench"
DB_PATH = VAR / "live.sqlite3"
CLIENTS = int(os.environ.get("BENCH_CLIENTS", "1000"))
MESSAGES = int(os.environ.get("BENCH_MESSAGES", "20"))
INTERVAL = float(os.environ.get("BENCH_INTERVAL", "0.25"))
REDIS_URL = os.environ.get("BENCH_REDIS_URL", os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/14"))
SLUG = "banc-d-essai-salon-en-direct"
BUDGET_P99_MS = 200
MARK = "bench-message-"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def raise_file_limit():
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = min(hard, max(soft, CLIENTS * 3 + 1000))
    if wanted > soft:
        resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))


def server_env(redis_url=None):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "lapartcitoyenne.settings", "DATABASE_URL": f"sqlite:///{DB_PATH}",
           "LOG_LEVEL": "ERROR", "PYTHONPATH": str(ROOT)}
    env.pop("REDIS_URL", None)
    if redis_url:
        env["REDIS_URL"] = redis_url
    return env


def prepare_database():
    """A fresh SQLite database with one open room and a facilitator's session; returns the cookie."""
    VAR.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{DB_PATH}{suffix}").unlink(missing_ok=True)
    script = f"""
import django
django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
from allauth.account.models import EmailAddress
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
from django.contrib.sessions.backends.db import SessionStore
from consultations.models import Event, EventStatus, Theme
from participation.live.models import Room, RoomState
theme, _ = Theme.objects.get_or_create(slug="banc", defaults={{"name": "Banc d'essai"}})
event = Event.objects.create(slug="{SLUG}", title="Banc d'essai", kind="webinar", theme=theme, status=EventStatus.PUBLISHED)
Room.objects.create(event=event, state=RoomState.OPEN)
user = get_user_model().objects.create_user(email="animation@banc.example", password="x", display_name="Animation", is_staff=True)
EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
session = SessionStore()
session[SESSION_KEY] = str(user.pk)
session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
session[HASH_SESSION_KEY] = user.get_session_auth_hash()
session.create()
print(session.session_key)
"""
    out = subprocess.run([sys.executable, "-c", script], env=server_env(), capture_output=True, text=True, timeout=120, cwd=ROOT)
    if out.returncode:
        raise RuntimeError(out.stderr)
    return out.stdout.strip().splitlines()[-1]


def redis_answers(url):
    try:
        import redis

        redis.Redis.from_url(url, socket_connect_timeout=1).ping()
        return True
    except Exception:
        return False


async def wait_for_port(port, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            _, writer = await asyncio.open_connection("127.0.0.1", port)
            writer.close()
            return
        except OSError:
            await asyncio.sleep(0.2)
    raise RuntimeError(f"nothing listens on port {port}")


def start_daphne(port, redis_url=None):
    return subprocess.Popen(
        [sys.executable, "-m", "daphne", "-b", "127.0.0.1", "-p", str(port), "-v", "0", "lapartcitoyenne.asgi:application"],
        env=server_env(redis_url), cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )


def start_ceiling(port):
    return subprocess.Popen(
        [sys.executable, "-m", "bench.broadcast_server", str(port)], cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )


def stop(processes):
    for process in processes:
        process.terminate()
    for process in processes:
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


async def run_clients(urls, writer_url, writer_headers, origin, frame_for, sent_marker_count=MESSAGES):
    """Connect the clients, send the messages, collect arrivals. Returns the figures."""
    import websockets

    arrivals = [dict() for _ in range(CLIENTS)]
    sent_at = {}
    connections = []

    async def listen(index, connection):
        try:
            async for raw in connection:
                at = time.perf_counter()
                position = raw.find(MARK)
                if position >= 0:
                    number = int(raw[position + len(MARK): position + len(MARK) + 6].split('"')[0].split("\\")[0])
                    arrivals[index].setdefault(number, at)
        except websockets.ConnectionClosed:
            pass

    async def connect(index):
        url = urls[index % len(urls)]
        for attempt in range(5):
            try:
                connection = await websockets.connect(url, origin=origin, max_queue=None, open_timeout=30, ping_interval=None)
                break
            except (OSError, websockets.InvalidHandshake, asyncio.TimeoutError):
                if attempt == 4:
                    raise
                await asyncio.sleep(0.5 * (attempt + 1))
        connections.append(connection)
        return asyncio.ensure_future(listen(index, connection))

    listeners = []
    batch = 25
    for start in range(0, CLIENTS, batch):
        listeners += await asyncio.wait_for(
            asyncio.gather(*(connect(i) for i in range(start, min(start + batch, CLIENTS)))), timeout=90
        )
    writer = await websockets.connect(writer_url, origin=origin, additional_headers=writer_headers, open_timeout=30, ping_interval=None)
    writer_task = asyncio.ensure_future(_drain(writer))
    await asyncio.sleep(3)  # let the presence announcements of 1,000 arrivals settle
    first_send = time.perf_counter()
    for number in range(sent_marker_count):
        sent_at[number] = time.perf_counter()
        await writer.send(frame_for(number))
        await asyncio.sleep(INTERVAL)
    deadline = time.perf_counter() + 15
    while time.perf_counter() < deadline:
        if sum(len(a) for a in arrivals) >= CLIENTS * sent_marker_count:
            break
        await asyncio.sleep(0.1)
    latencies = [(at - sent_at[n]) * 1000 for client in arrivals for n, at in client.items()]
    last = max((at for client in arrivals for at in client.values()), default=first_send)
    delivered = len(latencies)
    for connection in connections + [writer]:
        await connection.close()
    for task in listeners + [writer_task]:
        task.cancel()
    latencies.sort()
    return {
        "delivered": delivered,
        "lost": CLIENTS * sent_marker_count - delivered,
        "p50": statistics.median(latencies) if latencies else float("nan"),
        "p99": latencies[int(len(latencies) * 0.99) - 1] if latencies else float("nan"),
        "max": latencies[-1] if latencies else float("nan"),
        "rate": delivered / max(last - first_send, 1e-9),
    }


async def _drain(connection):
    import websockets

    try:
        async for _ in connection:
            pass
    except websockets.ConnectionClosed:
        pass


def live_frame(number):
    return json.dumps({"type": "message.send", "body": f"{MARK}{number}"})


def ceiling_frame(number):
    # The same shape and size as the room's broadcast frame.
    return json.dumps({"type": "message.created", "seq": number, "data": {"message": {"body": f"{MARK}{number}", "html": f"<p>{MARK}{number}</p>"}}})


async def scenario_daphne(cookie, processes_count, redis_url):
    ports = [free_port() for _ in range(processes_count)]
    processes = [start_daphne(port, redis_url) for port in ports]
    try:
        for port in ports:
            await wait_for_port(port)
        urls = [f"ws://127.0.0.1:{port}/ws/live/{SLUG}/" for port in ports]
        origin = f"http://127.0.0.1:{ports[0]}"
        return await asyncio.wait_for(
            run_clients(urls, urls[0], {"Cookie": f"sessionid={cookie}"}, origin, live_frame), timeout=240
        )
    finally:
        stop(processes)


async def scenario_ceiling():
    port = free_port()
    processes = [start_ceiling(port)]
    try:
        await wait_for_port(port)
        url = f"ws://127.0.0.1:{port}/"
        return await asyncio.wait_for(run_clients([url], url, {}, f"http://127.0.0.1:{port}", ceiling_frame), timeout=240)
    finally:
        stop(processes)


def main():
    raise_file_limit()
    print(f"Live room: {CLIENTS} clients, {MESSAGES} messages {INTERVAL * 1000:.0f} ms apart, loopback")
    cookie = prepare_database()
    results = []
    results.append(("daphne ×1, in-memory layer", asyncio.run(scenario_daphne(cookie, 1, None))))
    if redis_answers(REDIS_URL):
        results.append(("daphne ×2, Redis layer", asyncio.run(scenario_daphne(cookie, 2, REDIS_URL))))
    else:
        print(f"(Redis at {REDIS_URL} does not answer: the two-process setup is skipped)")
    ceiling = asyncio.run(scenario_ceiling())
    results.append(("bare websockets broadcast (ceiling)", ceiling))
    header = f"{'setup':38} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8} {'deliv./s':>9} {'lost':>6} {'p99 ×ceil':>9}"
    print(header)
    print("-" * len(header))
    for name, r in results:
        ratio = r["p99"] / ceiling["p99"] if ceiling["p99"] else float("nan")
        print(f"{name:38} {r['p50']:8.1f} {r['p99']:8.1f} {r['max']:8.1f} {r['rate']:9.0f} {r['lost']:6d} {ratio:9.2f}")
    for name, r in results[:-1]:
        verdict = "within" if r["p99"] < BUDGET_P99_MS and r["lost"] == 0 else "OVER"
        print(f"{name}: {verdict} budget (p99 < {BUDGET_P99_MS} ms, 0 lost)")

"""A live room with 1,000 connected clients: delivery latency, throughput and losses.

Setups, all on loopback, each bounded in time:
1. one uvicorn process (the production websocket server) with the in-memory channel layer;
2. two uvicorn processes sharing the room through Redis (channels-redis), clients split between
   them (skipped when Redis does not answer);
3. one daphne process with the in-memory layer (what ``runserver`` serves), for comparison;
4. the ceiling: a bare ``websockets`` broadcast server, same clients, same frames.

One writer (a facilitator, so that the rate limits do not apply) sends each load's messages; every
client records when each one arrives. Latency runs from the writer's send to each arrival at each
client, every client counted. Two loads: a burst (20 messages 250 ms apart) and a webinar's steady
chat (10 messages 1 s apart). Also printed: the servers' CPU time per delivery (less sensitive to
whatever else runs on the machine than latency is) and the load average during the load.
Environment: BENCH_CLIENTS (1000), BENCH_MESSAGES and BENCH_INTERVAL (one load of your own),
BENCH_SERVERS (uvicorn,daphne: the first also runs with Redis), BENCH_REDIS_URL.
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
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
VAR = ROOT / "var" / "bench"
DB_PATH = VAR / "live.sqlite3"
CLIENTS = int(os.environ.get("BENCH_CLIENTS", "1000"))
# A burst (a lively moment: 4 messages a second to everyone) and the steady pace of a busy webinar
# chat (one a second). BENCH_MESSAGES and BENCH_INTERVAL replace them with one load of your own.
if "BENCH_MESSAGES" in os.environ or "BENCH_INTERVAL" in os.environ:
    LOADS = [("custom", int(os.environ.get("BENCH_MESSAGES", "20")), float(os.environ.get("BENCH_INTERVAL", "0.25")))]
else:
    LOADS = [("burst", 20, 0.25), ("webinar", 10, 1.0)]
# The first server is the one production uses; it is also measured with two processes and Redis.
SERVERS_MEASURED = os.environ.get("BENCH_SERVERS", "uvicorn,daphne").split(",")
REDIS_URL = os.environ.get("BENCH_REDIS_URL", os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/14"))
SLUG = "banc-d-essai-salon-en-direct"
BUDGET_P99_MS = 200
MARK = "bench-message-"


_taken = set()


def free_port():
    """A free port: any the system gives, or the next free one of BENCH_PORT_RANGE (``8200-8299``) on
    a machine where each user keeps to their own range."""
    wanted = os.environ.get("BENCH_PORT_RANGE")
    if not wanted:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            return s.getsockname()[1]
    low, high = (int(part) for part in wanted.split("-"))
    for port in range(low, high + 1):
        if port in _taken:
            continue
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
        _taken.add(port)
        return port
    raise RuntimeError(f"no free port in {wanted}")


def raise_file_limit():
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = min(hard, max(soft, CLIENTS * 3 + 1000))
    if wanted > soft:
        resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))


def server_env(redis_url=None, database_url=None, settings_module=None):
    """The servers' environment: by default this bench's SQLite file and the site's settings."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": settings_module or "lapartcitoyenne.settings",
           "DATABASE_URL": database_url or f"sqlite:///{DB_PATH}",
           "LOG_LEVEL": "ERROR", "PYTHONPATH": str(ROOT), "LIVE_MAX_CONNECTIONS_PER_ADDRESS": str(CLIENTS + 1000),
           # As deployed: with DEBUG on, every query goes through the debug cursor and is kept in memory.
           "DEBUG": "0"}
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


SERVERS = {
    "daphne": ["-m", "daphne", "-b", "127.0.0.1", "-v", "0", "-p"],
    "uvicorn": ["-m", "uvicorn", "--ws", "websockets-sansio", "--ws-per-message-deflate", "false", "--lifespan", "off",
                "--no-access-log", "--log-level", "error", "--host", "127.0.0.1", "--port"],
}


def start_server(server, port, redis_url=None, env=None):
    """``env``: the servers' environment (``server_env``), when not the default one."""
    return subprocess.Popen(
        [sys.executable, *SERVERS[server], str(port), "lapartcitoyenne.asgi:application"],
        env=env or server_env(redis_url), cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
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


def cpu_seconds(pids):
    """User and system CPU time that the server processes have used so far (Linux /proc)."""
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return float("nan")
        total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


def origin_of(url):
    """The page a browser would have opened on that server: the origin check includes the port."""
    return f"http://{urlsplit(url).netloc}"


async def run_clients(urls, writer_url, writer_headers, frame_for, pids):
    """Connect the clients, then send each load's messages and collect arrivals. Returns figures per load."""
    import websockets

    connections = []
    received = [None] * CLIENTS  # per client: {message number: arrival time} of the current load

    async def listen(index, connection):
        try:
            async for raw in connection:
                at = time.perf_counter()
                # A "batch" frame carries several messages: each counts, arriving with the frame.
                position = raw.find(MARK)
                while position >= 0:
                    start = position + len(MARK)
                    end = start
                    while end < len(raw) and raw[end].isdigit():
                        end += 1
                    received[index].setdefault(int(raw[start:end]), at)
                    position = raw.find(MARK, end)
        except websockets.ConnectionClosed:
            pass

    async def connect(index):
        url = urls[index % len(urls)]
        for attempt in range(5):
            try:
                connection = await websockets.connect(
                    url, origin=origin_of(url), max_queue=None, open_timeout=30, ping_interval=None, compression=None
                )
                break
            except (OSError, websockets.InvalidHandshake, asyncio.TimeoutError):
                if attempt == 4:
                    raise
                await asyncio.sleep(0.5 * (attempt + 1))
        connections.append(connection)
        return asyncio.ensure_future(listen(index, connection))

    for index in range(CLIENTS):
        received[index] = {}
    listeners = []
    batch = 25
    for start in range(0, CLIENTS, batch):
        listeners += await asyncio.wait_for(
            asyncio.gather(*(connect(i) for i in range(start, min(start + batch, CLIENTS)))), timeout=90
        )
    writer = await websockets.connect(
        writer_url, origin=origin_of(writer_url), additional_headers=writer_headers, open_timeout=30, ping_interval=None, compression=None
    )
    writer_task = asyncio.ensure_future(_drain(writer))
    await asyncio.sleep(3)  # let the presence announcements of 1,000 arrivals settle
    results = {}
    offset = 0  # message numbers go on from load to load, so that each is unique
    for name, count, interval in LOADS:
        for index in range(CLIENTS):
            received[index] = {}
        sent_at = {}
        load_before = os.getloadavg()[0]
        cpu_before = cpu_seconds(pids)
        first_send = time.perf_counter()
        for number in range(offset, offset + count):
            sent_at[number] = time.perf_counter()
            await writer.send(frame_for(number))
            await asyncio.sleep(interval)
        deadline = time.perf_counter() + 15
        while time.perf_counter() < deadline:
            if sum(len(r) for r in received) >= CLIENTS * count:
                break
            await asyncio.sleep(0.1)
        cpu = cpu_seconds(pids) - cpu_before
        latencies = sorted((at - sent_at[n]) * 1000 for r in received for n, at in r.items() if n in sent_at)
        last = max((at for r in received for at in r.values()), default=first_send)
        delivered = len(latencies)
        results[name] = {
            "delivered": delivered,
            "lost": CLIENTS * count - delivered,
            "p50": statistics.median(latencies) if latencies else float("nan"),
            # Every delivery to every client counts, the slowest included.
            "p99": latencies[int(len(latencies) * 0.99) - 1] if latencies else float("nan"),
            "max": latencies[-1] if latencies else float("nan"),
            "rate": delivered / max(last - first_send, 1e-9),
            "cpu_us": cpu / max(delivered, 1) * 1e6,
            "load": (load_before + os.getloadavg()[0]) / 2,
        }
        offset += count
        await asyncio.sleep(2)
    for connection in connections + [writer]:
        await connection.close()
    for task in listeners + [writer_task]:
        task.cancel()
    return results


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


async def scenario_django(server, cookie, processes_count, redis_url):
    ports = [free_port() for _ in range(processes_count)]
    processes = [start_server(server, port, redis_url) for port in ports]
    try:
        for port in ports:
            await wait_for_port(port)
        urls = [f"ws://127.0.0.1:{port}/ws/live/{SLUG}/" for port in ports]
        return await asyncio.wait_for(
            run_clients(urls, urls[0], {"Cookie": f"sessionid={cookie}"}, live_frame, [p.pid for p in processes]),
            timeout=300,
        )
    finally:
        stop(processes)


async def against_ceiling(run, timeout=300):
    """``run(url, pid)`` against a bare ``websockets`` broadcast server on a free port, stopped after:
    the baseline every live bench prints its figures beside."""
    port = free_port()
    processes = [start_ceiling(port)]
    try:
        await wait_for_port(port)
        return await asyncio.wait_for(run(f"ws://127.0.0.1:{port}/", processes[0].pid), timeout=timeout)
    finally:
        stop(processes)


async def scenario_ceiling():
    return await against_ceiling(lambda url, pid: run_clients([url], url, {}, ceiling_frame, [pid]))


def main():
    """``python -m bench live``: the write path with many senders (``bench.live_write``); with
    ``BENCH_LIVE_SINGLE=1``, the delivery bench with one writer (``main_single_writer``) as well."""
    from bench import live_write

    live_write.main()
    if os.environ.get("BENCH_LIVE_SINGLE"):
        main_single_writer()


def main_single_writer():
    raise_file_limit()
    loads = ", ".join(f"{name}: {count} messages {interval * 1000:.0f} ms apart" for name, count, interval in LOADS)
    print(f"Live room: {CLIENTS} clients on loopback; {loads}")
    print(f"load average before: {os.getloadavg()[0]:.2f} (2 cores shared with whatever else runs)")
    cookie = prepare_database()
    setups = []
    with_redis = redis_answers(REDIS_URL)
    for server in SERVERS_MEASURED:
        setups.append((f"{server} ×1, in-memory layer", server, 1, None))
        if with_redis and server == SERVERS_MEASURED[0]:
            setups.append((f"{server} ×2, Redis layer", server, 2, REDIS_URL))
    if not with_redis:
        print(f"(Redis at {REDIS_URL} does not answer: the two-process setup is skipped)")
    results = [(name, asyncio.run(scenario_django(server, cookie, count, redis))) for name, server, count, redis in setups]
    ceiling = asyncio.run(scenario_ceiling())
    results.append(("bare websockets broadcast (ceiling)", ceiling))
    header = (
        f"{'setup':36} {'load':8} {'p50 ms':>7} {'p99 ms':>7} {'max ms':>7} {'deliv./s':>8} {'lost':>5}"
        f" {'CPU µs/deliv.':>13} {'p99 ×ceil':>9} {'loadavg':>7}"
    )
    print(header)
    print("-" * len(header))
    for name, by_load in results:
        for load, r in by_load.items():
            ceil = ceiling[load]["p99"]
            print(
                f"{name:36} {load:8} {r['p50']:7.1f} {r['p99']:7.1f} {r['max']:7.1f} {r['rate']:8.0f} {r['lost']:5d}"
                f" {r['cpu_us']:13.0f} {r['p99'] / ceil if ceil else float('nan'):9.2f} {r['load']:7.2f}"
            )
    for name, by_load in results[:-1]:
        for load, r in by_load.items():
            verdict = "within" if r["p99"] < BUDGET_P99_MS and r["lost"] == 0 else "OVER"
            print(f"{name}, {load}: {verdict} budget (p99 < {BUDGET_P99_MS} ms, 0 lost)")

"""A live room's write path: many senders, 1,000 clients, PostgreSQL, beside a bare broadcast.

Setups, each on loopback: one uvicorn process (in-memory layer), two uvicorn processes behind
Redis (clients and senders split between them), and the ceiling, a bare ``websockets`` broadcast
server (``bench.broadcast_server``), measured in the same run with the same clients and frames.

``BENCH_SENDERS`` (20) signed-in citizens send the messages, in turn; ``BENCH_CLIENTS`` (1,000)
clients listen. Scenarios, on the same connections:
- latency: a webinar's pace (10 messages within 1 s) and a burst (20 messages within 250 ms), each
  ``BENCH_ROUNDS`` (3) times; latency from a sender's send to each client's receipt (every
  delivery, the slowest included), and to the sender's ``ack`` (for the ceiling: its own echo);
- throughput: every sender keeps ``BENCH_WINDOW`` (10) messages unacknowledged until
  ``BENCH_THROUGHPUT`` (1,000) are sent: acknowledged messages per second;
- reconnection storm: ``BENCH_STORM`` (100) signed-in clients drop and reconnect at once (hello,
  rights, a replay of the last 50 events) while the senders write at the webinar's pace for 3 s:
  write latency beside the same load without the storm.
Printed: p50/p95/p99/max, acks, refusals, lost (must be 0), p99 × the ceiling's, the load average.
The rate limits are lifted (``bench.live_settings``): the senders all come from 127.0.0.1.
Database: ``BENCH_DATABASE_URL``, else ``DATABASE_URL`` when it is PostgreSQL, else
``postgres://postgres@127.0.0.1/lpc_bench_live`` (created if missing).
"""

import asyncio
import json
import os
import statistics
import subprocess
import sys
import time
from urllib.parse import urlsplit

from bench.live import (
    against_ceiling,
    CLIENTS,
    MARK,
    REDIS_URL,
    ROOT,
    ceiling_frame,
    cpu_seconds,
    free_port,
    origin_of,
    raise_file_limit,
    redis_answers,
    server_env,
    start_server,
    stop,
    wait_for_port,
)

SENDERS = int(os.environ.get("BENCH_SENDERS", "20"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
WINDOW = int(os.environ.get("BENCH_WINDOW", "10"))
THROUGHPUT = int(os.environ.get("BENCH_THROUGHPUT", "1000"))
STORM = int(os.environ.get("BENCH_STORM", "100"))
# (name, messages, seconds between two sends): 10 within 1 s, 20 within 250 ms.
LOADS = [("webinar", 10, 0.1), ("burst", 20, 0.25 / 20)]
SLUG = "banc-d-essai-ecriture-en-direct"
SETTINGS = "bench.live_settings"
BUDGET_RATIO = 2.0
WANTED_RATE = 200


def database_url():
    url = os.environ.get("BENCH_DATABASE_URL") or os.environ.get("DATABASE_URL") or ""
    return url if url.startswith("postgres") else "postgres://postgres@127.0.0.1/lpc_bench_live"


def ensure_database(url):
    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    host = ["-h", parts.hostname or "127.0.0.1", "-U", parts.username or "postgres"]
    if parts.port:
        host += ["-p", str(parts.port)]
    subprocess.run(["createdb", *host, name], capture_output=True)


PREPARE = """
import json, django
django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
from allauth.account.models import EmailAddress
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
from django.contrib.sessions.backends.db import SessionStore
from consultations.models import Event, EventStatus, Theme
from participation.live.models import Room, RoomState
Event.objects.filter(slug=SLUG).delete()
theme, _ = Theme.objects.get_or_create(slug="banc", defaults={"name": "Banc d'essai"})
event = Event.objects.create(slug=SLUG, title="Banc d'essai", kind="webinar", theme=theme, status=EventStatus.PUBLISHED)
Room.objects.create(event=event, state=RoomState.OPEN)
User = get_user_model()
def cookie(email, name):
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create_user(email=email, password="x", display_name=name)
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return session.session_key
print(json.dumps({
    "senders": [cookie(f"voix{i}@banc.example", f"Voix {i}") for i in range(SENDERS)],
    "storm": [cookie(f"retour{i}@banc.example", f"Retour {i}") for i in range(STORM)],
}))
"""


def prepare(url):
    """A fresh open room; session cookies of the senders and of the storm's signed-in clients."""
    ensure_database(url)
    script = f"SLUG, SENDERS, STORM = {SLUG!r}, {SENDERS}, {STORM}\n" + PREPARE
    env = server_env(database_url=url, settings_module=SETTINGS)
    out = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=600, cwd=ROOT)
    if out.returncode:
        raise RuntimeError(out.stderr)
    return json.loads(out.stdout.strip().splitlines()[-1])


def percentile(values, share):
    return values[max(0, int(len(values) * share) - 1)] if values else float("nan")


def figures(values):
    values = sorted(values)
    return {
        "n": len(values), "p50": statistics.median(values) if values else float("nan"),
        "p95": percentile(values, 0.95), "p99": percentile(values, 0.99), "max": values[-1] if values else float("nan"),
    }


def marks(raw):
    """Message numbers in a frame (a batch carries several)."""
    found = []
    position = raw.find(MARK)
    while position >= 0:
        start = end = position + len(MARK)
        while end < len(raw) and raw[end].isdigit():
            end += 1
        found.append(int(raw[start:end]))
        position = raw.find(MARK, end)
    return found


def django_frame(number):
    return json.dumps({"type": "message.send", "body": f"{MARK}{number}", "ref": number})


class Crowd:
    """The listening clients and the senders of one setup, and the scenarios run on them."""

    def __init__(self, urls, cookies, ceiling):
        self.urls = urls
        self.cookies = cookies
        self.ceiling = ceiling
        self.frame_for = ceiling_frame if ceiling else django_frame
        self.received = [dict() for _ in range(CLIENTS)]
        self.listeners = [None] * CLIENTS
        self.senders = []
        self.tasks = []
        self.sent_at = {}
        self.answered = {}  # message number -> (arrival of its ack, error code or None)
        self.windows = {}
        self.number = 0
        self.pids = []

    async def _connect(self, url, cookie=None, after=None):
        import websockets

        if after is not None and not self.ceiling:
            url += f"?after={after}"
        headers = {"Cookie": f"sessionid={cookie}"} if cookie and not self.ceiling else {}
        for attempt in range(5):
            try:
                return await websockets.connect(
                    url, origin=origin_of(url), additional_headers=headers, max_queue=None, open_timeout=60,
                    ping_interval=None, compression=None,
                )
            except (OSError, websockets.InvalidHandshake, asyncio.TimeoutError):
                if attempt == 4:
                    raise
                await asyncio.sleep(0.5 * (attempt + 1))

    async def _listen(self, index, connection, resumed=None):
        import websockets

        try:
            async for raw in connection:
                at = time.perf_counter()
                if resumed is not None and not resumed.done() and (self.ceiling or '"type": "resumed"' in raw):
                    resumed.set_result(at)
                for number in marks(raw):
                    self.received[index].setdefault(number, at)
        except websockets.ConnectionClosed:
            pass

    async def _drain_sender(self, index, connection):
        import websockets

        try:
            async for raw in connection:
                at = time.perf_counter()
                if raw.startswith('{"type": "ack"') or raw.startswith('{"type": "error"'):
                    frame = json.loads(raw)
                    numbers = [frame.get("ref")]
                    code = frame.get("code") if frame["type"] == "error" else None
                elif self.ceiling:
                    numbers, code = [n for n in marks(raw) if n % SENDERS == index], None  # its own echo
                else:
                    continue
                for number in numbers:
                    if isinstance(number, int) and number not in self.answered:
                        self.answered[number] = (at, code)
                        window = self.windows.get(index)  # during the throughput scenario
                        if window is not None:
                            window.release()
        except websockets.ConnectionClosed:
            pass

    def listener_url(self, index):
        return self.urls[index % len(self.urls)]

    async def open(self):
        for start in range(0, CLIENTS, 25):
            batch = range(start, min(start + 25, CLIENTS))
            connections = await asyncio.gather(
                *(self._connect(self.listener_url(i), self.storm_cookie(i)) for i in batch)
            )
            for i, connection in zip(batch, connections):
                self.listeners[i] = connection
                self.tasks.append(asyncio.ensure_future(self._listen(i, connection)))
        for index in range(SENDERS):
            connection = await self._connect(self.urls[index % len(self.urls)], self.cookies["senders"][index])
            self.senders.append(connection)
            self.windows[index] = None
            self.tasks.append(asyncio.ensure_future(self._drain_sender(index, connection)))
        await asyncio.sleep(3)  # the presence announcements of 1,000 arrivals settle

    def storm_cookie(self, index):
        """The storm's clients (the first STORM listeners) are signed in: their reconnection reads rights."""
        return self.cookies["storm"][index] if index < STORM else None

    async def _send(self, number):
        sender = number % SENDERS
        self.sent_at[number] = time.perf_counter()
        await self.senders[sender].send(self.frame_for(number))

    async def _wait(self, numbers, clients, timeout=20):
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            acked = all(n in self.answered for n in numbers)
            accepted = [n for n in numbers if self.answered.get(n, (0, None))[1] is None]
            if acked and all(all(n in self.received[i] for n in accepted) for i in clients):
                return
            await asyncio.sleep(0.05)

    def _result(self, numbers, clients, started, cpu_before):
        cpu = cpu_seconds(self.pids) - cpu_before
        accepted = [n for n in numbers if n in self.answered and self.answered[n][1] is None]
        refused = [n for n in numbers if n in self.answered and self.answered[n][1] is not None]
        deliveries = [
            (self.received[i][n] - self.sent_at[n]) * 1000 for i in clients for n in accepted if n in self.received[i]
        ]
        acks = [(self.answered[n][0] - self.sent_at[n]) * 1000 for n in accepted]
        last_ack = max((self.answered[n][0] for n in numbers if n in self.answered), default=started)
        return {
            "delivery": figures(deliveries), "ack": figures(acks), "sent": len(numbers), "acked": len(accepted),
            "refused": len(refused), "unanswered": len(numbers) - len(accepted) - len(refused),
            "lost": len(accepted) * len(clients) - len(deliveries),
            "rate": len(accepted) / max(last_ack - started, 1e-9),
            "cpu_us": cpu / max(len(deliveries), 1) * 1e6, "cpu": cpu, "load": os.getloadavg()[0],
        }

    def _numbers(self, count):
        numbers = list(range(self.number, self.number + count))
        self.number += count
        return numbers

    async def load(self, count, interval, rounds=ROUNDS, clients=None):
        clients = list(range(CLIENTS)) if clients is None else clients
        all_numbers = []
        started, cpu_before = time.perf_counter(), cpu_seconds(self.pids)
        for _ in range(rounds):
            numbers = self._numbers(count)
            for number in numbers:
                await self._send(number)
                await asyncio.sleep(interval)
            await self._wait(numbers, clients)
            all_numbers += numbers
            await asyncio.sleep(1)
        return self._result(all_numbers, clients, started, cpu_before)

    async def throughput(self, total):
        numbers = self._numbers(total)
        for index in range(SENDERS):
            self.windows[index] = asyncio.Semaphore(WINDOW)

        async def feed(index):
            for number in [n for n in numbers if n % SENDERS == index]:
                await self.windows[index].acquire()
                await self._send(number)

        started, cpu_before = time.perf_counter(), cpu_seconds(self.pids)
        await asyncio.gather(*(feed(i) for i in range(SENDERS)))
        await self._wait(numbers, range(CLIENTS), timeout=60)
        for index in range(SENDERS):
            self.windows[index] = None
        return self._result(numbers, range(CLIENTS), started, cpu_before)

    async def storm(self, seconds=3.0):
        """The webinar's pace for ``seconds`` while STORM clients drop and reconnect at once."""
        count, interval = int(seconds * 10), 0.1
        storm, others = list(range(STORM)), list(range(STORM, CLIENTS))
        calm = await self.load(count, interval, rounds=1, clients=others)
        numbers = self._numbers(count)
        started, cpu_before = time.perf_counter(), cpu_seconds(self.pids)
        reconnections = []

        async def reconnect(index):
            await self.listeners[index].close()
            began = time.perf_counter()
            resumed = asyncio.get_running_loop().create_future()
            after = max(0, len(self.answered) - 50)
            connection = await self._connect(self.listener_url(index), self.storm_cookie(index), after=after)
            self.listeners[index] = connection
            self.tasks.append(asyncio.ensure_future(self._listen(index, connection, resumed)))
            reconnections.append((await asyncio.wait_for(resumed, 60) - began) * 1000)

        async def write():
            for number in numbers:
                await self._send(number)
                await asyncio.sleep(interval)

        async def storm_soon():
            await asyncio.sleep(0.3)
            await asyncio.gather(*(reconnect(i) for i in storm))

        await asyncio.gather(write(), storm_soon())
        await self._wait(numbers, others)
        stormy = self._result(numbers, others, started, cpu_before)
        stormy["reconnect"] = figures(reconnections)
        return calm, stormy

    async def close(self):
        for connection in self.listeners + self.senders:
            if connection is not None:
                await connection.close()
        for task in self.tasks:
            task.cancel()


async def run_setup(name, urls, pids, cookies, ceiling):
    crowd = Crowd(urls, cookies, ceiling)
    crowd.pids = pids
    results = {}
    await crowd.open()
    try:
        for load, count, interval in LOADS:
            results[load] = await crowd.load(count, interval)
        results["throughput"] = await crowd.throughput(THROUGHPUT)
        await asyncio.sleep(2)
        results["calm"], results["storm"] = await crowd.storm()
    finally:
        await crowd.close()
    return name, results


async def django_setup(name, processes_count, url, cookies, redis_url):
    ports = [free_port() for _ in range(processes_count)]
    env = server_env(redis_url, database_url=url, settings_module=SETTINGS)
    processes = [start_server("uvicorn", port, env=env) for port in ports]
    try:
        for port in ports:
            await wait_for_port(port)
        urls = [f"ws://127.0.0.1:{port}/ws/live/{SLUG}/" for port in ports]
        return await asyncio.wait_for(run_setup(name, urls, [p.pid for p in processes], cookies, False), 600)
    finally:
        stop(processes)


async def ceiling_setup(cookies):
    return await against_ceiling(lambda url, pid: run_setup("ceiling", [url], [pid], cookies, True), timeout=600)


def show(results):
    ceiling = dict(results)["ceiling"]
    header = (
        f"{'setup':22} {'scenario':10} {'deliv. p50':>10} {'p95':>7} {'p99':>7} {'max':>7} {'ack p50':>8} {'ack p99':>8}"
        f" {'acked':>9} {'refused':>7} {'lost':>5} {'msg/s':>6} {'CPU ms/msg':>10} {'p99×ceil':>8} {'load':>5}"
    )
    print(header)
    print("-" * len(header))
    for name, by_scenario in results:
        for scenario, r in by_scenario.items():
            d, a = r["delivery"], r["ack"]
            ratio = d["p99"] / ceiling[scenario]["delivery"]["p99"] if ceiling[scenario]["delivery"]["p99"] else float("nan")
            print(
                f"{name:22} {scenario:10} {d['p50']:10.1f} {d['p95']:7.1f} {d['p99']:7.1f} {d['max']:7.1f}"
                f" {a['p50']:8.1f} {a['p99']:8.1f} {r['acked']:4d}/{r['sent']:<4d} {r['refused']:7d} {r['lost']:5d}"
                f" {r['rate']:6.0f} {r['cpu'] / max(r['acked'], 1) * 1000:10.2f} {ratio:8.2f} {r['load']:5.2f}"
            )
            if "reconnect" in r:
                c = r["reconnect"]
                # The storm and the calm run the same writes for the same time: the difference is the storm's.
                extra = (r["cpu"] - by_scenario["calm"]["cpu"]) / STORM * 1000
                print(f"{'':22} {'':10} {STORM} reconnections, connect→resumed: p50 {c['p50']:.0f} ms, p99 {c['p99']:.0f} ms;"
                      f" server CPU {extra:.1f} ms per reconnection")
    print()
    for name, by_scenario in results:
        if name == "ceiling":
            continue
        for scenario in ("webinar", "burst"):
            r, c = by_scenario[scenario], ceiling[scenario]
            ratio = r["delivery"]["p99"] / c["delivery"]["p99"]
            ok = ratio <= BUDGET_RATIO and r["lost"] == 0 and r["unanswered"] == 0
            print(
                f"{name}, {scenario}: p99 {r['delivery']['p99']:.0f} ms vs the ceiling's {c['delivery']['p99']:.0f} ms,"
                f" {ratio:.2f}× — {'within' if ok else 'OVER'} {BUDGET_RATIO:g}×, {r['lost']} lost"
            )
        t = by_scenario["throughput"]
        print(f"{name}, throughput: {t['rate']:.0f} acknowledged messages/s — {'at least' if t['rate'] >= WANTED_RATE else 'UNDER'} {WANTED_RATE}")
        calm, storm = by_scenario["calm"], by_scenario["storm"]
        print(
            f"{name}, {STORM} reconnections while writing: ack p99 {calm['ack']['p99']:.0f} → {storm['ack']['p99']:.0f} ms,"
            f" delivery p99 {calm['delivery']['p99']:.0f} → {storm['delivery']['p99']:.0f} ms"
            f" (ceiling's {ceiling['storm']['delivery']['p99']:.0f} ms: {storm['delivery']['p99'] / ceiling['storm']['delivery']['p99']:.2f}×),"
            f" {storm['lost']} lost; connect→resumed p50 {storm['reconnect']['p50']:.0f} ms;"
            f" {(storm['cpu'] - calm['cpu']) / STORM * 1000:.1f} ms of server CPU per reconnection"
        )


def main():
    raise_file_limit()
    url = database_url()
    print(f"Live room writes: {CLIENTS} clients, {SENDERS} senders, PostgreSQL ({urlsplit(url).path.lstrip('/')});"
          f" loads: 10 messages within 1 s, 20 within 250 ms, ×{ROUNDS}; throughput {THROUGHPUT} messages,"
          f" {WINDOW} unacknowledged per sender; {STORM} reconnections")
    print(f"load average before: {os.getloadavg()[0]:.2f} (uptime: {os.popen('uptime').read().strip()})", flush=True)
    try:
        cookies = prepare(url)
    except (RuntimeError, subprocess.TimeoutExpired) as error:
        print(f"(PostgreSQL at {url} is not usable: the write bench is skipped)\n{str(error)[-500:]}")
        return
    results = [asyncio.run(django_setup("uvicorn ×1, in-memory", 1, url, cookies, None))]
    if redis_answers(REDIS_URL):
        cookies = prepare(url)
        results.append(asyncio.run(django_setup("uvicorn ×2, Redis", 2, url, cookies, REDIS_URL)))
    else:
        print(f"(Redis at {REDIS_URL} does not answer: the two-process setup is skipped)")
    results.append(asyncio.run(ceiling_setup(cookies)))
    show(results)
    print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()

"""``python -m bench crowd``: a mixed crowd on the production topology, everything at the same time.

The topology is ``make prod``'s own launch code (deploy/prod.py, deploy/Procfile, the nginx
template) on this benchmark's ports: nginx, granian for the pages, two uvicorn websocket processes,
the task worker, a Redis server of its own and a PostgreSQL database of its own. Then, together:

- the crowd, by locust (bench/locustfile.py), headless and bounded in time: visitors browsing,
  citizens signing in, supporting, commenting and answering a questionnaire, and a few clients on a
  hello-world view (the floor, under the same load);
- a staff export: an XLSX job of the largest dataset, run by the worker as the export page starts it;
  its rows per second alone (before the crowd) and during the crowd;
- a live room of ``BENCH_CLIENTS`` (1,000) websocket clients through nginx, one message a second
  (bench/live.py's clients and writer, in a process of their own).

Printed: pages req/s, p50/p95/p99 per kind of page, errors, writes the crowd was told succeeded
against the rows counted in the database afterwards, the export's rows/s, the room's latency, the
CPU each part used (the load tools' share included) and the machine's load. Budget: at least
200 pages a second, p95 under 250 ms, no error, nothing written lost.

Environment: BENCH_CROWD_DATABASE_URL (postgres://postgres@127.0.0.1:5432/lpc_crowd, made from
BENCH_CROWD_TEMPLATE when missing: lpc_scale when it exists, else migrated and given the demo data),
BENCH_CROWD_PORT_BASE (8600: nginx, +1 pages, +2 and +3 websockets, +10 Redis), BENCH_CROWD_SECONDS
(60), BENCH_CROWD_WARMUP (15 s, and until every citizen has signed in, half the run at most: left out of the pages' and CPU figures), BENCH_CROWD_VISITORS (250), BENCH_CROWD_CITIZENS (40), BENCH_CROWD_LOCUST_PROCESSES (1),
BENCH_CROWD_PAGE_WORKERS (2) and BENCH_CROWD_PAGE_THREADS (4), BENCH_CLIENTS (1000),
BENCH_CROWD_ONE_ADDRESS=1 (every citizen from 127.0.0.1, as behind one venue's Wi-Fi).
"""

import collections
import json
import os
import shutil
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

from bench import crowd_report

ROOT = Path(__file__).resolve().parent.parent
VAR = ROOT / "var" / "bench" / "crowd"
DATABASE_URL = os.environ.get("BENCH_CROWD_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/lpc_crowd")
TEMPLATE = os.environ.get("BENCH_CROWD_TEMPLATE", "lpc_scale")
PORT_BASE = int(os.environ.get("BENCH_CROWD_PORT_BASE", "8600"))
SECONDS = int(os.environ.get("BENCH_CROWD_SECONDS", "60"))
# 200 pages/s offered needs more than 200 visitors: each reads a page every 0.5–1.5 s plus the page's time.
VISITORS = int(os.environ.get("BENCH_CROWD_VISITORS", "250"))
CITIZENS = int(os.environ.get("BENCH_CROWD_CITIZENS", "40"))
HELLO_USERS = int(os.environ.get("BENCH_CROWD_HELLO_USERS", "4"))
LOCUST_PROCESSES = int(os.environ.get("BENCH_CROWD_LOCUST_PROCESSES", "1"))
PAGE_WORKERS = os.environ.get("BENCH_CROWD_PAGE_WORKERS", "2")
PAGE_THREADS = os.environ.get("BENCH_CROWD_PAGE_THREADS", "4")
ROOM_CLIENTS = int(os.environ.get("BENCH_CLIENTS", "1000"))
# The first seconds: every user spawned, the citizens' sign-ins (PBKDF2, 0.36 s of CPU each) done.
# Pages are measured after it (steady state); the whole run is printed too, and writes are all counted.
WARMUP = int(os.environ.get("BENCH_CROWD_WARMUP", "15"))
EXPORT_FORMAT = "xlsx"
# The room's messages start once its clients are in and end before the crowd does (bench/live.py
# sends, then waits up to 15 s for the last arrivals): every message is sent during the crowd.
ROOM_INTERVAL = 1.0


def ports():
    return {"http": PORT_BASE, "pages": PORT_BASE + 1, "websockets": [PORT_BASE + 2, PORT_BASE + 3],
            "redis": PORT_BASE + 10}


def environment(database_url):
    from deploy import prod

    p = ports()
    base = {key: value for key, value in os.environ.items() if not key.startswith(("PYTEST", "DJANGO_"))}
    base.update({
        "DJANGO_ENV": "production",
        # The site's settings, with /bench/hello/ added to its addresses (bench/crowd_settings.py).
        "DJANGO_SETTINGS_MODULE": "bench.crowd_settings",
        "SECRET_KEY": "crowd-bench-secret-key-not-for-anything-else-0123456789abcdef",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": database_url,
        "REDIS_URL": f"redis://127.0.0.1:{p['redis']}/0",
        "SECURE_SSL_REDIRECT": "false", "SECURE_COOKIES": "false", "SECURE_HSTS_SECONDS": "0",
        "EMAIL_BACKEND": "file", "EMAIL_FILE_PATH": str(VAR / "mail"),
        "HTTP_LISTEN": f"127.0.0.1:{p['http']}", "PAGE_PORT": str(p["pages"]),
        "WEBSOCKET1_PORT": str(p["websockets"][0]), "WEBSOCKET2_PORT": str(p["websockets"][1]),
        "PAGE_WORKERS": PAGE_WORKERS, "PAGE_THREADS": PAGE_THREADS, "NGINX_WORKERS": "1",
        "LPC_VAR_DIR": str(VAR / "var"), "NGINX_DIR": str(VAR / "nginx"),
        "STATIC_ROOT": str(ROOT / "var" / "static"), "MEDIA_ROOT": str(VAR / "media"),
        "LOG_LEVEL": "WARNING",
        # The room's thousand clients all come through nginx from 127.0.0.1.
        "LIVE_MAX_CONNECTIONS_PER_ADDRESS": str(ROOM_CLIENTS + 50),
    })
    return prod.environment(base, dotenv=VAR / "no.env")


# The database: a copy of its own, never the template the other benchmarks read.

def _admin(url):
    import psycopg
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    return psycopg.connect(host=parts.hostname, port=parts.port or 5432, user=parts.username or "postgres",
                           password=parts.password, dbname="postgres", autocommit=True), parts.path.lstrip("/")


def ensure_database(url):
    """Creates the database from the template (retried while someone is connected to it), else empty."""
    from psycopg import errors, sql

    admin, name = _admin(url)
    with admin:
        if admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            return "kept"
        if admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [TEMPLATE]).fetchone() and template_ready():
            for attempt in range(30):
                try:
                    admin.execute(sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(sql.Identifier(name), sql.Identifier(TEMPLATE)))
                    return f"copied from {TEMPLATE}"
                except errors.ObjectInUse:
                    time.sleep(10)  # the template is being read by another benchmark: try again
            raise RuntimeError(f"{TEMPLATE} stayed in use for five minutes: could not copy it")
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        return "new, with the demo data"


def template_ready():
    """The scale helper's loaded database, when its loader says it is complete."""
    import psycopg

    from bench import scale_data

    template_url = DATABASE_URL.rsplit("/", 1)[0] + f"/{TEMPLATE}"
    with psycopg.connect(template_url) as connection:
        if not connection.execute("SELECT to_regclass('bench_scale_loaded')").fetchone()[0]:
            return False
        return bool(connection.execute("SELECT 1 FROM bench_scale_loaded WHERE version = %s",
                                       [scale_data.VERSION]).fetchone())


def start_redis(port):
    directory = VAR / "redis"
    directory.mkdir(parents=True, exist_ok=True)
    process = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
         "--dir", str(directory)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )
    wait(lambda: _redis_answers(port), 20, f"Redis on port {port}")
    return process


def _redis_answers(port):
    import redis

    try:
        return redis.Redis(port=port, socket_connect_timeout=0.5).ping()
    except redis.RedisError:
        return False


def wait(predicate, timeout, what):
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise RuntimeError(f"timed out after {timeout} s waiting for {what}")
        time.sleep(0.2)


def answers(url):
    import urllib.request

    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status == 200
    except OSError:
        return False


class Topology:
    """make prod's processes (deploy/prod.py's supervisor) on this benchmark's ports."""

    def __init__(self, env):
        self.env = env
        self.log = open(VAR / "topology.log", "a", buffering=1)

    def output(self, name, line):
        self.log.write(f"{time.strftime('%H:%M:%S')} {name} | {line}\n")

    def start(self):
        from deploy import prod

        self.supervisor = prod.supervisor(self.env, output=self.output)
        self.supervisor.start()
        threading.Thread(target=self.supervisor.watch, daemon=True).start()
        base = f"http://127.0.0.1:{PORT_BASE}"
        wait(lambda: answers(base + "/bench/hello/"), 90, "the site through nginx")
        wait(lambda: answers(base + "/sante/"), 90, "the health page")

    def pid(self, name):
        return self.supervisor.processes[name].pid

    def stop(self):
        self.supervisor.stop()
        self.log.close()


# The staff export: jobs of the worker, one after the other while the benchmark runs.

class Export:
    def __init__(self, staff_id):
        self.staff_id = staff_id
        self.samples = []  # (monotonic time, rows written in all jobs so far)
        self.jobs = []
        self.stopping = threading.Event()

    def dataset(self):
        from participation.exports.registry import get_dataset
        from participation.exports.scope import Scope

        counted = [(get_dataset(name).count(Scope()) or 0, name) for name in ("supports", "proposals", "comments")
                   if get_dataset(name) is not None]
        return get_dataset(max(counted)[1]), max(counted)[0]

    def start(self):
        self.dataset_, self.rows = self.dataset()
        threading.Thread(target=self._run, daemon=True).start()

    def _run(self):
        from django.contrib.auth import get_user_model
        from django.db import connection

        from participation.exports import services
        from participation.exports.models import ExportJob
        from participation.exports.scope import Scope

        staff = get_user_model().objects.get(pk=self.staff_id)
        done_before = 0
        while not self.stopping.is_set():
            job = services.start_job(staff, self.dataset_, Scope(), EXPORT_FORMAT)
            self.jobs.append(job.pk)
            while not self.stopping.wait(0.5):
                job.refresh_from_db(fields=["status", "rows_done"])
                self.samples.append((time.monotonic(), done_before + job.rows_done))
                if job.status in (ExportJob.Status.DONE, ExportJob.Status.FAILED):
                    break
            done_before += job.rows_done
            if job.status == ExportJob.Status.FAILED:
                self.failed = job.pk
                break
        connection.close()

    def rate(self, start, end):
        """Rows per second between two moments, from the nearest samples."""
        inside = [(t, rows) for t, rows in self.samples if start <= t <= end]
        if len(inside) < 2:
            return float("nan")
        (t0, r0), (t1, r1) = inside[0], inside[-1]
        return (r1 - r0) / max(t1 - t0, 1e-9)

    def stop(self):
        self.stopping.set()


# The live room: bench/live.py's clients, in a process of their own (``python -m bench.crowd_room``).

def start_room(cookie, pids):
    env = {**os.environ, "PYTHONPATH": str(ROOT), "BENCH_CLIENTS": str(ROOM_CLIENTS),
           "BENCH_MESSAGES": str(max(5, SECONDS - 10)), "BENCH_INTERVAL": str(ROOM_INTERVAL)}
    url = f"ws://127.0.0.1:{PORT_BASE}/ws/live/{{slug}}/"
    return subprocess.Popen(
        [sys.executable, "-m", "bench.crowd_room", url, cookie, ",".join(map(str, pids))], env=env, cwd=ROOT,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
    )


def room_connected():
    from bench.crowd_report import established

    return sum(established(port) for port in ports()["websockets"])


def start_locust(seed_path, out):
    host = f"http://127.0.0.1:{PORT_BASE}"
    argv = [sys.executable, "-m", "locust", "-f", str(ROOT / "bench" / "locustfile.py"), "--headless",
            "--host", host, "--users", str(VISITORS + CITIZENS + HELLO_USERS), "--spawn-rate", "50",
            "--run-time", f"{SECONDS}s", "--stop-timeout", "10", "--only-summary", "--loglevel", "WARNING",
            "--exit-code-on-error", "0"]
    if LOCUST_PROCESSES > 1:
        argv += ["--processes", str(LOCUST_PROCESSES)]
    env = {**os.environ, "CROWD_SEED": str(seed_path), "CROWD_OUT": str(out), "CROWD_RUN": out.name,
           "CROWD_HELLO_USERS": str(HELLO_USERS), "CROWD_VISITORS": str(VISITORS), "CROWD_CITIZENS": str(CITIZENS),
           "PYTHONPATH": str(ROOT),
           "CROWD_ONE_ADDRESS": os.environ.get("BENCH_CROWD_ONE_ADDRESS", "0")}
    return subprocess.Popen(argv, env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            start_new_session=True)


def _children_cpu():
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def setup_django(env):
    os.environ.update({key: env[key] for key in ("DJANGO_ENV", "DJANGO_SETTINGS_MODULE", "SECRET_KEY", "ALLOWED_HOSTS",
                                                  "DATABASE_URL", "REDIS_URL", "SECURE_SSL_REDIRECT", "SECURE_COOKIES",
                                                  "SECURE_HSTS_SECONDS", "EMAIL_BACKEND", "EMAIL_FILE_PATH",
                                                  "STATIC_ROOT", "MEDIA_ROOT", "LOG_LEVEL")})
    import django

    django.setup()


def main():
    from bench import crowd_fixture, live
    from deploy import prod

    if not prod.nginx_binary() or not shutil.which("redis-server"):
        print("The crowd needs nginx and redis-server (apt-get install nginx redis-server): skipped.")
        return
    live.raise_file_limit()
    VAR.mkdir(parents=True, exist_ok=True)
    how = ensure_database(DATABASE_URL)
    env = environment(DATABASE_URL)
    redis = start_redis(ports()["redis"])
    topology = None
    try:
        prod.prepare(env)
        setup_django(env)
        if how.startswith("new"):
            from django.core.management import call_command

            call_command("load_demo", verbosity=0)
        seed = crowd_fixture.prepare(CITIZENS)
        out = VAR / f"run-{uuid.uuid4().hex[:8]}"
        out.mkdir()
        seed_path = out / "seed.json"
        seed_path.write_text(json.dumps(seed))
        from django.db import connection

        connection.close()
        topology = Topology(env)
        topology.start()
        run = run_all(topology, seed, seed_path, out)
        run["database"] = f"{DATABASE_URL.rsplit('/', 1)[1]} ({how})"
        crowd_report.report(run, out)
    finally:
        if topology:
            topology.stop()
        redis.terminate()
        redis.wait(timeout=10)


def page_costs(topology, seed):
    """The pages' CPU (granian) per page served from the cache and per page rendered: one request at a
    time through nginx, gzip accepted as browsers do, before anything else runs."""
    import http.client

    import psutil

    def cpu():
        root = psutil.Process(topology.pid("pages"))
        return sum(sum(p.cpu_times()[:2]) for p in [root, *root.children(recursive=True)])

    connection = http.client.HTTPConnection("127.0.0.1", PORT_BASE, timeout=30)

    def get(path):
        connection.request("GET", path, headers={"Accept-Encoding": "gzip, deflate"})
        response = connection.getresponse()
        response.read()
        return response.getheader("X-Page-Cache")

    cached = ["/", "/propositions/", f"/propositions/{seed['proposals'][0]}/", "/programme/"]
    rendered = [f"/propositions/{pk}/" for pk in seed["proposals"][-40:]] + ["/propositions/?q=jardin&page=3"]
    figures = {}
    for kind, paths in (("hit", cached * 50), ("miss", rendered)):
        for path in set(paths) if kind == "hit" else ():
            get(path)  # stored now, served from the cache below
        before = cpu()
        answers = collections.Counter(get(path) for path in paths)
        figures[kind] = {"ms": (cpu() - before) / len(paths) * 1000, "requests": len(paths), "answers": dict(answers)}
    connection.close()
    return figures


def _steady_state(cpu, seed, started_wall):
    """Starts the CPU figures after the warm-up, once every citizen has signed in (half the run at most)."""
    import datetime

    from django.contrib.auth import get_user_model
    from django.db import connection

    since = datetime.datetime.fromtimestamp(started_wall, datetime.UTC)
    time.sleep(min(WARMUP, SECONDS // 2))
    users = get_user_model().objects.filter(email__in=seed["citizens"][:CITIZENS])
    while time.time() < started_wall + SECONDS // 2 and users.filter(last_login__gte=since).count() < CITIZENS:
        time.sleep(1)
    connection.close()
    cpu.started_wall = time.time()
    cpu.start()


def run_all(topology, seed, seed_path, out):
    from bench.crowd_report import Cpu

    costs = page_costs(topology, seed)
    export = Export(seed["staff_id"])
    export.start()
    time.sleep(2)  # the worker has picked the job up
    room_pids = [topology.pid("websocket1"), topology.pid("websocket2")]
    # The export alone: its rows/s, and what it costs the database (subtracted from the crowd's share).
    alone = Cpu(topology, None)
    alone_start = time.monotonic()
    alone.start()
    time.sleep(10)
    alone.stop()
    export_alone = export.rate(alone_start, time.monotonic())
    room = start_room(seed["live_cookie"], room_pids)
    try:
        wait(lambda: room_connected() >= ROOM_CLIENTS + 1 or room.poll() is not None, 180, "the room's clients")
        load_before = os.getloadavg()
        cpu = Cpu(topology, room.pid)
        # The load tool's CPU: what the children reaped meanwhile used, i.e. locust and its processes
        # (over the whole run: it is reaped at the end).
        children_before = _children_cpu()
        locust = start_locust(seed_path, out)
        started, started_wall = time.monotonic(), time.time()
        # The parts' CPU over the same steady state as the pages' figures.
        steady = threading.Thread(target=_steady_state, args=(cpu, seed, started_wall), daemon=True)
        steady.start()
        output, _ = locust.communicate(timeout=SECONDS + 120)
        steady.join()
        ended = time.monotonic()
        cpu.stop()
        # Its share of the steady state, pro rata (it runs at the same rate once every user is spawned).
        cpu.extra["load tool (locust)"] = ((_children_cpu() - children_before)
                                           * (cpu.wall_after - cpu.wall_before) / (ended - started))
        load_after = os.getloadavg()
        room_out, room_err = room.communicate(timeout=120)
    finally:
        if room.poll() is None:
            room.kill()
        export.stop()
    if locust.returncode:
        print(output[-3000:])
    room_result = json.loads(room_out.strip().splitlines()[-1]) if room_out.strip() else {"error": room_err[-2000:]}
    return {
        "seconds": ended - started, "measured_from": cpu.started_wall, "load": (load_before, load_after), "cpu": cpu.figures(), "page_costs": costs,
        "cpu_export_alone": alone.figures(),
        "export": {"dataset": export.dataset_.name, "rows_total": export.rows, "alone": export_alone,
                   "during": export.rate(started, ended), "jobs": len(export.jobs), "format": EXPORT_FORMAT},
        "room": room_result, "locust_output": output, "settings": {
            "visitors": VISITORS, "citizens": CITIZENS, "hello": HELLO_USERS, "locust_processes": LOCUST_PROCESSES,
            "page_workers": PAGE_WORKERS, "page_threads": PAGE_THREADS, "room_clients": ROOM_CLIENTS,
        },
    }

"""``python -m bench servers``: which server should serve the pages? The proposal list, served by each.

The page server is chosen on the real page, the proposal list at 100,000 proposals and 1,000,000
supports in PostgreSQL (the database ``python -m bench proposals`` seeds; ``BENCH_DATABASE_URL``
must name a PostgreSQL database, else the benchmark says so and stops), each server running the
same number of processes (``BENCH_PROCESSES``, 2: one per core of the reference machine) and
measured at the same concurrency (``BENCH_HTTP_CLIENTS``, 8 keep-alive connections):

- gunicorn (WSGI), ``gthread`` workers with ``BENCH_THREADS`` threads each (the production setup,
  ``deploy/Procfile``);
- granian (WSGI, Rust HTTP front), the same number of blocking threads;
- uvicorn serving everything through ASGI (what the README used to run).

Median and p95 with one client at a time, requests per second with all clients at once.
"""

import os
import subprocess
import sys
from pathlib import Path

from bench import proposals

ROOT = Path(__file__).resolve().parent.parent
PROCESSES = int(os.environ.get("BENCH_PROCESSES", 2))
THREADS = int(os.environ.get("BENCH_THREADS", 4))
CLIENTS = int(os.environ.get("BENCH_HTTP_CLIENTS", 8))
REQUESTS = int(os.environ.get("BENCH_REQUESTS", 300))
TARGETS = [("hello-world view", "/bench/hello/"), ("proposal list page", "/propositions/"),
           ("list endpoint", "/api/proposals/")]


def server_commands(port):
    bind = ["--host", "127.0.0.1", "--port", str(port)]
    return {
        "gunicorn": [sys.executable, "-m", "gunicorn", "--workers", str(PROCESSES), "--worker-class", "gthread",
                     "--threads", str(THREADS), "--bind", f"127.0.0.1:{port}", "--log-level", "warning",
                     "bench.wsgi:application"],
        "granian": [sys.executable, "-m", "granian", "--interface", "wsgi", "--workers", str(PROCESSES),
                    "--blocking-threads", str(THREADS), "--no-access-log", "--log-level", "warning", *bind,
                    "bench.wsgi:application"],
        "uvicorn": [sys.executable, "-m", "uvicorn", "--workers", str(PROCESSES), "--lifespan", "off",
                    "--no-access-log", "--log-level", "warning", *bind, "bench.asgi:application"],
    }


def start(argv, port):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings", "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(argv, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               start_new_session=True)
    proposals.wait_until_answers(port, process)
    return process


def stop(process):
    """The whole process group: a server's master and its workers."""
    import signal

    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=20)
    except ProcessLookupError:
        pass
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def measure_all(port):
    results = {}
    for label, path in TARGETS:
        proposals.measure(port, path, proposals.WARMUP * PROCESSES, CLIENTS)
        latency = proposals.measure(port, path, REQUESTS, 1)
        throughput = proposals.measure(port, path, REQUESTS, CLIENTS)
        results[label] = {**latency, "rps": throughput["rps"], "errors": latency["errors"] + throughput["errors"]}
    return results


def print_table(title, rows):
    print(f"\n{title}")
    print(f"{'server':28} {'target':22} {'median ms':>10} {'p95 ms':>9} {'req/s':>8}")
    for server, results in rows:
        for label, r in results.items():
            print(f"{server:28} {label:22} {r['median']:10.1f} {r['p95']:9.1f} {r['rps']:8.1f}")
            if r["errors"]:
                print(f"  ! {len(r['errors'])} answers were not 200: {sorted(set(r['errors']))}")


def main():
    proposals.setup_django()
    from django.db import connection

    if connection.vendor != "postgresql":
        print("The server comparison runs on PostgreSQL: set BENCH_DATABASE_URL=postgres://… (skipped).")
        return
    proposals.create_database_if_missing()
    if not proposals.seeded():
        proposals.seed()
    connection.close()
    rows = []
    for name in os.environ.get("BENCH_SERVERS_COMPARED", "gunicorn,granian,uvicorn").split(","):
        port = proposals.free_port()
        process = start(server_commands(port)[name], port)
        try:
            rows.append((f"{name} ×{PROCESSES}", measure_all(port)))
        finally:
            stop(process)
    print_table(
        f"Page servers, {PROCESSES} processes each ({THREADS} threads for WSGI), PostgreSQL, "
        f"{proposals.PROPOSALS:,} proposals: median/p95 over {REQUESTS} sequential requests, "
        f"req/s with {CLIENTS} concurrent clients.", rows,
    )

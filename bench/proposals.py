"""``python -m bench proposals``: the proposal list at 100,000 proposals and 1,000,000 supports.

Seeds a dedicated database (``var/bench/proposals.sqlite3``, or ``BENCH_DATABASE_URL`` for
PostgreSQL) once, serves the site with daphne on loopback, then times the list page and the list
endpoint against a hello-world view served the same way: median, 95th percentile, requests per
second, and the ratio to hello-world.
"""

import http.client
import os
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

PROPOSALS = int(os.environ.get("BENCH_PROPOSALS", 100_000))
SUPPORTS = int(os.environ.get("BENCH_SUPPORTS", 1_000_000))
USERS = 10_000
REQUESTS = int(os.environ.get("BENCH_REQUESTS", 300))
CLIENTS = int(os.environ.get("BENCH_CLIENTS", 4))
WARMUP = 20
TARGETS = [
    ("hello-world view", "/bench/hello/"),
    ("proposal list page", "/propositions/"),
    ("list page, most supported", "/propositions/?order=supports"),
    ("list page, search", "/propositions/?q=jardin"),
    ("list endpoint", "/api/proposals/"),
]

VERBS = ["Créer", "Rénover", "Installer", "Ouvrir", "Végétaliser", "Sécuriser", "Animer", "Éclairer"]
THINGS = ["un jardin partagé", "des bancs", "une aire de jeux", "un local associatif", "des pistes cyclables",
          "une fresque", "un marché", "des composteurs", "une maison de quartier", "un city-stade"]
PLACES = ["aux Clos", "à La Source", "au Sanitas", "aux Chamards", "à Saint-Jean", "à l’Argonne",
          "près de l’école", "sur la place du marché"]


def setup_django():
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    import django

    django.setup()


def supports_per_proposal():
    """Between 1 and 19 supports each, 10 on average, adding up to exactly SUPPORTS."""
    counts = [1 + (i * 7919) % 19 for i in range(PROPOSALS)]
    difference = SUPPORTS - sum(counts)
    step = 1 if difference > 0 else -1
    i = 0
    while difference:
        if 1 <= counts[i % PROPOSALS] + step <= 19 + SUPPORTS // max(PROPOSALS, 1):
            counts[i % PROPOSALS] += step
            difference -= step
        i += 1
    return counts


def create_database_if_missing():
    """A PostgreSQL bench database is created on first use, as the SQLite file is."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return
    import psycopg
    from psycopg import sql

    name = connection.settings_dict["NAME"]
    params = connection.get_connection_params()
    params.pop("dbname", None)
    with psycopg.connect(dbname="postgres", autocommit=True, **params) as admin:
        if not admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
            print(f"Created the PostgreSQL database {name}.")


def seeded():
    from django.db import connection

    from participation.proposals.models import Proposal, Support

    if "proposals_proposal" not in connection.introspection.table_names():
        return False
    return Proposal.objects.count() == PROPOSALS and Support.objects.count() == SUPPORTS


def seed():
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection, transaction

    from participation.proposals.models import Proposal, Support

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    User = get_user_model()
    with transaction.atomic():
        Support.objects.all().delete()
        Proposal.objects.all().delete()
        User.objects.filter(email__endswith="@bench.invalid").delete()
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA synchronous=OFF")
    rng = random.Random(42)
    now = datetime.now(UTC)
    with transaction.atomic():
        users = User.objects.bulk_create(
            [User(email=f"habitant{n}@bench.invalid", display_name=f"Habitant·e {n}", password="!") for n in range(USERS)],
            batch_size=2000,
        )
        user_ids = [user.pk for user in users]
        counts = supports_per_proposal()
        proposal_rows = []
        for i in range(PROPOSALS):
            title = f"{rng.choice(VERBS)} {rng.choice(THINGS)} {rng.choice(PLACES)}"
            created = now - timedelta(minutes=PROPOSALS - i)
            proposal_rows.append((user_ids[i % USERS], title, f"{title}. Proposition n°{i} des habitantes et habitants.",
                                  counts[i], created))
        columns = ("author_id", "title", "body", "support_count", "created_at", "updated_at", "state", "attachment",
                   "answer", "withdrawal_reason", "comment_count", "support_threshold", "moderation_status")
        rows = [(a, t, b, c, d, d, "published", "", "", "", 0, 300, "visible") for a, t, b, c, d in proposal_rows]
        _insert(connection, "proposals_proposal", columns, rows)
        first_id = Proposal.objects.order_by("pk").values_list("pk", flat=True).first()
        proposal_ids = list(range(first_id, first_id + PROPOSALS))

        def support_rows():
            for index, proposal_id in enumerate(proposal_ids):
                start = (index * 131) % USERS
                for k in range(counts[index]):
                    yield (proposal_id, user_ids[(start + k * 37) % USERS], now)

        _insert(connection, "proposals_support", ("proposal_id", "user_id", "created_at"), support_rows())
    with connection.cursor() as cursor:
        # VACUUM sets PostgreSQL's visibility map, so COUNT(*) can use an index-only scan.
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    print(f"Seeded {PROPOSALS:,} proposals and {SUPPORTS:,} supports in {time.perf_counter() - started:.0f} s.")


def _insert(connection, table, columns, rows):
    """Bulk insert: COPY on PostgreSQL, executemany in chunks elsewhere."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            with cursor.cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        return
    sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join(['%s'] * len(columns))})"
    chunk = []
    with connection.cursor() as cursor:
        for row in rows:
            chunk.append(row)
            if len(chunk) == 50_000:
                cursor.executemany(sql, chunk)
                chunk = []
        if chunk:
            cursor.executemany(sql, chunk)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(port):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings", "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    process = subprocess.Popen(
        [sys.executable, "-m", "daphne", "-b", "127.0.0.1", "-p", str(port), "bench.asgi:application"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    wait_until_answers(port, process)
    return process


def wait_until_answers(port, process, timeout=60):
    """Until the server answers an HTTP request (a listening socket is not yet a loaded Django)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(process.stderr.read().decode()[-2000:])
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", "/bench/hello/")
            connection.getresponse().read()
            connection.close()
            return
        except OSError:
            time.sleep(0.2)
    process.terminate()
    raise RuntimeError(f"the server on port {port} did not answer within {timeout} seconds")


def measure(port, path, count, clients):
    """``count`` GET requests shared by ``clients`` threads, each on its own keep-alive connection."""
    latencies, errors, lock = [], [], threading.Lock()
    remaining = iter(range(count))

    def client():
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        while True:
            with lock:
                if next(remaining, None) is None:
                    break
            started = time.perf_counter()
            connection.request("GET", path, headers={"Accept-Language": "fr"})
            response = connection.getresponse()
            response.read()
            elapsed = time.perf_counter() - started
            with lock:
                latencies.append(elapsed)
                if response.status != 200:
                    errors.append(response.status)
            if response.getheader("Connection", "").lower() == "close":
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        connection.close()

    threads = [threading.Thread(target=client) for _ in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    latencies.sort()
    return {
        "median": statistics.median(latencies) * 1000,
        "p95": latencies[max(0, int(len(latencies) * 0.95) - 1)] * 1000,
        "rps": len(latencies) / wall,
        "errors": errors,
    }


def main():
    setup_django()
    from django.db import connection

    Path(__file__).resolve().parent.parent.joinpath("var", "bench").mkdir(parents=True, exist_ok=True)
    create_database_if_missing()
    if seeded():
        print(f"Reusing the seeded database ({PROPOSALS:,} proposals, {SUPPORTS:,} supports).")
    else:
        seed()
    database = connection.vendor
    connection.close()
    port = free_port()
    server = start_server(port)
    try:
        results = {}
        for label, path in TARGETS:
            measure(port, path, WARMUP, 1)
            # Latency with one client at a time, throughput with several clients at once.
            latency = measure(port, path, REQUESTS, 1)
            throughput = measure(port, path, REQUESTS, CLIENTS)
            results[label] = {**latency, "rps": throughput["rps"], "errors": latency["errors"] + throughput["errors"]}
    finally:
        server.terminate()
        server.wait(timeout=10)
    hello = results["hello-world view"]
    print(
        f"\nProposals benchmark: {database}, one daphne process on loopback. Median and p95 over {REQUESTS} "
        f"sequential requests; req/s over {REQUESTS} requests from {CLIENTS} concurrent clients."
    )
    print(f"{'target':32} {'median ms':>10} {'p95 ms':>9} {'req/s':>8} {'p50 ratio':>10} {'p95 ratio':>10}")
    for label, result in results.items():
        print(
            f"{label:32} {result['median']:10.1f} {result['p95']:9.1f} {result['rps']:8.1f} "
            f"{result['median'] / hello['median']:10.1f} {result['p95'] / hello['p95']:10.1f}"
        )
        if result["errors"]:
            print(f"  ! {len(result['errors'])} answers were not 200: {sorted(set(result['errors']))}")
    budget = results["proposal list page"]["p95"]
    print(f"\nBudget (DESIGN.md): list page p95 under 100 ms: {'met' if budget < 100 else 'NOT met'} ({budget:.1f} ms).")

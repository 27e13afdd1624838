"""``python -m bench scale``: the pages at a national consultation's size, on PostgreSQL.

Loads (once, kept between runs in ``BENCH_DATABASE_URL``) the suite's data set with
``bench.scale_data.ensure_loaded``: 500,000 accounts and about 2,000,000 contributions across 50
consultations, one proposal carrying 500 comments and one carrying 5,000; then serves the site with one uvicorn process and times
the proposal list (first page, a deep page, most supported, a search for a French word with accents),
the two long threads and the API list, beside a hello-world view served the same way: p50, p95,
req/s with ``BENCH_CLIENTS`` clients, and the SQL queries of one request (counted in this process
through the test client, the same views and the same database).

Nothing here is a unit test: the figures go to docs/performance.md.
"""

import os

from bench import proposals as common
from bench import scale_data

REQUESTS = int(os.environ.get("BENCH_REQUESTS", 200))
CLIENTS = int(os.environ.get("BENCH_CLIENTS", 4))
SEARCH_WORD = scale_data.SEARCH_WORD

def thread_ids():
    return scale_data.thread_proposal_ids()


def targets():
    from urllib.parse import quote

    ids = thread_ids()
    word = quote(SEARCH_WORD)
    deep = os.environ.get("BENCH_SCALE_DEEP_PATH") or deep_path()
    return [
        ("hello-world view", "/bench/hello/"),
        ("list, first page", "/propositions/"),
        ("list, page 5,000", deep or "/propositions/?page=5000"),
        ("list, most supported", "/propositions/?order=supports"),
        (f"list, search « {SEARCH_WORD} »", f"/propositions/?q={word}"),
        ("proposal, 500 comments", f"/propositions/{ids[500]}/"),
        ("proposal, 5,000 comments", f"/propositions/{ids[5000]}/"),
        ("API list", "/api/proposals/"),
        ("API list, search", f"/api/proposals/?q={word}"),
    ]


def deep_path():
    """Page 5,000's keyset equivalent: the cursor after the 99,980th newest proposal (found once here,
    by OFFSET, outside the measure), where the list has a keyset; else the numbered page."""
    try:
        from participation.proposals import keyset
    except ImportError:
        return None
    from urllib.parse import quote

    from participation.proposals.models import Proposal

    last_of_4999 = Proposal.objects.order_by("-created_at", "-pk")[4999 * 20 - 1]
    return f"/propositions/?{keyset.PARAM}={quote(keyset.cursor_after('newest', last_of_4999))}"


def queries_and_size(path):
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1", HTTP_ACCEPT_LANGUAGE="fr")
    client.get(path)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    return len(captured), len(response.content), response.status_code


def main():
    common.setup_django()
    from django.db import connection

    if connection.vendor != "postgresql":
        print("The scale benchmark runs on PostgreSQL: set BENCH_DATABASE_URL=postgres://… (skipped).")
        return
    counts = scale_data.ensure_loaded(os.environ["BENCH_DATABASE_URL"])
    paths = targets()
    counted = {label: queries_and_size(path) for label, path in paths}
    connection.close()
    from bench import servers

    port = common.free_port()
    argv = servers.server_commands(port)["uvicorn"]
    argv[argv.index("--workers") + 1] = "1"
    process = servers.start(argv, port)
    results = {}
    try:
        for label, path in paths:
            # A page that takes seconds is measured on fewer requests: the run stays within minutes.
            warm = common.measure(port, path, 3, 1)
            count = REQUESTS if warm["median"] < 100 else max(6, int(REQUESTS * 100 / warm["median"]))
            latency = common.measure(port, path, count, 1)
            throughput = common.measure(port, path, count, CLIENTS)
            print(f"  {label}: p50 {latency['median']:.1f} ms over {count} requests", flush=True)
            results[label] = {**latency, "rps": throughput["rps"], "errors": latency["errors"] + throughput["errors"]}
    finally:
        servers.stop(process)
    hello = results["hello-world view"]
    print(f"\nScale benchmark: PostgreSQL, {scale_data._summary(counts)}; one uvicorn process. p50/p95 over {REQUESTS} "
          f"sequential requests; req/s with {CLIENTS} concurrent clients; SQL queries and size of one answer.")
    print(f"{'target':34} {'p50 ms':>8} {'p95 ms':>8} {'req/s':>7} {'p50 ×hello':>10} {'queries':>8} {'KB':>7}")
    for label, r in results.items():
        queries, size, status = counted[label]
        print(f"{label:34} {r['median']:8.1f} {r['p95']:8.1f} {r['rps']:7.1f} {r['median'] / hello['median']:10.1f} "
              f"{queries:8d} {size / 1024:7.1f}")
        if r["errors"] or status != 200:
            print(f"  ! answers not 200: {sorted(set(r['errors'] + [status]) - {200})}")

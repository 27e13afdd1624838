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
    thread = f"/api/comments/?target=proposals.proposal&object_id={ids[5000]}"
    cursors = deep_cursors()
    page_deep = f"/propositions/?{cursors['page_param']}={quote(cursors['page'])}" if cursors["page"] else "/propositions/?page=5000"
    rows = [
        ("hello-world view", "/bench/hello/"),
        ("home page", "/"),
        ("list, first page", "/propositions/"),
        ("list, page 5,000" + (" (keyset)" if cursors["page"] else ""), page_deep),
        ("list, most supported", "/propositions/?order=supports"),
        (f"list, search « {SEARCH_WORD} »", f"/propositions/?q={word}"),
        ("proposal, 500 comments", f"/propositions/{ids[500]}/"),
        ("proposal, 5,000 comments", f"/propositions/{ids[5000]}/"),
        ("consultation page", "/consultations/scale-consultation-2/"),
        ("consultation list", "/consultations/"),
        ("programme (events)", "/programme/"),
        ("event page", "/evenements/scale-rencontre-2/"),
        ("API proposals", "/api/proposals/"),
        ("API proposals, page 100 (the last numbered, OFFSET)", "/api/proposals/?page=100"),
    ]
    if cursors["api"]:
        rows.append(("API proposals, page 5,000 by cursor", f"/api/proposals/?cursor={quote(cursors['api'])}"))
    rows += [
        ("API proposals, most supported", "/api/proposals/?order=supports"),
        ("API proposals, search", f"/api/proposals/?q={word}"),
        ("API comments, 5,000-thread", thread),
        ("API comments, thread page 100 (the last numbered, OFFSET)", f"{thread}&page=100"),
    ]
    if cursors["comments"]:
        rows.append(("API comments, thread by cursor", f"{thread}&cursor={quote(cursors['comments'])}"))
    rows += [
        ("API consultations", "/api/consultations/"),
        ("API events", "/api/events/"),
        ("API councils", "/api/councils/"),
        ("API questionnaires", "/api/questionnaires/"),
        ("API sessions", "/api/sessions/"),
    ]
    return rows


def deep_cursors():
    """The keyset equivalents of page 5,000 (the cursor after the 99,980th newest visible proposal)
    and of the 5,000-comment thread's page 250, found once here by OFFSET, outside the measure; None
    where the list (or the API, before it took cursors) has no keyset."""
    from django.contrib.auth.models import AnonymousUser

    from participation.comments.models import Comment
    from participation.proposals import keyset
    from participation.proposals.views import list_queryset

    last_of_4999 = list_queryset(AnonymousUser()).order_by("-created_at", "-pk")[4999 * 20 - 1]
    page = keyset.cursor_after("newest", last_of_4999)
    api = comments = None
    try:
        from consultations.api_pagination import encode_cursor
    except ImportError:
        pass
    else:
        api = encode_cursor(last_of_4999.created_at, last_of_4999.pk)
        thread = Comment.objects.filter(object_id=thread_ids()[5000]).order_by("created_at", "pk")[249 * 20 - 1]
        comments = encode_cursor(thread.created_at, thread.pk)
    return {"page": page, "page_param": keyset.PARAM, "api": api, "comments": comments}


def group_cpu_seconds(pgid):
    """User + system CPU of every process of a process group (the server), from /proc: what a page
    costs the server whatever the other sessions of the machine take (the wall clock does not)."""
    ticks, total = os.sysconf("SC_CLK_TCK"), 0
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as stat:
                fields = stat.read().rpartition(")")[2].split()
        except OSError:
            continue
        if int(fields[2]) == pgid:  # after the name: state, ppid, pgrp, …, utime (11), stime (12)
            total += int(fields[11]) + int(fields[12])
    return total / ticks


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
    # e.g. "API", or "list,proposal,page": the targets whose label contains one of them
    only = [part for part in os.environ.get("BENCH_SCALE_ONLY", "").split(",") if part]
    if only:
        paths = [row for row in paths if row[0] == "hello-world view" or any(part in row[0] for part in only)]
    started_load = os.getloadavg()
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
            cpu = group_cpu_seconds(process.pid)
            latency = common.measure(port, path, count, 1)
            latency["cpu_ms"] = (group_cpu_seconds(process.pid) - cpu) * 1000 / count
            throughput = common.measure(port, path, count, CLIENTS)
            print(f"  {label}: p50 {latency['median']:.1f} ms over {count} requests", flush=True)
            results[label] = {**latency, "rps": throughput["rps"], "errors": latency["errors"] + throughput["errors"]}
    finally:
        servers.stop(process)
    if any(r["errors"] for r in results.values()):
        print("The server's last words:\n" + process.stderr.read().decode(errors="replace")[-3000:])
    hello = results["hello-world view"]
    print(f"\nScale benchmark: PostgreSQL, {scale_data._summary(counts)}; one uvicorn process. p50/p95 over {REQUESTS} "
          f"sequential requests; req/s with {CLIENTS} concurrent clients; SQL queries and size of one answer; CPU ms: the server's CPU per request (sequential).")
    print(f"Machine: {os.cpu_count()} cores; load average {started_load[0]:.2f} at the start, "
          f"{os.getloadavg()[0]:.2f} at the end.")
    print(f"{'target':40} {'p50 ms':>8} {'p95 ms':>8} {'req/s':>7} {'p50 ×hello':>10} {'p95 ×hello':>10} "
          f"{'CPU ms':>7} {'queries':>8} {'KB':>7}")
    for label, r in results.items():
        queries, size, status = counted[label]
        print(f"{label:40} {r['median']:8.1f} {r['p95']:8.1f} {r['rps']:7.1f} {r['median'] / hello['median']:10.1f} "
              f"{r['p95'] / hello['p95']:10.1f} {r['cpu_ms']:7.1f} {queries:8d} {size / 1024:7.1f}")
        if r["errors"] or status != 200:
            print(f"  ! answers not 200: {sorted(set(r['errors'] + [status]) - {200})}")

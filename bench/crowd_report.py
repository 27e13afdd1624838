"""The crowd's figures (bench/crowd.py): requests as the locust processes recorded them, writes
counted in the database, CPU per part of the topology, the export and the live room."""

import collections
import json
import os
from pathlib import Path

BUDGET_RPS = 200
BUDGET_P95_MS = 250
HELLO = "hello-world view"


def established(port):
    """Open TCP connections to a local port (Linux /proc): the room's clients on a websocket process."""
    count = 0
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            if int(fields[1].rsplit(":", 1)[1], 16) == port and fields[3] == "01":
                count += 1
    return count


def _machine_busy():
    """Seconds of CPU the whole machine spent busy (all cores, every user), and its number of cores."""
    fields = [int(x) for x in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    idle = fields[3] + fields[4]
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")


class Cpu:
    """CPU seconds of each part between start() and stop(), children (workers, threads) included."""

    def __init__(self, topology, room_pid):
        self.groups = {
            "nginx": [topology.pid("proxy")],
            "pages (granian)": [topology.pid("pages")],
            "websockets (uvicorn ×2)": [topology.pid("websocket1"), topology.pid("websocket2")],
            "task worker (the export)": [topology.pid("worker")],
            "room clients (1 process)": [room_pid] if room_pid else [],
        }
        self.database = topology.env["DATABASE_URL"]
        self.extra = {}  # CPU seconds measured otherwise (the load tool, reaped before the end)

    def _postgres_pids(self):
        from bench.crowd import _admin

        admin, name = _admin(self.database)
        with admin:
            return [row[0] for row in admin.execute("SELECT pid FROM pg_stat_activity WHERE datname = %s", [name])]

    def _sample(self):
        import psutil

        sample = {}
        groups = {**self.groups, "PostgreSQL (this database)": self._postgres_pids()}
        for name, pids in groups.items():
            for pid in pids:
                try:
                    root = psutil.Process(pid)
                    for process in [root, *root.children(recursive=True)]:
                        times = process.cpu_times()
                        sample[(name, process.pid)] = times.user + times.system
                except psutil.Error:
                    continue
        return sample

    def start(self):
        self.before, self.busy_before = self._sample(), _machine_busy()
        self.wall_before = _now()

    def stop(self):
        self.after, self.busy_after = self._sample(), _machine_busy()
        self.wall_after = _now()

    def figures(self):
        used = collections.Counter()
        for (name, pid), seconds in self.after.items():
            used[name] += seconds - self.before.get((name, pid), 0.0)
        used.update(self.extra)
        wall = self.wall_after - self.wall_before
        return {"wall": wall, "machine_busy": self.busy_after - self.busy_before, "cores": os.cpu_count(),
                "parts": dict(used)}


def _now():
    import time

    return time.monotonic()


def _percentile(sorted_values, fraction):
    if not sorted_values:
        return float("nan")
    return sorted_values[min(len(sorted_values) - 1, max(0, int(len(sorted_values) * fraction + 0.5) - 1))]


def requests_of(out):
    rows = []
    for path in sorted(out.glob("requests-*.json")):
        rows += json.loads(path.read_text())
    return rows


def writes_of(out):
    writes = collections.defaultdict(list)
    for path in sorted(out.glob("writes-*.jsonl")):
        for line in path.read_text().splitlines():
            record = json.loads(line)
            writes[record.pop("kind")].append(record)
    return writes


def counted_in_database(writes, seed):
    """For each kind of write: (reported succeeded, found in the database, reported but missing, found but not reported)."""
    from bench.crowd_fixture import crowd_users
    from participation.comments.models import Comment
    from participation.proposals.models import Support
    from participation.surveys.models import Response

    users = crowd_users()
    reported = {
        "supports": {(w["user"], w["proposal"]) for w in writes["support"]},
        "comments": {w["body"] for w in writes["comment"]},
        "answers": {w["user"] for w in writes["answer"]},
    }
    found = {
        "supports": set(Support.objects.filter(user__in=users).values_list("user__email", "proposal_id")),
        "comments": set(Comment.objects.filter(author__in=users).values_list("body", flat=True)),
        "answers": set(Response.objects.filter(user__in=users, questionnaire_id=seed["questionnaire"]["pk"])
                       .values_list("user__email", flat=True)),
    }
    duplicates = {"supports": len(writes["support"]) - len(reported["supports"]),
                  "comments": len(writes["comment"]) - len(reported["comments"]),
                  "answers": len(writes["answer"]) - len(reported["answers"])}
    return {kind: {"reported": len(reported[kind]), "counted": len(found[kind]),
                   "missing": len(reported[kind] - found[kind]), "unreported": len(found[kind] - reported[kind]),
                   "reported twice": duplicates[kind]}
            for kind in reported}


def summarise(rows, since=None):
    """Per kind of request: count, req/s over the run, p50/p95/p99, errors; and all pages together.

    ``since``: only the requests started from that moment (the steady state after the warm-up)."""
    if since is not None:
        rows = [row for row in rows if row[4] >= since]
    if not rows:
        return {}, {}
    first = min(r[4] for r in rows)
    last = max(r[4] + r[2] / 1000 for r in rows)
    seconds = max(last - first, 1e-9)
    by_kind = collections.defaultdict(list)
    for name, method, ms, error, _at, *cached in rows:
        by_kind[(name, method)].append((ms, error, cached[0] if cached else None))
    kinds = {}
    pages = []
    for (name, method), values in sorted(by_kind.items(), key=lambda item: (item[0][1], item[0][0])):
        kinds[f"{name}" if method == "GET" else f"{name} [{method}]"] = _figures(values, seconds)
        if method == "GET" and name != HELLO:
            pages += values
    return kinds, {"pages": _figures(pages, seconds), "seconds": seconds}


def _figures(values, seconds):
    times = sorted(ms for ms, _error, _cached in values)
    errors = collections.Counter(error for _ms, error, _cached in values if error)
    hits = sum(1 for _ms, _error, cached in values if cached == "hit")
    return {"count": len(values), "rps": len(values) / seconds, "p50": _percentile(times, 0.50),
            "p95": _percentile(times, 0.95), "p99": _percentile(times, 0.99), "errors": sum(errors.values()),
            "error_kinds": errors.most_common(3), "cache_hits": hits}


# Parts whose work grows with the crowd's requests; the others (the export job, the room and its
# clients) do the same work whatever the crowd does.
SCALES_WITH_CROWD = ("pages (granian)", "PostgreSQL (this database)", "nginx", "load tool (locust)")


def sign_in_cpu():
    """CPU seconds of one password check (PBKDF2 in production), measured in this process."""
    import time

    from django.contrib.auth.hashers import get_hasher

    hasher = get_hasher()
    started = time.process_time()
    hasher.encode("mot-de-passe", hasher.salt())
    return time.process_time() - started


def takes(cpu, pages_rps, alone, sign_ins=0):
    """The cores this mix needs at the budget's rate, each crowd-driven part scaled from what it used here.

    What a part used while the export ran alone (the database reading the export's rows) is its
    fixed share; only the rest grows with the crowd."""
    factor = BUDGET_RPS / pages_rps
    parts = {}
    # The crowd's sign-ins happen once per citizen, not per page: kept apart, not scaled.
    hashing = min(sign_ins * sign_in_cpu(), cpu["parts"].get("pages (granian)", 0.0))
    if hashing:
        parts["sign-ins (password hashing)"] = hashing / cpu["wall"]
    for name, seconds in cpu["parts"].items():
        if name == "pages (granian)":
            seconds -= hashing
        cores = seconds / cpu["wall"]
        if name in SCALES_WITH_CROWD:
            fixed = min(cores, alone["parts"].get(name, 0.0) / alone["wall"])
            cores = fixed + (cores - fixed) * factor
        parts[name] = cores
    detail = ", ".join(f"{name} {cores:.1f}" for name, cores in sorted(parts.items(), key=lambda item: -item[1]))
    return (f"  At {BUDGET_RPS} pages/s this mix takes about {sum(parts.values()):.1f} cores of CPU time ({detail}), "
            f"measured here at {pages_rps:.0f} pages/s and scaled: no waiting, no other user on the machine.")


def report(run, out):
    from bench.crowd_fixture import crowd_users  # noqa: F401  (Django is set up by bench/crowd.py)

    seed = json.loads((out / "seed.json").read_text())
    rows = requests_of(out)
    sign_ins = [row for row in rows if row[0] == "sign-in (write)" and not row[3]]
    kinds, total = summarise(rows, run.get("measured_from"))
    _whole_kinds, whole = summarise(rows)
    counted = counted_in_database(writes_of(out), seed)
    s = run["settings"]
    print(f"\nMixed crowd on the production topology (nginx, granian ×{s['page_workers']} × {s['page_threads']} threads, "
          f"uvicorn ×2, worker, Redis, PostgreSQL {run['database']}), {run['seconds']:.0f} s; locust: "
          f"{s['visitors']} visitors, {s['citizens']} citizens, {s['hello']} hello-world clients, "
          f"{s['locust_processes']} process(es); room: {s['room_clients']} websocket clients.")
    print(f"Machine: {run['cpu']['cores']} cores; load average before {run['load'][0][0]:.2f}, after {run['load'][1][0]:.2f} "
          "(shared with other work).")
    if run.get("measured_from") and rows:
        warmup = run["measured_from"] - min(row[4] for row in rows)
        print(f"Pages measured after the first {warmup:.0f} s (users spawned; {len(sign_ins)} of {s['citizens']} citizens "
              "signed in by the end); the whole run below the table.")
    print(f"\n{'kind':34} {'requests':>8} {'req/s':>7} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} {'errors':>6} {'p95 ×hello':>10} "
          f"{'cached':>6}")
    hello = kinds.get(HELLO, {}).get("p95") or float("nan")
    for name, f in list(kinds.items()) + [("ALL PAGES (GET, hello excluded)", total.get("pages", {}))]:
        if not f:
            continue
        print(f"{name:34} {f['count']:8d} {f['rps']:7.1f} {f['p50']:7.1f} {f['p95']:7.1f} {f['p99']:7.1f} {f['errors']:6d} "
              f"{f['p95'] / hello:10.1f} {f['cache_hits'] / f['count']:6.0%}")
        for error, times in f["error_kinds"]:
            print(f"  ! {times} × {str(error)[:150]}")
    w = whole.get("pages")
    if w:
        print(f"{'(whole run, warm-up included)':34} {w['count']:8d} {w['rps']:7.1f} {w['p50']:7.1f} {w['p95']:7.1f} "
              f"{w['p99']:7.1f} {w['errors']:6d} {'':10} {w['cache_hits'] / w['count']:6.0%}")
    print(f"\n{'written':10} {'reported':>8} {'counted':>8} {'missing':>8} {'unreported':>10} {'reported twice':>14}")
    for kind, c in counted.items():
        print(f"{kind:10} {c['reported']:8d} {c['counted']:8d} {c['missing']:8d} {c['unreported']:10d} {c['reported twice']:14d}")
    e = run["export"]
    print(f"\nStaff export ({e['format'].upper()} job of « {e['dataset']} », {e['rows_total']:,} rows, by the worker; "
          f"{e['jobs']} job(s)): {e['alone']:.0f} rows/s alone before the crowd, {e['during']:.0f} rows/s during it "
          f"(×{e['during'] / e['alone'] if e['alone'] else float('nan'):.2f}).")
    r = run["room"]
    if "error" in r:
        print(f"\nLive room: FAILED {r['error']}")
    else:
        print(f"Live room through nginx: {r['clients']} clients, {r['messages']} messages {r['interval'] * 1000:.0f} ms apart "
              f"during the crowd: p50 {r['p50']:.1f} ms, p99 {r['p99']:.1f} ms, max {r['max']:.1f} ms, "
              f"{r['delivered']} delivered, {r['lost']} lost.")
    cpu = run["cpu"]
    capacity = cpu["wall"] * cpu["cores"]
    print(f"\nCPU during the crowd ({cpu['wall']:.0f} s × {cpu['cores']} cores = {capacity:.0f} core-seconds; the machine "
          f"was busy {cpu['machine_busy']:.0f}, {cpu['machine_busy'] / capacity:.0%}):")
    for name, seconds in sorted(cpu["parts"].items(), key=lambda item: -item[1]):
        print(f"  {name:30} {seconds:7.1f} s  {seconds / cpu['wall']:5.2f} cores  {seconds / capacity:5.1%} of the machine")
    mine = sum(cpu["parts"].values())
    print(f"  {'(others on the machine)':30} {max(0.0, cpu['machine_busy'] - mine):7.1f} s")
    costs = run.get("page_costs")
    if costs:
        print(f"  pages' CPU per page, one at a time before the crowd: {costs['hit']['ms']:.1f} ms served from the page "
              f"cache ({costs['hit']['answers']}), {costs['miss']['ms']:.1f} ms rendered ({costs['miss']['answers']})")
    pages = total.get("pages", {})
    page_cpu = cpu["parts"].get("pages (granian)", 0.0)
    all_requests = sum(f["count"] for f in kinds.values())
    if all_requests:
        print(f"  pages' CPU per request (all kinds): {page_cpu / all_requests * 1000:.1f} ms")
    if pages.get("rps"):
        sign_ins = kinds.get("sign-in (write) [POST]", {}).get("count", 0)
        print(takes(cpu, pages["rps"], run["cpu_export_alone"], sign_ins))
    errors = sum(f["errors"] for f in _whole_kinds.values())  # an error in the warm-up counts too
    lost = sum(c["missing"] for c in counted.values())
    met = (pages.get("rps", 0) >= BUDGET_RPS and pages.get("p95", 1e9) < BUDGET_P95_MS and errors == 0 and lost == 0
           and r.get("lost", 1) == 0)
    print(f"\nBudget: ≥ {BUDGET_RPS} pages/s with p95 < {BUDGET_P95_MS} ms, 0 errors, nothing written lost: "
          f"{'met' if met else 'NOT met'} ({pages.get('rps', 0):.0f} pages/s, p95 {pages.get('p95', float('nan')):.0f} ms, "
          f"{errors} errors, {lost} writes missing, {r.get('lost', '?')} room deliveries lost).")
    (out / "figures.json").write_text(json.dumps({"kinds": kinds, "total": total, "whole_run": whole, "counted": counted,
                                                  **{k: v for k, v in run.items() if k != "locust_output"}}, default=str))

"""``python -m bench scale-exports``: the largest datasets exported at a national consultation's size.

    python -m bench scale-exports                             # PostgreSQL (BENCH_EXPORTS_DATABASE_URL), then SQLite
    python -m bench.scale_exports --no-own --scale-datasets comments,questionnaire_responses --sqlite-supports 0

Each case runs in its own process under ``/usr/bin/time -v`` (peak RSS of that process, wall and CPU):

- ``COPY`` — ``COPY (SELECT the same columns, computed in SQL) TO STDOUT`` through psycopg into a file;
- ``psycopg loop`` — a server-side cursor over the raw columns and ``csv.writer``, with the same per-row
  work in Python (HMAC pseudonym, local ISO date, choice labels), no Django;
- ``command`` — the real ``manage.py export DATASET --format csv|xlsx -o FILE``; ``command, generic``
  the same with the engine's fast paths off (every row through the dataset's ``row()``: the code before);
- ``job`` — the real staff job: ``services.start_job`` then ``manage.py db_worker --batch``, as in production;
- ``xlsxwriter`` — the same cells written by xlsxwriter (``constant_memory``) directly.

Data: ``BENCH_EXPORTS_DATA=own`` (default) fills ``lpc_scaleexp`` by ``generate_series`` once (2,000,000
supports of one consultation, 500,000 comments, 20,000 proposals by 50,000 people; about a minute);
``scale`` uses the shared ``lpc_scale`` of ``bench.scale_data`` (read only). SQLite gets its own file,
``var/bench/scale_exports.sqlite3``. The figures go to docs/performance.md.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / "var" / "bench"
SQLITE_PATH = BENCH_DIR / "scale_exports.sqlite3"
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/lpc_scaleexp"
LIMIT_MB = 150
SEED_SQL = Path(__file__).with_name("scale_exports_seed.sql")
OWN = {"users": 50_000, "proposals": 20_000, "supports": 2_000_000, "comments": 500_000}
SETTINGS = "bench.exports_settings"


def database_url():
    return os.environ.get("BENCH_EXPORTS_DATABASE_URL", DEFAULT_URL)


def _django(url):
    os.environ["DATABASE_URL"] = url
    os.environ["DJANGO_SETTINGS_MODULE"] = SETTINGS
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.utils import translation

    translation.activate("fr")


# --- the data --------------------------------------------------------------------------------------


def ensure_own_data(url, sizes=OWN):
    """Create, migrate and fill the database once (kept between runs, refilled when the counts differ)."""
    if not url.startswith("sqlite"):
        _create_database(url)
    _run([sys.executable, "manage.py", "migrate", "-v0"], env={"DATABASE_URL": url})
    if url.startswith("sqlite"):
        return _fill_sqlite(url, sizes)
    import psycopg

    with psycopg.connect(_libpq(url), autocommit=True) as conn:
        count = conn.execute("SELECT count(*) FROM proposals_support").fetchone()[0]
    if count == sizes["supports"]:
        return
    print(f"filling {url} ({sizes['supports']:,} supports)…", flush=True)
    variables = [f"-v{name}={value}" for name, value in sizes.items()]
    _run(["psql", "-q", "-v", "ON_ERROR_STOP=1", *variables, "-f", str(SEED_SQL), _libpq(url)])


def _create_database(url):
    import psycopg
    from psycopg import sql

    base, name = _libpq(url).rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def _fill_sqlite(url, sizes):
    """The same shape in SQLite, by recursive CTEs (SQLite has no generate_series built in)."""
    import sqlite3

    with sqlite3.connect(url.removeprefix("sqlite:///")) as db:
        if db.execute("SELECT count(*) FROM proposals_support").fetchone()[0] == sizes["supports"]:
            return
        print(f"filling {url} ({sizes['supports']:,} supports)…", flush=True)
        sql = SEED_SQL.with_name("scale_exports_seed_sqlite.sql").read_text()
        for name, value in sizes.items():
            sql = sql.replace(f":{name}", str(value))
        db.executescript(sql)


def _libpq(url):
    return url.replace("postgres://", "postgresql://", 1)


def _run(command, env=None):
    subprocess.run(command, cwd=ROOT, check=True, env={**os.environ, **(env or {})})


# --- the cases, each in a child process -------------------------------------------------------------


def _scope(args):
    from participation.exports.scope import Scope

    return Scope.from_json(json.loads(args.scope))


def _keys(dataset, scope):
    return [column.key for column in dataset.columns(scope)]


def child_copy(args):
    """COPY of the same columns, computed in SQL: PostgreSQL's own rate."""
    from participation.exports import pgcopy
    from participation.exports.registry import get_dataset

    dataset, scope = get_dataset(args.dataset), _scope(args)
    query = pgcopy._Query(dataset, scope, _keys(dataset, scope), for_csv=True)
    quoted = ", ".join(query.quoted)
    rows = 0
    with open(args.output, "wb") as handle, pgcopy._reading() as (reader, _own):
        with reader.cursor().copy(f"COPY ({query.sql}) TO STDOUT WITH (FORMAT csv, FORCE_QUOTE ({quoted}))",
                                  query.params) as copy:
            for data in copy:
                handle.write(data)
                rows += 1
    return rows


def child_loop(args):
    """A server-side cursor over the raw columns and csv.writer, the per-row work in Python."""
    import csv
    import hashlib
    import hmac
    import secrets

    import psycopg
    from django.utils import timezone

    from participation.exports import fields
    from participation.exports.registry import get_dataset

    dataset, scope = get_dataset(args.dataset), _scope(args)
    keys = _keys(dataset, scope)
    sql, params = fields.values_queryset(dataset, scope, keys).query.sql_with_params()
    secret, tz = secrets.token_bytes(32), timezone.get_current_timezone()

    def pseudonym(pk):
        return "" if pk is None else "p-" + hmac.new(secret, str(pk).encode(), hashlib.sha256).hexdigest()[:12]

    def date(value):
        return "" if value is None else value.astimezone(tz).isoformat(timespec="seconds")

    def converter(field):
        if field.kind == "pseudonym":
            return pseudonym
        if field.kind == "datetime":
            return date
        if field.kind == "choice":
            labels = field.labels()
            return lambda value: labels.get(value, value)
        if field.kind == "bool":
            return lambda value: "oui" if value else "non"
        return lambda value: "" if value is None else value

    converters = [converter(dataset.fields[key]) for key in keys]
    rows = 0
    with psycopg.connect(_libpq(args.url)) as conn:
        query = psycopg.ClientCursor(conn).mogrify(sql, params)
        with conn.cursor(name="bench") as named, open(args.output, "w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle, lineterminator="\r\n", quoting=csv.QUOTE_NONNUMERIC)
            named.itersize = 2000
            named.execute(query)
            for row in named:
                writer.writerow([convert(value) for convert, value in zip(converters, row)])
                rows += 1
    return rows


def child_xlsxwriter(args):
    """The same cells, ready (from the fast path's SQL), written by xlsxwriter directly."""
    import xlsxwriter

    from participation.exports import pgcopy
    from participation.exports.registry import get_dataset

    dataset, scope = get_dataset(args.dataset), _scope(args)
    query = pgcopy._Query(dataset, scope, _keys(dataset, scope), for_csv=False)
    workbook = xlsxwriter.Workbook(args.output, {"constant_memory": True, "strings_to_formulas": False,
                                                "strings_to_urls": False})
    sheet = workbook.add_worksheet("Export")
    rows = 0
    with pgcopy._reading() as (reader, _own):
        with reader.cursor(name="bench") as cursor:
            cursor.execute(query.sql, query.params)
            while chunk := cursor.fetchmany(2000):
                for row in chunk:
                    rows += 1
                    for col, value in enumerate(row):
                        if isinstance(value, str):
                            if value:
                                sheet.write_string(rows, col, value)
                        elif value is not None:
                            sheet.write_number(rows, col, value)
    workbook.close()
    return rows


def child_start_job(args):
    """Record a staff job (as the export page does) without running it: the worker will."""
    from django.contrib.auth import get_user_model

    from participation.exports import services
    from participation.exports.registry import get_dataset

    staff, _ = get_user_model().objects.get_or_create(
        email="bench-exports@scaleexp.invalid", defaults={"display_name": "Bench", "is_staff": True}
    )
    job = services.start_job(staff, get_dataset(args.dataset), _scope(args), args.format, delimiter=";")
    return job.pk


def child_job_result(args):
    from django_tasks_db.models import DBTaskResult

    from participation.exports.models import ExportJob

    task = DBTaskResult.objects.filter(task_path__endswith="run_export_job").order_by("-enqueued_at").first()
    job = ExportJob.objects.get(pk=int(args.job))
    path = job.file.path if job.file else ""
    size = os.path.getsize(path) if path else 0
    if path:
        job.file.delete(save=False)
    return {"status": job.status, "rows": job.rows_done, "bytes": size, "error": job.error[:200],
            "seconds": (task.finished_at - task.started_at).total_seconds()}


CHILDREN = {"copy": child_copy, "loop": child_loop, "xlsxwriter": child_xlsxwriter,
            "start_job": child_start_job, "job_result": child_job_result}


def child(args):
    _django(args.url)
    began = time.perf_counter()
    result = CHILDREN[args.child](args)
    print(json.dumps({"result": result, "seconds": time.perf_counter() - began}))


# --- measuring ------------------------------------------------------------------------------------


def timed(command, env=None):
    """Run under /usr/bin/time -v: (stdout, stderr, wall s, CPU s, peak RSS MB)."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
        began = time.perf_counter()
        done = subprocess.run(["/usr/bin/time", "-v", "-o", report.name, *command], cwd=ROOT, capture_output=True,
                              text=True, env={**os.environ, "DJANGO_SETTINGS_MODULE": SETTINGS, **(env or {})})
        wall = time.perf_counter() - began
        text = report.read()
    if done.returncode:
        raise RuntimeError(f"{' '.join(command)} failed:\n{done.stderr[-2000:]}")
    user = float(re.search(r"User time \(seconds\): ([\d.]+)", text).group(1))
    system = float(re.search(r"System time \(seconds\): ([\d.]+)", text).group(1))
    peak = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1)) / 1024
    return done.stdout, done.stderr, wall, user + system, peak


def spawn_child(name, url, dataset, scope, output="", **extra):
    command = [sys.executable, "-m", "bench.scale_exports", "--child", name, "--url", url, "--dataset", dataset,
               "--scope", json.dumps(scope), "--output", output]
    for key, value in extra.items():
        command += [f"--{key}", str(value)]
    stdout, _stderr, wall, cpu, peak = timed(command)
    data = json.loads(stdout.strip().splitlines()[-1])
    return data, wall, cpu, peak


STARTUP = {}


def startup(url):
    """The command's own start (Python, Django, the dataset registry: ``export --list``), taken off
    each command's wall time so that rates compare the exporting (the baselines time it in-process)."""
    if url not in STARTUP:
        runs = [timed([sys.executable, "manage.py", "export", "--list"], env={"DATABASE_URL": url})[2]
                for _ in range(3)]
        STARTUP[url] = min(runs)
        print(f"  (command start: {STARTUP[url]:.1f} s, taken off the command rows below)", flush=True)
    return STARTUP[url]


def command_case(url, dataset, scope, fmt, output, generic=False):
    options = []
    for name, value in scope.items():
        options += [f"--{name}", str(value)]
    env = {"DATABASE_URL": url, "BENCH_EXPORTS_GENERIC": "1" if generic else "0"}
    _stdout, stderr, wall, cpu, peak = timed(
        [sys.executable, "manage.py", "export", dataset, "--format", fmt, "--delimiter", ";", *options, "-o", output],
        env=env,
    )
    rows = int(re.search(r"(\d+) rows exported", stderr).group(1))
    return {"rows": rows, "wall": max(wall - startup(url), 0.01), "cpu": cpu, "peak": peak,
            "bytes": os.path.getsize(output)}


def job_case(url, dataset, scope, fmt):
    data, *_ = spawn_child("start_job", url, dataset, scope, format=fmt)
    job = data["result"]
    _stdout, _stderr, wall, cpu, peak = timed(
        [sys.executable, "manage.py", "db_worker", "--batch", "--no-startup-delay", "--max-tasks", "1"],
        env={"DATABASE_URL": url},
    )
    result, *_ = spawn_child("job_result", url, dataset, scope, job=job)
    outcome = result["result"]
    if outcome["status"] != "done":
        raise RuntimeError(f"job {job} {outcome['status']}: {outcome['error']}")
    # The job's own time (the task's start to its end); the worker's wall includes its start and polling.
    print(f"  (worker process: {wall:.1f} s wall, the job itself {outcome['seconds']:.1f} s)", flush=True)
    return {"rows": outcome["rows"], "wall": outcome["seconds"], "cpu": cpu, "peak": peak, "bytes": outcome["bytes"]}


def child_case(name, url, dataset, scope, output):
    data, _wall, cpu, peak = spawn_child(name, url, dataset, scope, output)
    return {"rows": data["result"], "wall": data["seconds"], "cpu": cpu, "peak": peak,
            "bytes": os.path.getsize(output)}


def line(label, result, baseline=None, baseline_label=""):
    rate = result["rows"] / result["wall"]
    cpu_rate = result["rows"] / result["cpu"] if result["cpu"] else 0
    ratio = ""
    if baseline:
        ratio = f"  = {rate / (baseline['rows'] / baseline['wall']):5.2f}× {baseline_label} rate"
    verdict = "" if result["peak"] < LIMIT_MB else f"  OVER {LIMIT_MB} MB"
    print(f"  {label:<30} {result['rows']:>10,} rows {result['wall']:7.1f} s {rate:>9,.0f} rows/s "
          f"(CPU {result['cpu']:6.1f} s, {cpu_rate:>9,.0f}/CPU s)  peak RSS {result['peak']:6.1f} MB"
          f"{ratio}{verdict}", flush=True)
    return result


def bench_postgresql(url, csv_cases, xlsx_cases, jobs):
    """Wall times: the export itself (in-process for the baselines, the process less its start for
    the command, the task's start to end for the job); CPU and peak RSS: the whole process.
    ``csv_cases``: (dataset, scope, baselines?) — datasets without ``fields`` have no SQL columns to
    COPY, so only the command runs for them (its generic path is then the only one)."""
    print(f"PostgreSQL {url.rsplit('/', 1)[-1]}", flush=True)
    startup(url)
    with tempfile.TemporaryDirectory(dir=BENCH_DIR) as folder:
        for dataset, scope, fast in csv_cases:
            out = str(Path(folder) / f"{dataset}.out")
            print(f"{dataset} {json.dumps(scope)}", flush=True)
            if not fast:
                # A pivot (one column per question): no fixed SQL to COPY; its own values path vs row().
                line("command csv", command_case(url, dataset, scope, "csv", out))
                line("command csv, generic (before)", command_case(url, dataset, scope, "csv", out, generic=True))
                continue
            child_case("copy", url, dataset, scope, out)  # unmeasured: the table in the cache for every case
            copy = line("COPY (same columns)", child_case("copy", url, dataset, scope, out))
            line("psycopg loop + csv.writer", child_case("loop", url, dataset, scope, out), copy, "COPY")
            line("command csv", command_case(url, dataset, scope, "csv", out), copy, "COPY")
            if jobs:
                line("job csv (db_worker)", job_case(url, dataset, scope, "csv"), copy, "COPY")
            line("command csv, generic (before)", command_case(url, dataset, scope, "csv", out, generic=True),
                 copy, "COPY")
            # Again at the end: how much the shared machine's load moved while the cases ran.
            line("COPY again", child_case("copy", url, dataset, scope, out), copy, "first COPY")
        for dataset, scope in xlsx_cases:
            out = str(Path(folder) / f"{dataset}.xlsx")
            print(f"{dataset} XLSX {json.dumps(scope)}", flush=True)
            raw = line("xlsxwriter, same cells", child_case("xlsxwriter", url, dataset, scope, out))
            line("command xlsx", command_case(url, dataset, scope, "xlsx", out), raw, "xlsxwriter")
            if jobs:
                line("job xlsx (db_worker)", job_case(url, dataset, scope, "xlsx"), raw, "xlsxwriter")
            line("command xlsx, generic (before)", command_case(url, dataset, scope, "xlsx", out, generic=True),
                 raw, "xlsxwriter")


def bench_sqlite(sizes, datasets):
    url = f"sqlite:///{SQLITE_PATH}"
    ensure_own_data(url, sizes)
    print(f"SQLite {SQLITE_PATH.name}", flush=True)
    with tempfile.TemporaryDirectory(dir=BENCH_DIR) as folder:
        startup(url)
        for dataset in datasets:
            out = str(Path(folder) / f"{dataset}.csv")
            before = line(f"{dataset}: command csv, generic", command_case(url, dataset, {}, "csv", out, generic=True))
            line(f"{dataset}: command csv", command_case(url, dataset, {}, "csv", out), before, "generic")


FAST = {"supports", "proposals", "comments"}  # the datasets declaring fields (questionnaires: "values")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale-datasets", default="supports,proposals,comments,questionnaire_responses",
                        help="Whole datasets of the shared scale database ('' to leave it out).")
    parser.add_argument("--xlsx-since", default="2026-01-01", help="XLSX cases: the supports from this day…")
    parser.add_argument("--xlsx-until", default="2026-01-20", help="…to this one (about 240,000 rows).")
    parser.add_argument("--sqlite-supports", type=int, default=300_000, help="0: no SQLite case.")
    parser.add_argument("--no-jobs", action="store_true")
    parser.add_argument("--no-own", action="store_true", help="Leave out the own database (CSV, XLSX, jobs).")
    parser.add_argument("--own-datasets", default="supports,comments",
                        help="The own database's datasets of one consultation (supports: also the XLSX cases).")
    parser.add_argument("--sqlite-datasets", default=",".join(sorted(FAST)), help="The SQLite cases.")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    for name in ("url", "dataset", "scope", "output", "job", "format"):
        parser.add_argument(f"--{name}", help=argparse.SUPPRESS)
    args = parser.parse_args(argv if argv is not None else sys.argv[1:] if __name__ == "__main__" else [])
    if args.child:
        return child(args)
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    print(f"machine: {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f}", flush=True)
    # Our own database: the 2,000,000 supports of one consultation, and the jobs (which write rows).
    if not args.no_own:
        own = database_url()
        ensure_own_data(own)
        names = [name for name in args.own_datasets.split(",") if name]
        bench_postgresql(own, [(name, {"consultation": "nationale-2026"}, True) for name in names],
                         [("supports", {"since": args.xlsx_since, "until": args.xlsx_until})] if "supports" in names
                         else [], not args.no_jobs)
    # The shared national data set, read only: the command and the baselines, no jobs.
    if args.scale_datasets:
        from bench.scale_data import ensure_loaded

        scale = os.environ.get("BENCH_SCALE_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/lpc_scale")
        ensure_loaded(scale, verbose=False)
        bench_postgresql(scale, [(name, {}, name in FAST) for name in args.scale_datasets.split(",")], [], False)
    if args.sqlite_supports:
        sizes = {"users": 5_000, "proposals": 2_000, "supports": args.sqlite_supports,
                 "comments": args.sqlite_supports // 4}
        bench_sqlite(sizes, [name for name in args.sqlite_datasets.split(",") if name])
    print(f"load after: {os.getloadavg()[0]:.2f}", flush=True)


if __name__ == "__main__":
    main()

"""Export benchmark: rows per second and peak memory, one subprocess per case so peaks don't mix.

    python -m bench exports                 # 1,000,000 synthetic rows to CSV and XLSX, 200,000 from the DB to CSV
    python -m bench.exports --rows 100000 --formats csv,xlsx,ods,json --db-rows 0

The writer cases need no database. The database case fills a SQLite file under var/bench/ once
(registrations of synthetic people) and streams the ``registrations`` dataset through the engine.
Peak memory is the child's ``ru_maxrss`` (whole process, Python and Django included).
"""

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone as dt_timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / "var" / "bench"
DB_PATH = BENCH_DIR / "exports.sqlite3"
LIMIT_MB = 150
HEADER = ["Événement (identifiant)", "Événement", "Participant·e (pseudonyme)", "Statut", "Date d’inscription",
          "Date d’annulation", "Présent·es", "Rang"]


def synthetic_rows(count):
    start = datetime(2025, 1, 1, 9, tzinfo=dt_timezone.utc)
    for n in range(count):
        yield [
            f"journee-regionale-{n % 500}",
            f"Journée régionale des conseils citoyens n°{n % 500}",
            f"p-{n * 2654435761 % 16**12:012x}",
            "Confirmée" if n % 7 else "Sur liste d’attente",
            start + timedelta(minutes=n),
            None,
            n % 3 == 0,
            n,
        ]


def _setup_django(database_url=None):
    if database_url:
        os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lapartcitoyenne.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.utils import translation

    translation.activate("fr")


def run_writer(fmt, rows):
    """In the child: write ``rows`` synthetic rows in ``fmt`` to a temporary file."""
    _setup_django()
    from participation.exports.formats import csv_chunks, json_chunks, write_ods, write_xlsx

    _start_tracing()
    began = time.perf_counter()
    with tempfile.TemporaryFile() as handle:
        if fmt == "csv":
            for chunk in csv_chunks(HEADER, synthetic_rows(rows), delimiter=";"):
                handle.write(chunk.encode())
        elif fmt == "json":
            for chunk in json_chunks({"dataset": "bench"}, HEADER, synthetic_rows(rows)):
                handle.write(chunk.encode())
        elif fmt == "xlsx":
            write_xlsx(handle, HEADER, synthetic_rows(rows))
        elif fmt == "ods":
            write_ods(handle, HEADER, synthetic_rows(rows))
        size = handle.tell()
    return time.perf_counter() - began, size


def fill_database(rows):
    """In the child: a SQLite file with ``rows`` registrations (built once, reused)."""
    _setup_django(f"sqlite:///{DB_PATH}")
    from django.core.management import call_command

    from consultations.models import Event, Registration, RegistrationStatus, Theme

    call_command("migrate", verbosity=0)
    existing = Registration.objects.count()
    if existing >= rows:
        return
    if existing:
        # Built smaller by an earlier run: start again rather than collide with its people and events.
        call_command("flush", verbosity=0, interactive=False)
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    User = get_user_model()
    per_event = 1000
    theme, _ = Theme.objects.get_or_create(slug="dynamiques-citoyennes", defaults={"name": "Dynamiques citoyennes"})
    users = User.objects.bulk_create(
        [User(email=f"bench{n}@example.org", display_name=f"Personne {n}", password="!") for n in range(per_event)],
        batch_size=1000,
    )
    now = timezone.now()
    for index in range(rows // per_event):
        event = Event.objects.create(slug=f"bench-{index}", title=f"Journée régionale {index}", kind="regional_day",
                                     theme=theme, status="published")
        Registration.objects.bulk_create(
            [Registration(event=event, user=user, status=RegistrationStatus.CONFIRMED, queued_at=now,
                          attended=bool(n % 2)) for n, user in enumerate(users)],
            batch_size=1000,
        )


def run_database(rows):
    """In the child: the registrations dataset from SQLite, through the engine, to CSV."""
    _setup_django(f"sqlite:///{DB_PATH}")
    from participation.exports import engine
    from participation.exports.registry import get_dataset
    from participation.exports.scope import Scope

    _start_tracing()
    began = time.perf_counter()
    with tempfile.TemporaryFile() as handle:
        written = engine.write(get_dataset("registrations"), Scope(personal_data=True), "csv", handle, delimiter=";")
        size = handle.tell()
    return time.perf_counter() - began, size, written


TRACE = {"on": False}


def _start_tracing():
    """Trace allocations from here on: the writing, not the imports of Django."""
    if TRACE["on"]:
        import tracemalloc

        tracemalloc.start()


def child(args):
    TRACE["on"] = args.tracemalloc
    if args.case == "fill":
        fill_database(args.rows)
        result = {}
    elif args.case == "db":
        seconds, size, written = run_database(args.rows)
        result = {"seconds": seconds, "bytes": size, "rows": written}
    else:
        seconds, size = run_writer(args.case, args.rows)
        result = {"seconds": seconds, "bytes": size, "rows": args.rows}
    usage = resource.getrusage(resource.RUSAGE_SELF)
    # ru_maxrss is in kilobytes on Linux. CPU time shows the cost on a busy, shared machine.
    result["peak_mb"] = usage.ru_maxrss / 1024
    result["cpu_seconds"] = usage.ru_utime + usage.ru_stime
    if args.tracemalloc:
        import tracemalloc

        result["traced_peak_mb"] = tracemalloc.get_traced_memory()[1] / 1e6
    print(json.dumps(result))


def spawn(case, rows, traced=False):
    output = subprocess.run(
        [sys.executable, "-m", "bench.exports", "--child", case, "--rows", str(rows)]
        + (["--tracemalloc"] if traced else []),
        cwd=ROOT, check=True, capture_output=True, text=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def report(label, result):
    rate = result["rows"] / result["seconds"] if result["seconds"] else 0
    cpu_rate = result["rows"] / result["cpu_seconds"] if result.get("cpu_seconds") else 0
    traced = f"  Python heap peak {result['traced_peak_mb']:.1f} MB" if "traced_peak_mb" in result else ""
    verdict = "OK" if result["peak_mb"] < LIMIT_MB else f"OVER {LIMIT_MB} MB"
    print(
        f"{label:<28} {result['rows']:>9,} rows  {result['seconds']:7.1f} s  {rate:>9,.0f} rows/s ({cpu_rate:,.0f}/CPU s)  "
        f"{result['bytes'] / 1e6:7.1f} MB file  peak RSS {result['peak_mb']:6.1f} MB{traced}  {verdict}",
        flush=True,
    )
    return result["peak_mb"] < LIMIT_MB


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--formats", default="csv,xlsx")
    parser.add_argument("--db-rows", type=int, default=200_000)
    parser.add_argument("--tracemalloc", action="store_true", help="Also trace Python allocations (slower).")
    parser.add_argument("--child", dest="case", help=argparse.SUPPRESS)
    args = parser.parse_args(argv if argv is not None else sys.argv[1:] if __name__ == "__main__" else [])
    if args.case:
        return child(args)
    ok = True
    for fmt in args.formats.split(","):
        ok &= report(f"synthetic -> {fmt}", spawn(fmt, args.rows, args.tracemalloc))
    if args.db_rows:
        BENCH_DIR.mkdir(parents=True, exist_ok=True)
        spawn("fill", args.db_rows)
        ok &= report("SQLite registrations -> csv", spawn("db", args.db_rows, args.tracemalloc))
    if not ok:
        sys.exit(1)


if __name__ == "__main__":
    main()

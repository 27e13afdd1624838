"""Streamed download benchmark: first byte, whole time and the server's memory, through a real server.

    python -m bench streaming                    # 1,000,000 registrations from SQLite, as CSV, under uvicorn
    python -m bench.streaming --servers uvicorn,granian

The server runs in a process of its own (uvicorn for ASGI; granian and gunicorn for WSGI where installed)
with the bench settings, on the exports benchmark's database (bench/exports.py fills it once). The
URL `/bench/export.csv` streams the registrations dataset exactly as the staff export page does
(participation.exports.streaming), without the sign-in. While the download runs, a page is asked
for: under ASGI it answers at once, since the event loop is free between chunks. The server's peak
includes SQLite's page cache, which the bench settings let grow to 64 MB: the stream itself is flat.
"""

import argparse
import http.client
import os
import socket
import subprocess
import sys
import threading
import time

from . import exports

PORTS = {"uvicorn": 9601, "gunicorn": 9602, "granian": 9603}


def _command(server, port):
    if server == "uvicorn":
        return [sys.executable, "-m", "uvicorn", "bench.asgi:application", "--host", "127.0.0.1",
                "--port", str(port), "--no-access-log", "--log-level", "warning"]
    if server == "granian":
        return [sys.executable, "-m", "granian", "--interface", "wsgi", "bench.wsgi:application", "--host",
                "127.0.0.1", "--port", str(port), "--workers", "1", "--blocking-threads", "4",
                "--no-access-log", "--log-level", "warning"]
    return [sys.executable, "-m", "gunicorn", "bench.wsgi:application", "--bind", f"127.0.0.1:{port}",
            "--workers", "2", "--log-level", "warning"]


def _wait_for(port, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"no server on port {port}")


def _rss_mb(pid, field="VmRSS"):
    """The resident memory of the server and its children (gunicorn's workers), in MB."""
    pids = [pid] + [int(child) for child in _children(pid)]
    total = 0
    for one in pids:
        try:
            with open(f"/proc/{one}/status") as status:
                for line in status:
                    if line.startswith(field + ":"):
                        total += int(line.split()[1])
        except FileNotFoundError:
            pass
    return total / 1024


def _children(pid):
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as children:
            return children.read().split()
    except FileNotFoundError:
        return []


def measure(server, rows):
    port = PORTS[server]
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings",
           "BENCH_DATABASE_URL": f"sqlite:///{exports.DB_PATH}"}
    process = subprocess.Popen(_command(server, port), cwd=exports.ROOT, env=env)
    try:
        _wait_for(port)
        warm = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        warm.request("GET", "/bench/hello/")
        warm.getresponse().read()
        before = _rss_mb(process.pid)
        peak = {"mb": before}
        page = {}

        def sample():
            while "done" not in page:
                peak["mb"] = max(peak["mb"], _rss_mb(process.pid))
                time.sleep(0.05)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        began = time.perf_counter()
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
        connection.request("GET", "/bench/export.csv")
        response = connection.getresponse()
        first = response.read1(1 << 16)
        first_byte = time.perf_counter() - began
        other = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
        asked = time.perf_counter()
        other.request("GET", "/bench/hello/")
        other.getresponse().read()
        page["seconds"] = time.perf_counter() - asked
        size = len(first)
        while chunk := response.read1(1 << 16):
            size += len(chunk)
        total = time.perf_counter() - began
        page["done"] = True
        sampler.join()
        after = _rss_mb(process.pid)
    finally:
        process.terminate()
        process.wait(timeout=10)
    print(
        f"{server:<9} {rows:>9,} rows  first byte {first_byte:6.2f} s  whole {total:6.1f} s  "
        f"{size / 1e6:6.1f} MB  a page meanwhile {page['seconds'] * 1000:7.1f} ms  "
        f"server RSS {before:5.0f} MB -> peak {peak['mb']:5.0f} MB -> {after:5.0f} MB",
        flush=True,
    )


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--servers", default="uvicorn,granian,gunicorn")
    args = parser.parse_args(argv if argv is not None else sys.argv[1:] if __name__ == "__main__" else [])
    exports.BENCH_DIR.mkdir(parents=True, exist_ok=True)
    exports.spawn("fill", args.rows)
    for server in args.servers.split(","):
        try:
            __import__(server)
        except ImportError:
            print(f"{server:<9} not installed: left out", flush=True)
            continue
        measure(server, args.rows)


if __name__ == "__main__":
    main()

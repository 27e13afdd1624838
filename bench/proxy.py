"""``python -m bench proxy``: what nginx in front costs — the proposal list and a live room, through the
proxy and directly, same servers, same load.

The proxy is the production one: ``deploy/nginx.conf.template`` rendered as ``make prod`` does
(deploy/prod.py), in front of the production servers (granian for pages, two uvicorn processes with
Redis for the room). The proposal list needs the PostgreSQL database of ``python -m bench servers``
(``BENCH_DATABASE_URL``); the room, Redis (``BENCH_REDIS_URL``). Either missing is said and skipped.
``BENCH_CLIENTS`` (the room's clients, 1000) and the variables of bench/live.py apply.
"""

import asyncio
import os
import socket
import subprocess
import time
from pathlib import Path

from bench import live, proposals, servers
from deploy import prod

ROOT = Path(__file__).resolve().parent.parent
NGINX_DIR = ROOT / "var" / "bench" / "nginx"


def start_nginx(page_port=None, websocket_ports=()):
    """The production nginx config on a free port, in front of the given upstream ports."""
    port = proposals.free_port()
    env = prod.environment({
        **os.environ, "HTTP_LISTEN": f"127.0.0.1:{port}", "NGINX_DIR": str(NGINX_DIR), "NGINX_WORKERS": "1",
        "PAGE_SERVERS": f"127.0.0.1:{page_port or proposals.free_port()}",
        "WEBSOCKET_SERVERS": " ".join(f"127.0.0.1:{p}" for p in websocket_ports) or f"127.0.0.1:{proposals.free_port()}",
        "STATIC_ROOT": str(ROOT / "var" / "static"), "MEDIA_ROOT": str(ROOT / "var" / "media"),
    }, dotenv=NGINX_DIR / "no.env")
    if not Path(env["NGINX_BIN"]).exists() and not prod.nginx_binary():
        raise RuntimeError("nginx is not installed (apt-get install nginx)")
    prod.render_nginx(env)
    process = subprocess.Popen(
        [env["NGINX_BIN"], "-p", str(NGINX_DIR), "-c", str(NGINX_DIR / "nginx.conf"), "-e", "stderr", "-g", "daemon off;"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True,
    )
    deadline = time.monotonic() + 30
    while not _listens(port):
        if process.poll() is not None or time.monotonic() > deadline:
            servers.stop(process)
            raise RuntimeError(f"nginx did not listen on {port}: {process.stderr.read().decode()[-1000:]}")
        time.sleep(0.1)
    return port, process


def _listens(port):
    try:
        socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
        return True
    except OSError:
        return False


def nginx_workers(master):
    """The worker processes of an nginx master: where its CPU time is spent (Linux /proc)."""
    return [int(pid) for pid in Path(f"/proc/{master.pid}/task/{master.pid}/children").read_text().split()]


def proposal_list():
    proposals.setup_django()
    from django.db import connection

    if connection.vendor != "postgresql":
        print("The proposal list through the proxy runs on PostgreSQL: set BENCH_DATABASE_URL (skipped).")
        return
    proposals.create_database_if_missing()
    if not proposals.seeded():
        proposals.seed()
    connection.close()
    page_port = proposals.free_port()
    page_server = servers.start(servers.server_commands(page_port)["granian"], page_port)
    nginx_port, nginx = start_nginx(page_port=page_port)
    try:
        rows = [(f"granian ×{servers.PROCESSES}, direct", servers.measure_all(page_port)),
                (f"granian ×{servers.PROCESSES}, via nginx", servers.measure_all(nginx_port))]
    finally:
        servers.stop(nginx)
        servers.stop(page_server)
    servers.print_table(
        f"Proposal list directly and through nginx (deploy/nginx.conf.template): median/p95 over "
        f"{servers.REQUESTS} sequential requests, req/s with {servers.CLIENTS} concurrent clients.", rows,
    )


async def room_through(cookie, via_proxy):
    ports = [live.free_port(), live.free_port()]
    processes = [live.start_server("uvicorn", port, live.REDIS_URL) for port in ports]
    nginx = None
    try:
        for port in ports:
            await live.wait_for_port(port)
        if via_proxy:
            nginx_port, nginx = start_nginx(websocket_ports=ports)
            urls = [f"ws://127.0.0.1:{nginx_port}/ws/live/{live.SLUG}/"]
        else:
            urls = [f"ws://127.0.0.1:{port}/ws/live/{live.SLUG}/" for port in ports]
        return await asyncio.wait_for(
            live.run_clients(urls, urls[0], {"Cookie": f"sessionid={cookie}"}, live.live_frame,
                             [p.pid for p in processes] + (nginx_workers(nginx) if nginx else [])),
            timeout=300,
        )
    finally:
        if nginx:
            servers.stop(nginx)
        live.stop(processes)


def live_room():
    if not live.redis_answers(live.REDIS_URL):
        print(f"The live room through the proxy needs Redis at {live.REDIS_URL} (skipped).")
        return
    live.raise_file_limit()
    cookie = live.prepare_database()
    results = [("uvicorn ×2 + Redis, direct", asyncio.run(room_through(cookie, False))),
               ("uvicorn ×2 + Redis, via nginx", asyncio.run(room_through(cookie, True)))]
    print(f"\nLive room, {live.CLIENTS} clients, two uvicorn processes sharing it through Redis; CPU counts "
          "the servers (and nginx when it is in front).")
    print(f"{'setup':32} {'load':8} {'p50 ms':>7} {'p99 ms':>7} {'max ms':>7} {'deliv./s':>8} {'lost':>5} {'CPU µs/deliv.':>13}")
    for name, by_load in results:
        for load, r in by_load.items():
            print(f"{name:32} {load:8} {r['p50']:7.1f} {r['p99']:7.1f} {r['max']:7.1f} {r['rate']:8.0f} {r['lost']:5d}"
                  f" {r['cpu_us']:13.0f}")


def main():
    proposal_list()
    live_room()

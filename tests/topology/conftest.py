"""The production topology, started for real on loopback ports, for the tests of this folder.

It is what ``make prod`` runs — ``deploy/Procfile`` under ``deploy/supervisor.py``, nginx rendered
from ``deploy/nginx.conf.template`` — against a database of its own (``<suite database>_topology``,
made anew) and a Redis server of its own on its own port (``TOPOLOGY_REDIS_PORT``, 9790), which the
tests stop and start again. Ports: ``TOPOLOGY_PORT_BASE`` (9700) for nginx, +1 the page server,
+2 and +3 the two websocket processes. Everything is waited for (ports, HTTP answers, the health
page), never slept on. Output of every process: ``<tmp>/topology.log``, printed when a test fails.
"""

import json
import os
import shutil
import socket
import subprocess
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.apps import apps
from django.db import connection
from django.urls import Resolver404, resolve

ROOT = Path(__file__).resolve().parents[2]
PORT_BASE = int(os.environ.get("TOPOLOGY_PORT_BASE", "9700"))
REDIS_PORT = int(os.environ.get("TOPOLOGY_REDIS_PORT", "9790"))
READY_TIMEOUT = 90


def wait_until(predicate, timeout, what, interval=0.1):
    """Polls ``predicate`` until it returns something true; fails naming ``what`` after ``timeout`` s."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what}")
        time.sleep(interval)


def port_open(port):
    try:
        socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
        return True
    except OSError:
        return False


def has_route(path):
    try:
        resolve(path)
        return True
    except Resolver404:
        return False


def worker_installed():
    return apps.is_installed("django_tasks_db")


def skip_reason():
    if connection.vendor != "postgresql":
        return "the production topology needs PostgreSQL: run make test-topology (DATABASE_URL=postgres://…)"
    from deploy.prod import nginx_binary

    if not nginx_binary():
        return "nginx is not installed (make test-topology installs Debian's package)"
    if not shutil.which("redis-server"):
        return "redis-server is not installed (apt-get install redis-server)"
    return None


class RedisServer:
    """A Redis of the test's own: stopping it touches nobody else."""

    def __init__(self, port, directory):
        self.port, self.directory, self.process = port, directory, None

    def start(self):
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
             "--dir", str(self.directory)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        wait_until(self.answers, 20, f"Redis on port {self.port}")

    def answers(self):
        import redis

        try:
            return redis.Redis(port=self.port, socket_connect_timeout=0.5).ping()
        except redis.RedisError:
            return False

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)
        wait_until(lambda: not port_open(self.port), 10, f"Redis on port {self.port} to stop")


class Topology:
    def __init__(self, tmp):
        self.tmp = tmp
        self.http_port = PORT_BASE
        self.page_port, self.websocket_ports = PORT_BASE + 1, [PORT_BASE + 2, PORT_BASE + 3]
        self.base_url = f"http://127.0.0.1:{self.http_port}"
        self.emails = tmp / "emails"
        self.redis = RedisServer(REDIS_PORT, tmp)
        self.log = open(tmp / "topology.log", "a", buffering=1)
        self.log_lock = threading.Lock()
        self.with_worker = worker_installed()
        self.health_path = "/sante/" if has_route("/sante/") else None

    def output(self, name, line):
        with self.log_lock:
            self.log.write(f"{time.strftime('%H:%M:%S')} {name} | {line}\n")

    def url(self, path):
        return self.base_url + path

    def ws_url(self, path):
        return f"ws://127.0.0.1:{self.http_port}{path}"

    def database(self):
        settings = connection.settings_dict
        name = f"{settings['NAME']}_topology"
        password = f":{settings['PASSWORD']}" if settings.get("PASSWORD") else ""
        host, port = settings["HOST"] or "127.0.0.1", settings["PORT"] or 5432
        import psycopg
        from psycopg import sql

        with psycopg.connect(host=host, port=port, user=settings["USER"], password=settings["PASSWORD"] or None,
                             dbname="postgres", autocommit=True) as admin:
            admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
            admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        return f"postgres://{settings['USER']}{password}@{host}:{port}/{name}"

    def environment(self):
        from deploy.prod import environment

        base = {key: value for key, value in os.environ.items() if not key.startswith(("PYTEST", "DJANGO_"))}
        base.update({
            "DJANGO_ENV": "production",
            "DJANGO_SETTINGS_MODULE": "lapartcitoyenne.settings",
            "SECRET_KEY": "topology-test-secret-key-not-for-anything-else-0123456789",
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DATABASE_URL": self.database(),
            "REDIS_URL": f"redis://127.0.0.1:{REDIS_PORT}/0",
            # Plain HTTP on loopback: no redirect to https, cookies sent without TLS.
            "SECURE_SSL_REDIRECT": "false",
            "SECURE_COOKIES": "false",
            "SECURE_HSTS_SECONDS": "0",
            "EMAIL_BACKEND": "file",
            "EMAIL_FILE_PATH": str(self.emails),
            "HTTP_LISTEN": f"127.0.0.1:{self.http_port}",
            "PAGE_PORT": str(self.page_port),
            "WEBSOCKET1_PORT": str(self.websocket_ports[0]),
            "WEBSOCKET2_PORT": str(self.websocket_ports[1]),
            "PAGE_WORKERS": "2",
            "NGINX_WORKERS": "1",  # one round-robin over the websocket processes: A on one, B on the other
            "LPC_VAR_DIR": str(self.tmp / "var"),
            "STATIC_ROOT": str(ROOT / "var" / "topology-static"),
            "MEDIA_ROOT": str(self.tmp / "media"),
            "LOG_LEVEL": "WARNING",
        })
        if not self.with_worker:
            base["TASKS_BACKEND"] = "django.tasks.backends.immediate.ImmediateBackend"
        return environment(base, dotenv=self.tmp / "no.env")

    def start(self):
        from deploy import prod

        self.redis.start()
        self.env = self.environment()
        started = time.monotonic()
        prod.prepare(self.env)
        self.output("test", f"migrate + collectstatic + nginx -t: {time.monotonic() - started:.1f} s")
        seeded = subprocess.run([self.env["PYTHON"], "-m", "tests.topology.seed"], env=self.env, cwd=ROOT,
                                capture_output=True, text=True, timeout=300)
        assert seeded.returncode == 0, seeded.stderr[-3000:]
        self.seed = json.loads(seeded.stdout.strip().splitlines()[-1])
        only = None if self.with_worker else {"proxy", "pages", "websocket1", "websocket2"}
        self.supervisor = prod.supervisor(self.env, only=only, output=self.output)
        self.supervisor.start()
        self.watcher = threading.Thread(target=self.supervisor.watch, daemon=True)
        self.watcher.start()
        self.wait_ready()

    def wait_ready(self, timeout=READY_TIMEOUT):
        import requests

        for port in [self.http_port, self.page_port, *self.websocket_ports]:
            wait_until(lambda port=port: port_open(port), timeout, f"a server on port {port}")

        def answers(path):
            try:
                return requests.get(self.url(path), timeout=5).status_code == 200
            except requests.RequestException:
                return False

        wait_until(lambda: answers("/"), timeout, "the home page through nginx")
        if self.health_path and self.with_worker:
            wait_until(lambda: answers(self.health_path), timeout, f"{self.health_path} to answer 200")

    def pid(self, name):
        return self.supervisor.processes[name].pid

    def stop(self):
        supervisor = getattr(self, "supervisor", None)
        if supervisor:
            supervisor.stop()
        self.redis.stop()
        self.log.close()

    def tail(self, lines=80):
        return "".join((self.tmp / "topology.log").read_text().splitlines(keepends=True)[-lines:])


@pytest.fixture(scope="module")
def topology(tmp_path_factory):
    reason = skip_reason()
    if reason:
        pytest.skip(reason)
    topology = Topology(tmp_path_factory.mktemp("topology"))
    try:
        try:
            topology.start()
        except BaseException:
            print(f"--- topology processes (last lines)\n{topology.tail()}")
            raise
        yield topology
    finally:
        topology.stop()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    topology = item.funcargs.get("topology") if hasattr(item, "funcargs") else None
    if report.failed and isinstance(topology, Topology) and not topology.log.closed:
        report.sections.append(("topology processes (last lines)", topology.tail()))


def origin_of(url):
    return f"http://{urlsplit(url).netloc}"


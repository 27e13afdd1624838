"""A small process supervisor for the Procfile: start every line, restart what exits, stop all on a signal.

Why not honcho or foreman: they stop everything when one process exits, and a killed task worker
must come back by itself (its unfinished jobs are then picked up or marked failed). Why not
supervisord: one more daemon and configuration format; on a real server, systemd does this job
(deploy/systemd/), and this script stays what `make prod` runs on one machine, readable in one sitting.

Each process runs as ``sh -c "exec <line>"`` in a session of its own (so that stopping it stops the
workers it forked), its output prefixed with its name. Process ids are written to ``pids.json`` in
the state directory, for the operator (and the topology test) to see or signal one of them.
"""

import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

LINE = re.compile(r"^(?P<name>[A-Za-z0-9_-]+):\s*(?P<command>.+)$")
STOP_TIMEOUT = 15
MAX_BACKOFF = 30


def read_procfile(path, only=None):
    """``{name: command}`` in file order; blank lines and ``#`` comments are skipped."""
    processes = {}
    for raw in Path(path).read_text().splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        match = LINE.match(line)
        if not match:
            raise ValueError(f"{path}: not a Procfile line: {raw!r}")
        if only is None or match["name"] in only:
            processes[match["name"]] = match["command"]
    return processes


class Process:
    def __init__(self, name, command, env, cwd, output):
        self.name, self.command, self.env, self.cwd, self.output = name, command, env, cwd, output
        self.popen = None
        self.restarts = 0
        self.started_at = 0.0

    def start(self):
        self.popen = subprocess.Popen(
            ["/bin/sh", "-c", f"exec {self.command}"], env=self.env, cwd=self.cwd, start_new_session=True,
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        )
        self.started_at = time.monotonic()
        threading.Thread(target=self._relay, args=(self.popen,), daemon=True).start()

    def _relay(self, popen):
        for line in iter(popen.stdout.readline, b""):
            self.output(self.name, line.decode(errors="replace").rstrip("\n"))
        popen.stdout.close()

    @property
    def pid(self):
        return self.popen.pid if self.popen else None

    def alive(self):
        return self.popen is not None and self.popen.poll() is None

    def signal(self, signum):
        try:
            os.killpg(self.popen.pid, signum)
        except ProcessLookupError:
            pass

    def stop(self):
        if not self.alive():
            return
        self.signal(signal.SIGTERM)
        try:
            self.popen.wait(timeout=STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            self.signal(signal.SIGKILL)
            self.popen.wait()


class Supervisor:
    def __init__(self, procfile, env, cwd, state_dir, only=None, output=None):
        self.state_dir = Path(state_dir)
        self.lock = threading.Lock()
        self.output = output or self._print
        self.processes = {
            name: Process(name, command, env, cwd, self.output)
            for name, command in read_procfile(procfile, only).items()
        }
        self.stopping = threading.Event()
        self.width = max(map(len, self.processes), default=0)

    def _print(self, name, line):
        with self.lock:
            sys.stdout.write(f"{time.strftime('%H:%M:%S')} {name:<{self.width}} | {line}\n")
            sys.stdout.flush()

    def start(self):
        self.state_dir.mkdir(parents=True, exist_ok=True)
        for process in self.processes.values():
            process.start()
            self.output(process.name, f"started (pid {process.pid})")
        self._write_pids()

    def _write_pids(self):
        pids = {name: process.pid for name, process in self.processes.items()}
        target = self.state_dir / "pids.json"
        target.with_suffix(".tmp").write_text(json.dumps(pids))
        target.with_suffix(".tmp").replace(target)

    def watch(self):
        """Restart any process that exits, waiting longer each time it fails quickly (up to 30 s)."""
        while not self.stopping.wait(0.5):
            for process in self.processes.values():
                if process.alive() or self.stopping.is_set():
                    continue
                code = process.popen.returncode
                quick = time.monotonic() - process.started_at < 10
                process.restarts = process.restarts + 1 if quick else 0
                delay = min(MAX_BACKOFF, 2 ** process.restarts - 1) if quick else 0
                self.output(process.name, f"exited with {code}; restarting in {delay} s")
                if self.stopping.wait(delay):
                    return
                process.start()
                self.output(process.name, f"started (pid {process.pid})")
                self._write_pids()

    def stop(self):
        self.stopping.set()
        # The proxy first (no new requests), the worker last (it finishes or releases its task).
        for process in self.processes.values():
            process.stop()
        (self.state_dir / "pids.json").unlink(missing_ok=True)

    def run(self):
        """Until SIGINT or SIGTERM: then every process gets SIGTERM, and SIGKILL after 15 s."""
        def on_signal(signum, frame):
            self.stopping.set()

        signal.signal(signal.SIGINT, on_signal)
        signal.signal(signal.SIGTERM, on_signal)
        self.start()
        try:
            self.watch()
        finally:
            self.stop()

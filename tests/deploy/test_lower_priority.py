"""The task worker runs below the pages: its nice and, where the kernel has them, its autogroup's."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
REPORT = "import os; print(os.nice(0)); print(open('/proc/self/autogroup').read().split()[-1])"


@pytest.mark.skipif(not Path("/proc/self/autogroup").exists(), reason="this kernel has no scheduler autogroups")
def test_the_command_runs_lower_in_its_own_session_and_autogroup():
    # As the supervisor starts it: a session of its own, so the autogroup is the worker's alone.
    answer = subprocess.run(
        [sys.executable, "-m", "deploy.lower_priority", "7", sys.executable, "-c", REPORT],
        cwd=ROOT, capture_output=True, text=True, check=True, start_new_session=True,
    )
    nice, autogroup_nice = answer.stdout.split()
    assert int(nice) == os.nice(0) + 7
    assert autogroup_nice == "7"


def test_the_procfile_and_the_unit_start_the_worker_so():
    procfile = (ROOT / "deploy" / "Procfile").read_text()
    unit = (ROOT / "deploy" / "systemd" / "lapartcitoyenne-worker.service").read_text()
    assert "worker: ${PYTHON} -m deploy.lower_priority ${WORKER_NICE} ${PYTHON} manage.py db_worker" in procfile
    assert "-m deploy.lower_priority 10 " in unit and "CPUWeight=10" in unit

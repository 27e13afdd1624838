"""``python -m deploy.manage COMMAND …``: a manage.py command with the production environment.

The same environment as ``make prod`` (defaults, then ``.env``, then what is set): what cron lines
and systemd timers run, e.g. ``.venv/bin/python -m deploy.manage apply_retention``.
"""

import os
import sys

from deploy.prod import ROOT, environment


def main():
    env = environment()
    os.chdir(ROOT)
    os.execve(env["PYTHON"], [env["PYTHON"], str(ROOT / "manage.py"), *sys.argv[1:]], env)


if __name__ == "__main__":
    main()

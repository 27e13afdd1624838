"""The site's settings for ``python -m bench scale-exports``: the database worker, and the engine's
fast paths off when ``BENCH_EXPORTS_GENERIC=1`` (every dataset through its row function: "before")."""

import os

from lapartcitoyenne.settings import *  # noqa: F403
from lapartcitoyenne.settings import PARTICIPATION

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
PARTICIPATION = {**PARTICIPATION, "EXPORTS_FAST_PATHS": os.environ.get("BENCH_EXPORTS_GENERIC") != "1"}
LOGGING = {"version": 1, "disable_existing_loggers": True, "root": {"level": "ERROR", "handlers": []}}

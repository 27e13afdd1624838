"""The site's settings, served as in production for the benchmark: its own database, no throttling."""

import os
from pathlib import Path

import dj_database_url

from lapartcitoyenne.settings import *  # noqa: F403
from lapartcitoyenne.settings import BASE_DIR, REST_FRAMEWORK

DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
ROOT_URLCONF = "bench.urls"
BENCH_DIR = Path(BASE_DIR) / "var" / "bench"
_url = os.environ.get("BENCH_DATABASE_URL") or f"sqlite:///{BENCH_DIR / 'proposals.sqlite3'}"
DATABASES = {"default": dj_database_url.parse(_url, conn_max_age=600)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-64000;",
    }
# The benchmark measures pages, not the rate limits that would refuse its requests.
REST_FRAMEWORK = {**REST_FRAMEWORK, "DEFAULT_THROTTLE_CLASSES": [], "DEFAULT_THROTTLE_RATES": {}}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
LOGGING = {"version": 1, "disable_existing_loggers": True, "root": {"level": "ERROR", "handlers": []}}

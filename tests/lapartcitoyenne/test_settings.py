import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_manage(*args, **env):
    environment = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DJANGO_ENV", "DEBUG", "DATABASE_URL", "REDIS_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = run_manage("check", DJANGO_ENV="production", ALLOWED_HOSTS="participation.example.org")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_passes_the_deploy_checks():
    result = run_manage(
        "check", "--deploy", "--fail-level", "WARNING",
        DJANGO_ENV="production",
        SECRET_KEY="a-long-random-secret-key-for-the-deploy-check-0123456789-abcdefghijklmnop",
        ALLOWED_HOSTS="participation.example.org",
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_embedded_mode_needs_no_environment():
    result = run_manage("check")
    assert result.returncode == 0, result.stderr


def test_make_run_gives_the_server_its_own_address_for_links_sent_without_a_request():
    """E-mails and calendars made by tasks use SITE_URL: ``make run PORT=8124`` sets it to that server."""
    result = subprocess.run(["make", "-n", "run", "PORT=8124"], cwd=ROOT, capture_output=True, text=True, timeout=60)
    (line,) = [line for line in result.stdout.splitlines() if "manage.py serve" in line]
    assert "SITE_URL=${SITE_URL:-http://127.0.0.1:8124}" in line and line.endswith("serve 127.0.0.1:8124")


PRINT_SETTINGS = (
    "from django.conf import settings; "
    "print('gzip' if 'django.middleware.gzip.GZipMiddleware' in settings.MIDDLEWARE else 'plain'); "
    "print(settings.MAILERS['default']['BACKEND'], settings.MAILERS['default']['OPTIONS'].get('file_path', ''))"
)


def test_production_compresses_pages_and_the_embedded_mode_writes_emails_to_files():
    production = run_manage(
        "shell", "--no-imports", "-c", PRINT_SETTINGS, DJANGO_ENV="production", ALLOWED_HOSTS="participation.example.org",
        SECRET_KEY="a-long-random-secret-key-for-the-settings-check-0123456789-abcdefghijklmnop",
    )
    assert production.returncode == 0, production.stderr
    assert production.stdout.splitlines()[0] == "gzip"
    assert "smtp" in production.stdout.splitlines()[1]
    embedded = run_manage("shell", "--no-imports", "-c", PRINT_SETTINGS)
    assert embedded.stdout.splitlines()[0] == "plain"
    backend, path = embedded.stdout.splitlines()[1].split()
    assert backend == "django.core.mail.backends.filebased.EmailBackend" and path.endswith("var/mail")

"""``make prod`` (``python -m deploy.prod``): the production topology on this machine, in the foreground.

nginx in front of the page server (gunicorn) and two websocket processes (uvicorn), the task
worker, all from ``deploy/Procfile``, against the PostgreSQL and Redis that ``DATABASE_URL`` and
``REDIS_URL`` name, with ``DJANGO_ENV=production``. Before starting: reads ``.env`` (variables
already set win), checks that the required ones are there, installs Debian's nginx when missing
(as root), renders ``deploy/nginx.conf.template`` into ``var/prod/nginx/``, applies the migrations
and collects the static files. Then supervises the processes until Ctrl-C (docs/deploy.md).
"""

import getpass
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from deploy.supervisor import Supervisor

ROOT = Path(__file__).resolve().parent.parent
PROCFILE = ROOT / "deploy" / "Procfile"
TEMPLATE = ROOT / "deploy" / "nginx.conf.template"
HEADERS_TEMPLATE = ROOT / "deploy" / "proxy_headers.conf.template"
REQUIRED = ["SECRET_KEY", "DATABASE_URL", "REDIS_URL", "ALLOWED_HOSTS"]
DEFAULTS = {
    "DJANGO_ENV": "production",
    "BIND_HOST": "127.0.0.1",
    "HTTP_LISTEN": "127.0.0.1:8080",
    "PAGE_PORT": "8001",
    "WEBSOCKET1_PORT": "8002",
    "WEBSOCKET2_PORT": "8003",
    "PAGE_WORKERS": "2",
    "PAGE_THREADS": "4",
    # The task worker (exports, e-mails) yields the cores to the pages when both want them.
    "WORKER_NICE": "10",
    "FORWARDED_ALLOW_IPS": "127.0.0.1",
    "FORWARDED_PROTO": "$scheme",
    "SERVER_NAME": "_",
    "UPLOAD_MAX_SIZE": "20m",
    "NGINX_WORKERS": "auto",
    "NGINX_ACCESS_LOG": "off",
    "RATELIMIT_IP_META_KEY": "HTTP_X_REAL_IP",
}


def read_dotenv(path):
    """``KEY=value`` lines (quotes around the value removed); ``#`` comments and blank lines skipped."""
    values = {}
    if not Path(path).exists():
        return values
    for raw in Path(path).read_text().splitlines():
        line = raw.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, value = line.split("=", 1)
        values[key.strip().removeprefix("export ").strip()] = value.strip().strip("'\"")
    return values


def environment(base=None, dotenv=ROOT / ".env"):
    """The processes' environment: the defaults, then ``.env``, then what is already set."""
    base = dict(os.environ if base is None else base)
    env = {**DEFAULTS, **read_dotenv(dotenv), **base}
    var = Path(env.get("LPC_VAR_DIR", ROOT / "var" / "prod"))
    env.setdefault("LPC_VAR_DIR", str(var))
    env.setdefault("NGINX_DIR", str(var / "nginx"))
    env.setdefault("STATIC_ROOT", str(ROOT / "var" / "static"))
    env.setdefault("MEDIA_ROOT", str(ROOT / "var" / "media"))
    env.setdefault("PYTHON", sys.executable)
    env.setdefault("NGINX_BIN", nginx_binary() or "nginx")
    env.setdefault("PAGE_SERVERS", f"127.0.0.1:{env['PAGE_PORT']}")
    env.setdefault("WEBSOCKET_SERVERS", f"127.0.0.1:{env['WEBSOCKET1_PORT']} 127.0.0.1:{env['WEBSOCKET2_PORT']}")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return env


def missing(env):
    return [name for name in REQUIRED if not env.get(name)]


def nginx_binary():
    return shutil.which("nginx") or next((p for p in ("/usr/sbin/nginx",) if Path(p).exists()), None)


def ensure_nginx():
    """Debian's nginx, installed with apt when missing (as .ci/run installs Chromium)."""
    if nginx_binary():
        return nginx_binary()
    if os.geteuid() != 0:
        raise SystemExit("nginx is not installed: run `sudo apt-get install nginx` (Debian's package), then again.")
    subprocess.run(["apt-get", "update", "-qq"], check=True)
    subprocess.run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", "nginx"], check=True,
                   env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})
    # The package starts a system nginx on port 80; this topology runs its own.
    subprocess.run(["sh", "-c", "command -v systemctl >/dev/null && systemctl disable --now nginx || "
                                "service nginx stop || true"], check=False, capture_output=True)
    return nginx_binary()


def render_nginx(env):
    """``{{NAME}}`` in the template replaced by ``env[NAME]``; upstream lists become ``server`` lines."""
    values = dict(env)
    values["PAGE_SERVERS"] = _servers(env["PAGE_SERVERS"])
    values["WEBSOCKET_SERVERS"] = _servers(env["WEBSOCKET_SERVERS"])
    values["LISTEN"] = env["HTTP_LISTEN"]
    # Started as root, nginx's workers would be "nobody", who may not read var/; as anyone else the
    # directive is meaningless (nginx warns).
    values["NGINX_USER_LINE"] = f"user {getpass.getuser()};" if os.geteuid() == 0 else ""

    def fill(match):
        if match[1] not in values:
            raise KeyError(f"nginx templates: no value for {{{{{match[1]}}}}}")
        return str(values[match[1]])

    directory = Path(env["NGINX_DIR"])
    for sub in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (directory / sub).mkdir(parents=True, exist_ok=True)
    for template in (TEMPLATE, HEADERS_TEMPLATE):
        text = re.sub(r"\{\{([A-Z0-9_]+)\}\}", fill, template.read_text())
        (directory / template.name.removesuffix(".template")).write_text(text)
    return directory / "nginx.conf"


def _servers(addresses):
    return "\n        ".join(f"server {address};" for address in addresses.replace(",", " ").split())


def manage(env, *args):
    subprocess.run([env["PYTHON"], str(ROOT / "manage.py"), *args], env=env, cwd=ROOT, check=True)


def prepare(env):
    """What an upgrade runs too: the schema, then the static files (compressed, hashed names)."""
    manage(env, "migrate", "--no-input")
    manage(env, "collectstatic", "--no-input", "-v", "0")
    render_nginx(env)
    subprocess.run([env["NGINX_BIN"], "-t", "-q", "-p", env["NGINX_DIR"], "-c", f"{env['NGINX_DIR']}/nginx.conf", "-e", "stderr"],
                   env=env, check=True)


def supervisor(env, only=None, output=None):
    return Supervisor(PROCFILE, env, ROOT, env["LPC_VAR_DIR"], only=only, output=output)


def main():
    env = environment()
    if missing(env):
        raise SystemExit(f"Missing environment: {', '.join(missing(env))} (copy .env.example to .env and fill it in).")
    env["NGINX_BIN"] = ensure_nginx()
    prepare(env)
    print(f"La Part Citoyenne (production topology): http://{env['HTTP_LISTEN']}/ — Ctrl-C stops everything.")
    supervisor(env).run()


if __name__ == "__main__":
    main()

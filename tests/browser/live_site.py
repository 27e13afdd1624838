"""A live room served by daphne in a subprocess, for browser tests that need its websocket.

pytest-django's live server speaks HTTP only, so the room runs in an ASGI server of its own, on a
file SQLite database made for the test; the people's sessions are created there and given to the
browser as cookies. The facilitator is the person whose key is "claire".
"""

import json
import os
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SETUP = """
import django, json
django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
from allauth.account.models import EmailAddress
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
from django.contrib.auth.models import Group
from django.contrib.sessions.backends.db import SessionStore
from consultations.models import Event, EventStatus, Theme
from participation.live.models import Room, RoomState
theme, _ = Theme.objects.get_or_create(slug="dynamiques-citoyennes", defaults={"name": "Dynamiques citoyennes"})
event = Event.objects.create(slug=%(slug)r, title=%(title)r, kind="webinar", theme=theme, status=EventStatus.PUBLISHED)
room = Room.objects.create(event=event, state=RoomState.OPEN)
cookies = {}
for key, name in %(people)r:
    user = get_user_model().objects.create_user(email=key + "@exemple.fr", password="x", display_name=name)
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    if key == "claire":
        user.groups.add(Group.objects.get_or_create(name="facilitator")[0])
        event.facilitators.add(user)
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    cookies[key] = session.session_key
print(json.dumps(cookies))
"""


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LiveSite:
    def __init__(self, tmp_path, slug):
        self.slug = slug
        self.db = tmp_path / "live-browser.sqlite3"
        self.port = _free_port()
        self.env = {
            **os.environ,
            "DATABASE_URL": f"sqlite:///{self.db}",
            "DJANGO_SETTINGS_MODULE": "lapartcitoyenne.settings",
            "PYTHONPATH": str(ROOT),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
        }
        self.env.pop("REDIS_URL", None)
        self.process = None
        self.cookies = {}

    def run(self, script, **values):
        out = subprocess.run(
            [sys.executable, "-c", script % values], env=self.env, cwd=ROOT, capture_output=True, text=True, timeout=120
        )
        assert out.returncode == 0, out.stderr
        return out.stdout

    def start(self):
        self.process = subprocess.Popen(
            [sys.executable, "-m", "daphne", "-b", "127.0.0.1", "-p", str(self.port), "-v", "0",
             "lapartcitoyenne.asgi:application"],
            env=self.env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.5).close()
                return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("daphne did not start")

    def stop(self):
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}/evenements/{self.slug}/direct/"


@contextmanager
def running_room(tmp_path, slug, title, people):
    """A room of a published webinar titled ``title``, open, with ``people`` as (key, display name)."""
    site = LiveSite(tmp_path, slug)
    site.cookies = json.loads(site.run(SETUP, slug=slug, title=title, people=people).strip().splitlines()[-1])
    site.start()
    try:
        yield site
    finally:
        site.stop()

"""The centre's events, read from the data files drawn from its documents (data/*.json, README)."""

import json
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.utils import timezone

from consultations.models import (
    Event,
    EventResource,
    EventSession,
    EventStatus,
    Partner,
    Registration,
    RegistrationStatus,
    Theme,
)

from . import texts

DATA = Path(__file__).parent / "data"
# The 2023 programme moves to the coming months; the others keep their real dates.
EVENT_FILES = ["programme.json", "webinars.json", "activity-2024.json"]
PARIS = ZoneInfo("Europe/Paris")
CAPACITY_BY_KIND = {"workshop": 25, "training": 20, "field_visit": 30, "regional_day": 120}
TEXT_FIELDS = ("title", "summary", "description", "audience", "speakers")
PARTICIPANTS_DOMAIN = "participants.demo.lapartcitoyenne.fr"


def read(name):
    return json.loads((DATA / name).read_text(encoding="utf-8"))


def _aware(text):
    return timezone.make_aware(datetime.fromisoformat(text), PARIS)


def _weeks_to_shift(sessions, now):
    """Whole 52-week years that move a past programme into the future, keeping its weekdays."""
    first = min(_aware(s["start"]) for s in sessions)
    years = 0
    while first + timedelta(weeks=52 * years) <= now:
        years += 1
    return timedelta(weeks=52 * years)


def load_themes():
    for position, theme in enumerate(read("themes.json")):
        Theme.objects.update_or_create(slug=theme["slug"], defaults={"name": theme["name"], "position": position})


def load_events(now=None):
    now = now or timezone.now()
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    for name in EVENT_FILES:
        data = read(name)
        for entry in data["events"]:
            shift = _weeks_to_shift(entry["sessions"], now) if data.get("moves_to_coming_months") else timedelta(0)
            event = _load_event(entry, themes, shift)
            if "participants" in entry:
                _load_attendance(event, entry["participants"])


def _load_event(entry, themes, shift):
    sessions = [
        {**s, "starts_at": _aware(s["start"]) + shift, "ends_at": _aware(s["end"]) + shift} for s in entry["sessions"]
    ]
    has_figures = "participants" in entry
    event, _ = Event.objects.update_or_create(
        slug=entry["slug"],
        defaults={
            **{field: texts.render(entry.get(field, ""), sessions) for field in TEXT_FIELDS},
            "kind": entry["kind"],
            "theme": themes[entry["theme"]],
            "status": EventStatus.PUBLISHED,
            # The report's events were open to all who came: a capacity would contradict its counts.
            "capacity": None if has_figures else CAPACITY_BY_KIND.get(entry["kind"]),
        },
    )
    event.partners.set([Partner.objects.get_or_create(name=name)[0] for name in entry.get("partners", [])])
    event.sessions.all().delete()
    EventSession.objects.bulk_create(
        EventSession(
            event=event,
            title=s.get("title", ""),
            starts_at=s["starts_at"],
            ends_at=s["ends_at"],
            is_online=s["online"],
            city=s.get("city", ""),
            place=s.get("place", ""),
            online_url="https://visio.example.org/" + event.slug if s["online"] else "",
        )
        for s in sessions
    )
    event.resources.all().delete()
    EventResource.objects.bulk_create(
        EventResource(event=event, kind=r["kind"], title=r["title"], url=r["url"], position=i)
        for i, r in enumerate(entry.get("resources", []))
    )
    return event


def _load_attendance(event, count):
    """The report's head count as that many confirmed, present participants, one demo account each.

    Their own domain: the apps' demos act as the role accounts of ``@demo.lapartcitoyenne.fr``."""
    User = get_user_model()
    emails = [f"participant-{n + 1}.{event.slug}@{PARTICIPANTS_DOMAIN}" for n in range(count)]
    existing = set(User.objects.filter(email__in=emails).values_list("email", flat=True))
    User.objects.bulk_create(
        User(email=email, display_name=f"Participant·e {n + 1}", password=make_password(None))
        for n, email in enumerate(emails)
        if email not in existing
    )
    first_start = event.sessions.order_by("starts_at").values_list("starts_at", flat=True).first()
    event.registrations.all().delete()
    Registration.objects.bulk_create(
        Registration(
            event=event,
            user=user,
            status=RegistrationStatus.CONFIRMED,
            queued_at=first_start - timedelta(days=14),
            attended=True,
        )
        for user in User.objects.filter(email__in=emails).order_by("pk")
    )

"""Load the centre's real programme and one demo account per role. Safe to run again."""

from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from consultations.models import (
    Event,
    EventResource,
    EventSession,
    EventStatus,
    Partner,
    Territory,
    TerritoryKind,
    Theme,
)

from ..accounts import roles
from . import programme, territories

PARIS = ZoneInfo("Europe/Paris")
DEMO_PASSWORD = "participer-ensemble"
# A fixed TOTP secret so the demo staff account can log in: add it to any authenticator app.
DEMO_STAFF_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"

PROGRAMME_YEAR = 2023
CAPACITY_BY_KIND = {"workshop": 25, "training": 20, "field_visit": 30, "regional_day": 120}


@dataclass
class DemoAccount:
    email: str
    role: str
    display_name: str


DEMO_ACCOUNTS = [
    DemoAccount("citoyenne@demo.lapartcitoyenne.fr", "citizen", "Awa, habitante de La Source"),
    DemoAccount("conseil@demo.lapartcitoyenne.fr", roles.COUNCIL_MEMBER, "Karim, conseil citoyen des Clos"),
    DemoAccount("animation@demo.lapartcitoyenne.fr", roles.FACILITATOR, "Claire, animatrice"),
    DemoAccount("moderation@demo.lapartcitoyenne.fr", roles.MODERATOR, "Julien, modérateur"),
    DemoAccount("equipe@demo.lapartcitoyenne.fr", roles.STAFF, "Équipe du centre de ressources"),
]


def _aware(text):
    return timezone.make_aware(datetime.fromisoformat(text), PARIS)


def _weeks_to_shift(sessions, now):
    """Whole 52-week years that move a past programme into the future, keeping its weekdays."""
    first = min(_aware(s["start"]) for s in sessions)
    years = 0
    while first + timedelta(weeks=52 * years) <= now:
        years += 1
    return timedelta(weeks=52 * years)


def load_territories():
    slug, name, code = territories.REGION
    region, _ = Territory.objects.update_or_create(
        slug=slug, defaults={"name": name, "kind": TerritoryKind.REGION, "code": code}
    )
    departments = {}
    for slug, name, code in territories.DEPARTMENTS:
        departments[slug], _ = Territory.objects.update_or_create(
            slug=slug,
            defaults={"name": name, "kind": TerritoryKind.DEPARTMENT, "code": code, "parent": region},
        )
    for slug, name, department, qpvs in territories.COMMUNES:
        commune, _ = Territory.objects.update_or_create(
            slug=slug, defaults={"name": name, "kind": TerritoryKind.COMMUNE, "parent": departments[department]}
        )
        for qpv_slug, qpv_name in qpvs:
            Territory.objects.update_or_create(
                slug=qpv_slug,
                defaults={"name": f"{name} – {qpv_name}", "kind": TerritoryKind.QPV, "parent": commune},
            )


def load_themes():
    for position, theme in enumerate(programme.THEMES):
        Theme.objects.update_or_create(
            slug=theme["slug"], defaults={"name": theme["name"], "position": position}
        )


def load_events(now=None):
    """The January–July 2023 programme moves to the coming months, keeping its weekdays, so the demo
    has events to register for; the webinars of the other documents keep their real, past dates."""
    now = now or timezone.now()
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    for data in programme.EVENTS:
        in_programme = data["sessions"][0]["start"].startswith(f"{PROGRAMME_YEAR}-")
        shift = _weeks_to_shift(data["sessions"], now) if in_programme else timedelta(0)
        event, _ = Event.objects.update_or_create(
            slug=data["slug"],
            defaults={
                "title": data["title"],
                "kind": data["kind"],
                "theme": themes[data["theme"]],
                "status": EventStatus.PUBLISHED,
                "summary": data.get("summary", ""),
                "description": data.get("description", ""),
                "audience": data.get("audience", ""),
                "speakers": data.get("speakers", ""),
                "capacity": CAPACITY_BY_KIND.get(data["kind"]),
            },
        )
        event.partners.set(
            [Partner.objects.get_or_create(name=name)[0] for name in data.get("partners", [])]
        )
        event.sessions.all().delete()
        EventSession.objects.bulk_create(
            EventSession(
                event=event,
                starts_at=_aware(s["start"]) + shift,
                ends_at=_aware(s["end"]) + shift,
                is_online=s["online"],
                city=s.get("city", ""),
                place=s.get("place", ""),
                online_url="https://visio.example.org/" + event.slug if s["online"] else "",
            )
            for s in data["sessions"]
        )
        event.resources.all().delete()
        EventResource.objects.bulk_create(
            EventResource(event=event, kind=r["kind"], title=r["title"], url=r["url"], position=i)
            for i, r in enumerate(data.get("resources", []))
        )


def load_accounts():
    User = get_user_model()
    created = []
    for account in DEMO_ACCOUNTS:
        user, _ = User.objects.get_or_create(email=account.email)
        user.display_name = account.display_name
        user.is_staff = account.role == roles.STAFF
        user.is_superuser = account.role == roles.STAFF
        user.set_password(DEMO_PASSWORD)
        user.save()
        EmailAddress.objects.update_or_create(
            user=user, email=account.email, defaults={"verified": True, "primary": True}
        )
        if account.role not in ("citizen", roles.STAFF):  # staff is the flag set above
            user.groups.add(Group.objects.get_or_create(name=account.role)[0])
        if user.is_staff and not Authenticator.objects.filter(
            user=user, type=Authenticator.Type.TOTP
        ).exists():
            TOTP.activate(user, DEMO_STAFF_TOTP_SECRET)
        created.append((account, user))
    facilitator = User.objects.get(email="animation@demo.lapartcitoyenne.fr")
    for event in Event.objects.filter(kind="webinar")[:10]:
        event.facilitators.add(facilitator)
    return created


@transaction.atomic
def load_demo(now=None):
    load_themes()
    load_territories()
    load_events(now)
    return load_accounts()

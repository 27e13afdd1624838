"""Load the centre's events (events.py, from data/*.json) and one demo account per role. Safe to run again."""

from dataclasses import dataclass

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.db import transaction

from consultations.models import Event, Territory, TerritoryKind

from ..accounts import roles
from ..accounts.two_factor import requires_two_factor
from . import territories
from .events import load_events, load_themes

DEMO_PASSWORD = "participer-ensemble"
# A fixed TOTP secret so the demo staff account can log in: add it to any authenticator app.
DEMO_STAFF_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


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


def load_accounts():
    User = get_user_model()
    created = []
    password = make_password(DEMO_PASSWORD)  # one hash for every account: each costs the full work factor
    for account in DEMO_ACCOUNTS:
        user, _ = User.objects.get_or_create(email=account.email)
        user.display_name = account.display_name
        user.is_staff = account.role == roles.STAFF
        user.is_superuser = account.role == roles.STAFF
        user.password = password
        user.save()
        EmailAddress.objects.update_or_create(
            user=user, email=account.email, defaults={"verified": True, "primary": True}
        )
        if account.role not in ("citizen", roles.STAFF):  # staff is the flag set above
            user.groups.add(Group.objects.get_or_create(name=account.role)[0])
        if requires_two_factor(user) and not Authenticator.objects.filter(
            user=user, type=Authenticator.Type.TOTP
        ).exists():
            TOTP.activate(user, DEMO_STAFF_TOTP_SECRET)
        created.append((account, user))
    facilitator = User.objects.get(email="animation@demo.lapartcitoyenne.fr")
    for event in Event.objects.filter(kind="webinar")[:10]:
        event.facilitators.add(facilitator)
    return created


def load_site_settings():
    """A contact address, so that the contact form works in the demo (its e-mails go to the console)."""
    from lapartcitoyenne.models import SiteSettings

    site = SiteSettings.load()
    if not site.contact_email:
        site.contact_email = "contact@demo.lapartcitoyenne.fr"
        site.save(update_fields=["contact_email"])


@transaction.atomic
def load_demo(now=None):
    load_themes()
    load_territories()
    load_events(now)
    load_site_settings()
    return load_accounts()

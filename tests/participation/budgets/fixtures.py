"""Fixtures of the budgets plugin that need nothing from the site (usable with auth.User)."""

from datetime import timedelta
from itertools import count

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone

from consultations.models import Consultation, Step, StepKind, Territory, Visibility
from participation.budgets.models import Budget, Envelope, Feasibility, Project

ROLES = ["visitor", "citizen", "council_member", "facilitator", "moderator", "staff"]
_numbers = count(1)


def make_user(role="citizen", verified=True):
    User = get_user_model()
    email = f"votant{next(_numbers)}@example.org"
    fields = {User.USERNAME_FIELD: email, "email": email, "password": "mot-de-passe-solide-42"}
    user = User.objects.create_user(**fields)
    if role == "staff":
        user.is_staff = True
        user.save(update_fields=["is_staff"])
    if role in ("staff", "moderator") and apps.is_installed("allauth.mfa"):
        from allauth.mfa.totp.internal.auth import TOTP

        TOTP.activate(user, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
    if role not in ("citizen", "visitor"):
        user.groups.add(Group.objects.get_or_create(name=role)[0])
    if not verified and not apps.is_installed("allauth.account"):
        user.groups.add(Group.objects.get_or_create(name="unverified-email")[0])  # tests/plugin_hosts/identity.py
    if verified and apps.is_installed("allauth.account"):
        from allauth.account.models import EmailAddress

        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def make_budget(*, vote_open=True, rule="knapsack", tools=("budgets",), visibility=Visibility.PUBLIC, **fields):
    """A budget of two envelopes (« La Source » 10 000 €, « Les Clos » 5 000 €) with feasible projects."""
    number = next(_numbers)
    now = timezone.now()
    consultation = Consultation.objects.create(
        slug=f"budget-participatif-{number}", title=f"Budget participatif des quartiers n°{number}",
        visibility=visibility, tools=list(tools),
    )
    Step.objects.create(
        consultation=consultation, kind=StepKind.PROPOSALS, title="Dépôt des projets", position=1,
        starts_at=now - timedelta(days=40), ends_at=now - timedelta(days=20),
    )
    if vote_open:
        starts, ends = now - timedelta(days=1), now + timedelta(days=10)
    else:
        starts, ends = now - timedelta(days=10), now - timedelta(days=1)
    step = Step.objects.create(
        consultation=consultation, kind=StepKind.SUPPORTS, title="Vote", position=2, starts_at=starts, ends_at=ends
    )
    if rule == "approval":
        fields.setdefault("max_projects", 2)
    budget = Budget.objects.create(step=step, title="Budget participatif des quartiers", rule=rule, **fields)
    source = Territory.objects.create(slug=f"la-source-{number}", name="La Source", kind="qpv")
    clos = Territory.objects.create(slug=f"les-clos-{number}", name="Les Clos", kind="qpv")
    e1 = Envelope.objects.create(budget=budget, name="La Source", amount_cents=1_000_000, territory=source, position=1)
    e2 = Envelope.objects.create(budget=budget, name="Les Clos", amount_cents=500_000, territory=clos, position=2)
    projects = {
        "jardin": feasible(e1, "Jardin partagé", 400_000),
        "bancs": feasible(e1, "Bancs et ombrières", 300_000),
        "fresque": feasible(e1, "Fresque participative", 500_000),
        "aire": feasible(e2, "Aire de jeux", 450_000),
        "boites": feasible(e2, "Boîtes à livres", 50_000),
    }
    projects["refuse"] = Project.objects.create(
        envelope=e1, title="Piscine olympique", description="Une piscine.", cost_cents=5_000_000,
        feasibility=Feasibility.UNFEASIBLE, feasibility_reason="Hors du budget et des compétences de la ville.",
    )
    return budget, (e1, e2), projects


def feasible(envelope, title, cost):
    return Project.objects.create(
        envelope=envelope, title=title, description=f"{title} dans le quartier.", cost_cents=cost,
        estimated_cost_cents=cost, feasibility=Feasibility.FEASIBLE, feasibility_reason="Réalisable par la ville.",
    )


@pytest.fixture
def person(db):
    return make_user


@pytest.fixture
def budget(db):
    return make_budget


@pytest.fixture
def client_as(db):
    def login(user):
        client = Client()
        if user is not None:
            client.force_login(user)
        return client

    return login

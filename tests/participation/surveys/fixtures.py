"""Fixtures of the surveys plugin that need nothing from the site (usable with auth.User).

Loaded by this directory's conftest.py; the same fixtures serve the site and the surveys' own host (``make test-plugins``).
"""

from datetime import timedelta
from itertools import count

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone

from consultations.models import Consultation, Step, StepKind, Visibility
from participation.surveys.models import Choice, Question, Questionnaire, QuestionKind

ROLES = ["visitor", "citizen", "council_member", "facilitator", "moderator", "staff"]
_numbers = count(1)


def make_user(role="citizen", verified=True):
    User = get_user_model()
    email = f"habitant{next(_numbers)}@example.org"
    fields = {User.USERNAME_FIELD: email, "email": email, "password": "mot-de-passe-solide-42"}
    user = User.objects.create_user(**fields)
    if role == "staff":
        user.is_staff = True
        user.save(update_fields=["is_staff"])
    if role in ("staff", "moderator") and apps.is_installed("allauth.mfa"):
        # The site requires staff and moderators to have set up TOTP before anything else.
        from allauth.mfa.totp.internal.auth import TOTP

        TOTP.activate(user, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
    if role not in ("citizen", "visitor"):
        user.groups.add(Group.objects.get_or_create(name=role)[0])
    if verified and apps.is_installed("allauth.account"):
        from allauth.account.models import EmailAddress

        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def make_consultation(tools=("surveys",), visibility=Visibility.PUBLIC, slug=None):
    number = next(_numbers)
    return Consultation.objects.create(
        slug=slug or f"evaluation-contrat-de-ville-{number}",
        title=f"Évaluation du contrat de ville n°{number}",
        visibility=visibility,
        tools=list(tools),
    )


def make_questionnaire(consultation=None, starts_at=None, ends_at=None):
    """A questionnaire with one question of each kind, in a step open from yesterday for ten days."""
    consultation = consultation or make_consultation()
    now = timezone.now()
    step = Step.objects.create(
        consultation=consultation,
        kind=StepKind.QUESTIONNAIRE,
        title="Questionnaire aux habitant·es",
        position=1,
        starts_at=starts_at or now - timedelta(days=1),
        ends_at=ends_at or now + timedelta(days=10),
    )
    questionnaire = Questionnaire.objects.create(step=step, title="Votre avis sur le quartier")
    q = {}
    q["short"] = Question.objects.create(
        questionnaire=questionnaire, position=1, kind=QuestionKind.SHORT_TEXT, label="Votre quartier", required=True
    )
    q["long"] = Question.objects.create(
        questionnaire=questionnaire,
        position=2,
        kind=QuestionKind.LONG_TEXT,
        label="Qu'est-ce qui a changé ?",
        help_text="Racontez en quelques lignes.",
        required=False,
    )
    q["single"] = Question.objects.create(
        questionnaire=questionnaire, position=3, kind=QuestionKind.SINGLE_CHOICE, label="Connaissez-vous le conseil citoyen ?"
    )
    q["multiple"] = Question.objects.create(
        questionnaire=questionnaire,
        position=4,
        kind=QuestionKind.MULTIPLE_CHOICE,
        label="Vos priorités",
        max_choices=2,
    )
    q["scale"] = Question.objects.create(
        questionnaire=questionnaire,
        position=5,
        kind=QuestionKind.SCALE,
        label="Votre satisfaction",
        scale_min=1,
        scale_max=5,
        scale_min_label="pas du tout",
        scale_max_label="tout à fait",
    )
    q["ranking"] = Question.objects.create(
        questionnaire=questionnaire, position=6, kind=QuestionKind.RANKING, label="Classez les thèmes"
    )
    choices = {}
    for key, labels in {
        "single": ["Oui", "Non"],
        "multiple": ["Emploi", "Cadre de vie", "Éducation", "Santé"],
        "ranking": ["Emploi", "Logement", "Transports"],
    }.items():
        choices[key] = [
            Choice.objects.create(question=q[key], label=label, position=position)
            for position, label in enumerate(labels)
        ]
    return questionnaire, q, choices


def valid_raw(q, choices):
    return {
        q["short"].pk: "La Source",
        q["long"].pk: "Plus de jardins partagés.",
        q["single"].pk: choices["single"][0].pk,
        q["multiple"].pk: [choices["multiple"][0].pk, choices["multiple"][2].pk],
        q["scale"].pk: 4,
        q["ranking"].pk: [c.pk for c in reversed(choices["ranking"])],
    }


def valid_post(q, choices):
    data = {
        q["short"].field_name: "La Source",
        q["long"].field_name: "Plus de jardins partagés.",
        q["single"].field_name: str(choices["single"][0].pk),
        q["multiple"].field_name: [str(choices["multiple"][0].pk), str(choices["multiple"][2].pk)],
        q["scale"].field_name: "4",
    }
    for rank, choice in enumerate(reversed(choices["ranking"]), start=1):
        data[f"{q['ranking'].field_name}_c{choice.pk}"] = str(rank)
    return data


@pytest.fixture
def person():
    """Parametrise with a role name; returns None for the visitor."""

    def make(role):
        return None if role == "visitor" else make_user(role)

    return make


@pytest.fixture
def client_as():
    def make(user):
        client = Client()
        if user is not None:
            client.force_login(user)
        return client

    return make


@pytest.fixture
def survey(db):
    return make_questionnaire()

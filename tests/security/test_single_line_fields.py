"""Names and titles are one line: a line break in them would add lines to the plain-text e-mails
other people receive (a fake « Objet : » or a link under the site's name)."""

import pytest
from django.apps import apps
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse

from consultations.validators import SINGLE_LINE
from participation.comments.services import add_comment
from tests.factories import UserFactory
from tests.participation.proposals.factories import ProposalFactory

pytestmark = pytest.mark.django_db

INJECTED = "Awa\r\nObjet : votre compte est suspendu, écrivez à secours@exemple.fr"
# Text fields that are one line by nature, wherever an app declares them.
ONE_LINE_NAMES = {"title", "name", "display_name", "label", "summary", "help_text", "city", "place", "audience"}
ONE_LINE_PREFIXES = ("scale_",)
OUR_APPS = ("consultations", "participation", "lapartcitoyenne")


def one_line_fields():
    for model in apps.get_models():
        if not model.__module__.startswith(OUR_APPS):
            continue
        for field in model._meta.get_fields():
            if isinstance(field, models.CharField) and not field.choices and (
                field.name in ONE_LINE_NAMES or field.name.startswith(ONE_LINE_PREFIXES)
            ):
                yield model, field


def test_every_single_line_field_refuses_control_characters():
    fields = list(one_line_fields())
    assert len(fields) > 15
    missing = [f"{model.__name__}.{field.name}" for model, field in fields if SINGLE_LINE not in field.validators]
    assert not missing


@pytest.mark.parametrize("value", ["a\nb", "a\rb", "a\tb", "a\x00b", "a\x85b", "a\u2028b", "a\x1bb"])
def test_the_validator_refuses_each_control_character(value):
    with pytest.raises(ValidationError):
        SINGLE_LINE(value)
    SINGLE_LINE("Awa N’Diaye — « conseil citoyen » 😀")


def test_a_display_name_with_a_line_break_is_refused_and_never_reaches_an_email(client_for, django_capture_on_commit_callbacks):
    author, replier = UserFactory(display_name="Léa"), UserFactory(display_name="Awa")
    proposal = ProposalFactory(support_threshold=300)
    parent = add_comment(author, proposal, "Bonne idée.", notify_replies=True)
    client = client_for(replier)
    response = client.post(reverse("profile"), {"display_name": INJECTED})
    assert response.status_code == 200
    assert "Écrivez ceci sur une seule ligne" in response.text
    replier.refresh_from_db()
    assert replier.display_name == "Awa"
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("comments:add", args=["proposals.proposal", proposal.pk]), {"body": "Oui !", "parent": parent.pk})
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert not [line for line in message.body.splitlines() if line.startswith("Objet")]
    assert "\n" not in message.subject and "\r" not in message.subject


def test_the_api_refuses_a_title_with_a_line_break(api_for, citizen):
    response = api_for(citizen).post("/api/proposals/", {"title": "Des bancs\r\nBcc: tous@exemple.fr", "body": "Oui."}, format="json")
    assert response.status_code == 400
    assert "title" in response.json()

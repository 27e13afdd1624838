"""A consultation's discussion shows once, under the step where it belongs, and a closed step takes
no new comment: the form gives way to a sentence saying why, and a POST is refused with it."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from consultations.models import StepKind
from participation.comments.models import Comment
from tests.factories import ConsultationFactory, StepFactory, UserFactory

pytestmark = pytest.mark.django_db

PARIS = ZoneInfo("Europe/Paris")
NOW = datetime(2026, 3, 10, 12, 0, tzinfo=PARIS)
DAY = timedelta(days=1)


@pytest.fixture(autouse=True)
def _now():
    with time_machine.travel(NOW, tick=False):
        yield


def consultation(*steps):
    """Steps as (kind, first day, last day) relative to now."""
    found = ConsultationFactory(tools=["comments"])
    made = [
        StepFactory(consultation=found, kind=kind, title=f"Étape {index}", position=index,
                    starts_at=NOW + start * DAY, ends_at=NOW + end * DAY)
        for index, (kind, start, end) in enumerate(steps)
    ]
    return found, made


def step_block(page, step):
    """The HTML of one step of the timeline."""
    return page.split(f'id="etape-{step.pk}"')[1].split("</li>\n    \n    <li")[0].split('id="etape-')[0]


def test_a_closed_and_an_upcoming_step_show_the_discussion_once_with_the_closing_sentence(client):
    found, (information, _proposals, synthesis) = consultation(
        (StepKind.INFORMATION, -20, -5), (StepKind.PROPOSALS, -5, 5), (StepKind.SYNTHESIS, 5, 20)
    )
    client.force_login(UserFactory())
    page = client.get(found.get_absolute_url()).content.decode()
    assert page.count('id="commentaires"') == 1 and page.count('id="comments-title"') == 1
    assert 'id="commentaires"' in step_block(page, information)
    assert 'id="commentaires"' not in step_block(page, synthesis)
    assert "Cette étape est close depuis le 5 mars 2026 : les commentaires sont fermés." in page
    assert "La discussion rouvre le 15 mars 2026, avec l’étape « Étape 2 »." in page
    assert 'name="body"' not in page


def test_the_api_refuses_a_comment_on_a_closed_step_in_french(api_for):
    found, _steps = consultation((StepKind.INFORMATION, -20, -5), (StepKind.PROPOSALS, -5, 5))
    response = api_for(UserFactory()).post(
        "/api/comments/", {"target": "consultations.consultation", "object_id": found.pk, "body": "Trop tard ?"},
        format="json",
    )
    assert response.status_code == 409
    assert response.json() == {
        "detail": "Cette étape est close depuis le 5 mars 2026 : les commentaires sont fermés.", "code": "step_closed",
    }
    assert not Comment.objects.exists()


def test_the_page_form_refuses_it_too(client):
    found, _steps = consultation((StepKind.INFORMATION, -20, -5))
    client.force_login(UserFactory())
    response = client.post(
        reverse("comments:add", args=["consultations.consultation", found.pk]), {"body": "Trop tard ?"}, follow=True
    )
    assert "Cette étape est close depuis le 5 mars 2026" in response.content.decode()
    assert not Comment.objects.exists()


def test_an_open_step_shows_the_form_once_and_takes_the_comment(client, api_for):
    found, (information, synthesis) = consultation((StepKind.INFORMATION, -2, 5), (StepKind.SYNTHESIS, 5, 20))
    person = UserFactory()
    client.force_login(person)
    page = client.get(found.get_absolute_url()).content.decode()
    assert page.count('name="body"') == 1
    assert 'name="body"' in step_block(page, information) and 'id="commentaires"' not in step_block(page, synthesis)
    response = api_for(person).post(
        "/api/comments/", {"target": "consultations.consultation", "object_id": found.pk, "body": "Bienvenue"},
        format="json",
    )
    assert response.status_code == 201


def test_before_the_step_opens_the_page_says_when(client):
    found, (information,) = consultation((StepKind.INFORMATION, 3, 10))
    page = client.get(found.get_absolute_url()).content.decode()
    assert "Cette étape ouvre le 13 mars 2026 : vous pourrez commenter à partir de cette date." in page
    assert 'id="commentaires"' in step_block(page, information)
    assert "Connectez-vous pour commenter" not in page

"""The author of hidden content asks, once, for a review: the item goes back to the queue."""

import pytest
from django.core import mail
from django.urls import reverse

from participation.moderation import services
from participation.moderation.models import Action, ActionKind, CaseStatus
from tests.factories import UserFactory

from .helpers import case_of, make_item, reported_case, status_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def hidden(moderator):
    comment = make_item("comment", body="Mon commentaire masqué")
    case = reported_case(comment)
    services.hide(moderator, case, "Hors charte")
    return comment, case_of(comment)


def test_the_author_asks_on_the_page_once(hidden, client_for):
    comment, case = hidden
    client = client_for(comment.author)
    page = client.get(reverse("moderation:review", args=[case.pk]))
    assert page.status_code == 200 and page.context["can_ask"] is True
    assert "Mon commentaire masqué" in page.text and "Hors charte" in page.text
    response = client.post(reverse("moderation:review", args=[case.pk]), {"note": "Ce n'était pas une insulte"})
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.status == CaseStatus.REVIEW_REQUESTED and case.review_note == "Ce n'était pas une insulte"
    assert case.review_requested_at is not None
    assert status_of(comment) == "hidden"  # until a moderator decides
    line = Action.objects.get(action=ActionKind.REVIEW_REQUESTED)
    assert (line.actor, line.case, line.reason, line.target_user) == (comment.author, case, "Ce n'était pas une insulte", comment.author)
    again = client.post(reverse("moderation:review", args=[case.pk]), {"note": "Encore"})
    assert again.status_code == 200 and again.context["form"].non_field_errors()
    assert again.context["can_ask"] is False
    case.refresh_from_db()
    assert case.review_note == "Ce n'était pas une insulte"
    assert Action.objects.filter(action=ActionKind.REVIEW_REQUESTED).count() == 1


def test_the_author_asks_through_the_api_once(hidden, api_for):
    comment, case = hidden
    client = api_for(comment.author)
    response = client.post(f"/api/moderation/my-cases/{case.pk}/review/", {"note": "Merci de revoir"}, format="json")
    assert response.status_code == 200 and response.json()["status"] == "review_requested"
    again = client.post(f"/api/moderation/my-cases/{case.pk}/review/", {"note": "Encore"}, format="json")
    assert again.status_code == 409 and again.json()["code"] == "review_refused"


def test_the_request_puts_the_item_back_in_the_queue(hidden, moderator, client_for, django_capture_on_commit_callbacks):
    comment, case = hidden
    client = client_for(moderator)
    assert client.get(reverse("moderation:queue")).context["page"].paginator.count == 0  # decided: out of the queue
    services.request_review(comment.author, case, "Merci de revoir")
    queue = client.get(reverse("moderation:queue")).context["page"]
    assert [c.pk for c in queue.object_list] == [case.pk]
    assert client.get(reverse("moderation:queue"), {"status": "review_requested"}).context["page"].paginator.count == 1
    # A second hiding closes it for good: no review link in the email this time.
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.hide(moderator, case_of(comment), "Toujours hors charte")
    assert reverse("moderation:review", args=[case.pk]) not in mail.outbox[0].body
    assert not comment.author.has_perm("moderation.request_review", case_of(comment))


def test_nobody_else_asks(hidden, api_for, client_for):
    comment, case = hidden
    other = UserFactory()
    assert client_for(other).get(reverse("moderation:review", args=[case.pk])).status_code == 404
    response = api_for(other).post(f"/api/moderation/my-cases/{case.pk}/review/", {"note": "Moi"}, format="json")
    assert response.status_code == 404
    assert case_of(comment).status == CaseStatus.HIDDEN


def test_no_review_of_visible_content(api_for):
    comment = make_item("comment")
    case = reported_case(comment)
    response = api_for(comment.author).post(f"/api/moderation/my-cases/{case.pk}/review/", {"note": "?"}, format="json")
    assert response.status_code == 409 and response.json()["code"] == "review_refused"


def test_an_automatic_hiding_can_be_reviewed(api_for):
    comment = make_item("comment")
    case = reported_case(comment, 3)
    assert case.status == CaseStatus.AUTO_HIDDEN
    response = api_for(comment.author).post(f"/api/moderation/my-cases/{case.pk}/review/", {"note": "Erreur"}, format="json")
    assert response.status_code == 200
    assert case_of(comment).status == CaseStatus.REVIEW_REQUESTED


@pytest.mark.parametrize("pk", ["0", "abc", "9" * 30, "²"])
def test_odd_case_ids_are_a_404(pk, citizen, api_for):
    response = api_for(citizen).post(f"/api/moderation/my-cases/{pk}/review/", {"note": "x"}, format="json")
    assert response.status_code == 404


def test_the_review_needs_a_note(hidden, api_for):
    comment, case = hidden
    response = api_for(comment.author).post(f"/api/moderation/my-cases/{case.pk}/review/", {"note": ""}, format="json")
    assert response.status_code == 400
    assert case_of(comment).status == CaseStatus.HIDDEN

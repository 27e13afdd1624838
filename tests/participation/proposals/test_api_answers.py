"""Official answers and following over the API, as on the page: same rules, same refusals."""

import pytest
from django.core import mail
from django.urls import reverse

from participation.proposals.models import Follow, ProposalState
from tests.conftest import ROLES
from tests.factories import UserFactory

from .factories import ProposalFactory

pytestmark = pytest.mark.django_db

ANSWER = {"state": ProposalState.ACCEPTED, "text": "La mairie installe les bancs au printemps."}


@pytest.mark.parametrize("role", ROLES)
def test_only_staff_give_the_official_answer(role, user_for_role, api_for):
    proposal = ProposalFactory()
    response = api_for(user_for_role(role)).post(f"/api/proposals/{proposal.pk}/answer/", ANSWER, format="json")
    proposal.refresh_from_db()
    if role == "staff":
        assert response.status_code == 200
        assert (response.json()["state"], response.json()["answer"]) == (ProposalState.ACCEPTED, ANSWER["text"])
        assert proposal.state == ProposalState.ACCEPTED
    else:
        # A visitor gets 401 where the host authenticates by token, 403 on session-only hosts.
        assert response.status_code in ((401, 403) if role == "visitor" else (403,))
        assert response.json()["code"] == ("not_authenticated" if role == "visitor" else "forbidden")
        assert proposal.state == ProposalState.PUBLISHED and proposal.answer == ""


def test_the_answer_is_emailed_to_the_followers(staff, citizen, api_for, django_capture_on_commit_callbacks):
    proposal = ProposalFactory()
    assert api_for(citizen).post(f"/api/proposals/{proposal.pk}/follow/").status_code == 201
    with django_capture_on_commit_callbacks(execute=True):
        api_for(staff).post(f"/api/proposals/{proposal.pk}/answer/", ANSWER, format="json")
    assert citizen.email in [message.to[0] for message in mail.outbox]


@pytest.mark.parametrize(
    "payload, message",
    [
        ({"state": "published", "text": "Oui"}, "Choisissez l’état qui accompagne la réponse."),
        ({"state": "bogus", "text": "Oui"}, "Choisissez l’état qui accompagne la réponse."),
        ({"state": ProposalState.ACCEPTED, "text": "   "}, "La réponse officielle est vide."),
    ],
)
def test_an_invalid_answer_says_what_is_wrong_on_the_page_and_in_the_api(payload, message, staff, api_for, client_for):
    proposal = ProposalFactory()
    page = client_for(staff).post(reverse("proposals:answer", args=[proposal.pk]), payload, follow=True)
    assert message in page.content.decode()
    response = api_for(staff).post(f"/api/proposals/{proposal.pk}/answer/", payload, format="json")
    assert response.status_code == 400 and message in response.json()["detail"]
    proposal.refresh_from_db()
    assert proposal.state == ProposalState.PUBLISHED and proposal.answered_at is None


def test_a_withdrawn_proposal_gets_no_answer(staff, api_for):
    proposal = ProposalFactory(state=ProposalState.WITHDRAWN, withdrawal_reason="Doublon")
    response = api_for(staff).post(f"/api/proposals/{proposal.pk}/answer/", ANSWER, format="json")
    assert response.status_code == 409 and response.json()["code"] == "withdrawn"


def test_an_unknown_proposal_is_a_404_for_every_action(staff, api_for):
    client = api_for(staff)
    assert client.post("/api/proposals/424242/answer/", ANSWER, format="json").json()["code"] == "not_found"
    assert client.post("/api/proposals/424242/follow/").status_code == 404
    assert client.delete("/api/proposals/abc/follow/").status_code == 404


@pytest.mark.parametrize("role", ROLES)
def test_follow_and_unfollow_role_by_role(role, user_for_role, api_for):
    proposal = ProposalFactory()
    user = user_for_role(role)
    client = api_for(user)
    followed = client.post(f"/api/proposals/{proposal.pk}/follow/")
    if user is None:
        assert followed.status_code in (401, 403) and followed.json()["code"] == "not_authenticated"
        return
    assert followed.status_code == 201 and followed.json() == {"proposal": proposal.pk, "following": True}
    # Following twice is still following once.
    assert client.post(f"/api/proposals/{proposal.pk}/follow/").status_code == 201
    assert Follow.objects.filter(proposal=proposal, user=user).count() == 1
    unfollowed = client.delete(f"/api/proposals/{proposal.pk}/follow/")
    assert unfollowed.status_code == 200 and unfollowed.json()["following"] is False
    assert not Follow.objects.filter(proposal=proposal, user=user).exists()


def test_an_unverified_account_cannot_follow(api_for):
    proposal = ProposalFactory()
    response = api_for(UserFactory(verified=False)).post(f"/api/proposals/{proposal.pk}/follow/")
    assert response.status_code == 403
    assert response.json()["detail"]
    assert not Follow.objects.exists()

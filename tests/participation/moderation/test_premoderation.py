"""Pre-moderated consultations: new proposals and comments wait for a moderator's approval."""

import pytest
from django.urls import reverse

from consultations.models import StepKind
from participation.comments import services as comment_services
from participation.moderation import services
from participation.moderation.models import ActionKind, CaseStatus
from participation.proposals import services as proposal_services
from participation.proposals.models import Proposal
from tests.factories import ConsultationFactory, StepFactory, UserFactory

from .helpers import case_of, status_of

pytestmark = pytest.mark.django_db

BANNER = "En attente de validation"


@pytest.fixture
def consultation(db):
    consultation = ConsultationFactory(tools=["proposals"], premoderated=True)
    StepFactory(consultation=consultation, kind=StepKind.PROPOSALS)
    return consultation


@pytest.fixture
def waiting(consultation, citizen, client_for):
    """A proposal posted through the page, and a comment on a proposal of the consultation."""
    response = client_for(citizen).post(
        reverse("proposals:create_in", args=[consultation.slug]), {"title": "Un potager partagé", "body": "Au pied des tours"}
    )
    assert response.status_code == 302
    proposal = Proposal.objects.get(title="Un potager partagé")
    host = Proposal.objects.create(consultation=consultation, author=UserFactory(), title="Une proposition publiée", body="Texte")
    comment = comment_services.add_comment(citizen, host, "Commentaire en attente de validation ici")
    return {"proposal": proposal, "host": host, "comment": comment}


def test_new_contributions_wait(waiting):
    assert status_of(waiting["proposal"]) == "pending"
    assert status_of(waiting["comment"]) == "pending"
    for item in (waiting["proposal"], waiting["comment"]):
        assert case_of(item).status == CaseStatus.AWAITING_APPROVAL


def test_the_same_in_a_consultation_without_premoderation(citizen):
    from tests.participation.proposals.factories import consultation_with_step

    consultation = consultation_with_step(StepKind.PROPOSALS)
    proposal = proposal_services.create_proposal(citizen, consultation=consultation, title="Un banc", body="Ici")
    assert status_of(proposal) == "visible" and case_of(proposal) is None


@pytest.mark.parametrize("role", ["visitor", "other"])
def test_nobody_else_sees_them(role, waiting, client_for, api_for):
    user = None if role == "visitor" else UserFactory()
    client, api = client_for(user), api_for(user)
    proposal, host = waiting["proposal"], waiting["host"]
    listing = client.get(reverse("proposals:list"))
    assert "Un potager partagé" not in listing.text
    assert client.get(proposal.get_absolute_url()).status_code == 404
    assert [p["id"] for p in api.get("/api/proposals/").json()["results"]] == [host.pk]
    assert api.get(f"/api/proposals/{proposal.pk}/").status_code == 404
    detail = client.get(host.get_absolute_url())
    assert detail.status_code == 200 and "Commentaire en attente" not in detail.text
    thread = api.get("/api/comments/", {"target": "proposals.proposal", "object_id": host.pk}).json()
    assert thread["results"] == []


def test_the_author_sees_them_with_the_banner(waiting, citizen, client_for, api_for):
    mine = api_for(citizen).get(f"/api/proposals/{waiting['proposal'].pk}/").json()
    assert (mine["title"], mine["moderation_status"]) == ("Un potager partagé", "pending")
    client = client_for(citizen)
    page = client.get(waiting["proposal"].get_absolute_url())
    assert page.status_code == 200
    assert "Un potager partagé" in page.text and BANNER in page.text
    host = client.get(waiting["host"].get_absolute_url())
    assert "Commentaire en attente de validation ici" in host.text
    assert '<span class="tag">En attente de validation</span>' in host.text
    thread = client.get("/api/comments/", {"target": "proposals.proposal", "object_id": waiting["host"].pk}).json()
    assert [(c["body"], c["moderation_status"]) for c in thread["results"]] == [
        ("Commentaire en attente de validation ici", "pending")
    ]


@pytest.mark.parametrize("role", ["moderator", "staff"])
def test_moderators_see_them_and_find_them_in_the_queue(role, request, waiting, client_for, api_for):
    user = request.getfixturevalue(role)
    client = client_for(user)
    page = client.get(waiting["proposal"].get_absolute_url())
    assert page.status_code == 200 and BANNER in page.text
    assert "Commentaire en attente de validation ici" in client.get(waiting["host"].get_absolute_url()).text
    queue = client.get(reverse("moderation:queue"), {"status": "awaiting_approval"})
    assert {case.object_id for case in queue.context["page"].object_list} == {waiting["proposal"].pk, waiting["comment"].pk}
    data = api_for(user).get("/api/moderation/cases/", {"status": "awaiting_approval"}).json()
    assert sorted(row["kind"] for row in data["results"]) == ["comment", "proposal"]
    assert {row["status"] for row in data["results"]} == {"awaiting_approval"}


def test_approving_shows_them_to_everyone(waiting, moderator, client_for, api_for):
    for item in (waiting["proposal"], waiting["comment"]):
        services.keep(moderator, case_of(item))
        assert status_of(item) == "visible"
        assert case_of(item).status == CaseStatus.KEPT
        assert case_of(item).actions.get().action == ActionKind.APPROVE
    visitor = client_for(None)
    assert visitor.get(waiting["proposal"].get_absolute_url()).status_code == 200
    assert "Un potager partagé" in visitor.get(reverse("proposals:list")).text
    assert "Commentaire en attente de validation ici" in visitor.get(waiting["host"].get_absolute_url()).text
    assert BANNER not in visitor.get(waiting["proposal"].get_absolute_url()).text
    assert waiting["proposal"].pk in [p["id"] for p in api_for().get("/api/proposals/").json()["results"]]


def test_waiting_content_cannot_be_reported_by_others(waiting, api_for):
    response = api_for(UserFactory()).post(
        "/api/reports/", {"kind": "proposal", "object_id": waiting["proposal"].pk, "reason": "spam"}, format="json"
    )
    assert response.status_code == 404


def test_the_consultation_page_lists_only_published_proposals(waiting, consultation, client_for):
    page = client_for(UserFactory()).get(consultation.get_absolute_url())
    assert page.status_code == 200
    assert "Une proposition publiée" in page.text
    assert "Un potager partagé" not in page.text

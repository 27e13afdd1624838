from django.core.files.uploadedfile import SimpleUploadedFile

from consultations.models import StepKind
from participation.proposals.models import Proposal, ProposalState, Support
from tests.images import image_upload
from tests.participation.councils.factories import CouncilFactory, member_of

from .factories import ProposalFactory, consultation_with_step


def test_list_filters_and_searches_like_the_page(api_for, db):
    consultation = consultation_with_step(StepKind.PROPOSALS)
    ProposalFactory(title="Un jardin partagé", consultation=consultation, support_threshold=None)
    ProposalFactory(title="Des bancs", body="Sur la place")
    data = api_for().get("/api/proposals/", {"consultation": consultation.slug}).json()
    assert [p["title"] for p in data["results"]] == ["Un jardin partagé"]
    data = api_for().get("/api/proposals/", {"q": "place"}).json()
    assert [p["title"] for p in data["results"]] == ["Des bancs"]


def test_random_order_follows_the_seed(api_for, db):
    for n in range(20):
        ProposalFactory(title=f"P{n}")
    first = [p["id"] for p in api_for().get("/api/proposals/", {"order": "random", "seed": 12345}).json()["results"]]
    again = [p["id"] for p in api_for().get("/api/proposals/", {"order": "random", "seed": 12345}).json()["results"]]
    other = [p["id"] for p in api_for().get("/api/proposals/", {"order": "random", "seed": 999331}).json()["results"]]
    assert first == again
    assert first != other


def test_bad_filters_are_a_400(api_for, db):
    response = api_for().get("/api/proposals/", {"state": "nope"})
    assert response.status_code == 400


def test_create_edit_and_withdraw(api_for, citizen):
    client = api_for(citizen)
    response = client.post("/api/proposals/", {"title": "Une fresque", "body": "Sur le mur de l'école"}, format="json")
    assert response.status_code == 201
    proposal_id = response.json()["id"]
    assert response.json()["support_threshold"] == 300
    response = client.patch(f"/api/proposals/{proposal_id}/", {"title": "Une grande fresque", "body": "Texte"}, format="json")
    assert response.status_code == 200 and response.json()["title"] == "Une grande fresque"
    response = client.post(f"/api/proposals/{proposal_id}/withdraw/", {"reason": " "}, format="json")
    assert response.status_code == 400
    assert response.json()["errors"] == {"reason": ["Ce champ ne peut être vide."]}
    response = client.post(f"/api/proposals/{proposal_id}/withdraw/", {"reason": "Doublon"}, format="json")
    assert response.json()["state"] == ProposalState.WITHDRAWN


def test_create_with_an_attachment(api_for, citizen):
    client = api_for(citizen)
    response = client.post("/api/proposals/", {"title": "Photo", "body": "Voir", "attachment": image_upload()}, format="multipart")
    assert response.status_code == 400 and response.json()["code"] == "image_alt_missing"
    response = client.post(
        "/api/proposals/",
        {"title": "Photo", "body": "Voir", "attachment": image_upload(), "image_alt": "Le square sous la pluie"},
        format="multipart",
    )
    assert response.status_code == 201
    assert response.json()["attachment"].endswith(".jpg")
    assert response.json()["image_alt"] == "Le square sous la pluie"
    fake = SimpleUploadedFile("photo.jpg", b"GIF89a", content_type="image/jpeg")
    response = api_for(citizen).post("/api/proposals/", {"title": "Photo", "body": "Voir", "attachment": fake}, format="multipart")
    assert response.status_code == 415 and response.json()["code"] == "file_type"


def test_create_in_a_closed_step_gives_a_reason(api_for, citizen):
    consultation = consultation_with_step(StepKind.SUPPORTS)
    response = api_for(citizen).post(
        "/api/proposals/", {"title": "T", "body": "B", "consultation": consultation.slug}, format="json"
    )
    assert response.status_code == 409
    assert response.json()["detail"] == "L’étape des propositions de cette consultation n’est pas ouverte."


def test_editing_someone_elses_proposal_is_a_403(api_for, citizen):
    proposal = ProposalFactory()
    response = api_for(citizen).patch(f"/api/proposals/{proposal.pk}/", {"title": "X", "body": "Y"}, format="json")
    assert response.status_code == 403
    assert response.json()["code"] == "not_author"


def test_support_and_unsupport(api_for, citizen, initiative):
    client = api_for(citizen)
    response = client.post(f"/api/proposals/{initiative.pk}/support/", {}, format="json")
    assert response.status_code == 201 and response.json() == {"proposal": initiative.pk, "support_count": 1, "supported": True}
    response = client.post(f"/api/proposals/{initiative.pk}/support/", {}, format="json")
    assert response.status_code == 409
    assert response.json() == {"detail": "Vous soutenez déjà cette proposition.", "code": "duplicate"}
    response = client.delete(f"/api/proposals/{initiative.pk}/support/", {}, format="json")
    assert response.status_code == 200 and response.json()["support_count"] == 0


def test_limit_reached_is_a_409_with_a_reason(api_for, citizen):
    consultation = consultation_with_step(StepKind.SUPPORTS, support_limit=1)
    first, second = (ProposalFactory(consultation=consultation, support_threshold=None) for _ in range(2))
    client = api_for(citizen)
    assert client.post(f"/api/proposals/{first.pk}/support/", {}, format="json").status_code == 201
    response = client.post(f"/api/proposals/{second.pk}/support/", {}, format="json")
    assert response.status_code == 409 and response.json()["code"] == "limit_reached"


def test_council_support_through_the_api(api_for, council_member, initiative):
    council = CouncilFactory(slug="les-clos")
    member_of(council, council_member)
    response = api_for(council_member).post(f"/api/proposals/{initiative.pk}/support/", {"council": "les-clos"}, format="json")
    assert response.status_code == 201
    assert Support.objects.get().council == council


def test_a_visitor_cannot_write(api_for, initiative):
    assert api_for().post(f"/api/proposals/{initiative.pk}/support/", {}, format="json").status_code in (401, 403)
    assert api_for().post("/api/proposals/", {"title": "T", "body": "B"}, format="json").status_code in (401, 403)
    assert not Proposal.objects.exclude(pk=initiative.pk).exists()


def test_unknown_slugs_are_404s_with_a_reason(api_for, citizen, initiative):
    response = api_for(citizen).post("/api/proposals/", {"title": "T", "body": "B", "theme": "inconnu"}, format="json")
    assert response.status_code == 404 and response.json()["detail"] == "Ce thème n’existe pas."
    response = api_for(citizen).post(f"/api/proposals/{initiative.pk}/support/", {"council": "inconnu"}, format="json")
    assert response.status_code == 404 and response.json()["detail"] == "Ce conseil n’existe pas."


def test_a_bad_seed_is_a_400(api_for, db):
    assert api_for().get("/api/proposals/", {"order": "random", "seed": "abc"}).status_code == 400
    assert api_for().get("/api/proposals/", {"seed": "null"}).status_code == 400


def test_unknown_proposal_is_a_404_with_a_reason(api_for, citizen):
    response = api_for(citizen).post("/api/proposals/999999/support/", {}, format="json")
    assert response.status_code == 404
    assert response.json()["detail"] == "Cette proposition n’existe pas."


def test_detail(api_for, initiative):
    data = api_for().get(f"/api/proposals/{initiative.pk}/").json()
    assert data["body"] == initiative.body and data["threshold_reached"] is False

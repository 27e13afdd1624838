"""A few key messages, in French as people read them (strings already in the catalogues)."""

import pytest
from django.urls import reverse

from participation.moderation import services

from .helpers import make_item, reported_case

pytestmark = pytest.mark.django_db


def test_refusals_in_french(citizen, moderator, api_for):
    proposal = make_item("proposal")
    client = api_for(citizen)
    client.post("/api/reports/", {"kind": "proposal", "object_id": proposal.pk, "reason": "spam"}, format="json")
    again = client.post("/api/reports/", {"kind": "proposal", "object_id": proposal.pk, "reason": "abuse"}, format="json")
    assert again.json() == {"detail": "Vous avez déjà signalé ce contenu.", "code": "already_reported"}
    own = api_for(proposal.author).post("/api/reports/", {"kind": "proposal", "object_id": proposal.pk, "reason": "spam"},
                                        format="json")
    assert own.json()["detail"] == "Vous ne pouvez pas signaler votre propre contribution."
    case = reported_case(make_item("comment"))
    response = api_for(moderator).post(f"/api/moderation/cases/{case.pk}/decision/", {"decision": "hide"}, format="json")
    assert response.json()["detail"] == "Indiquez pourquoi : ce motif est envoyé à l’auteur·rice."


def test_pages_in_french(citizen, moderator, client_for):
    proposal = make_item("proposal")
    response = client_for(citizen).post(reverse("moderation:report", args=["proposal", proposal.pk]), {"reason": "spam"},
                                        follow=True)
    assert "Merci : les modérateur·rices vont examiner votre signalement." in response.text
    assert "File de modération" in client_for(moderator).get(reverse("moderation:queue")).text
    case = reported_case(make_item("comment"))
    response = client_for(moderator).post(reverse("moderation:decide", args=[case.pk]), {"decision": "dismiss"}, follow=True)
    assert "Décision enregistrée." in response.text


def test_a_blocked_person_reads_why_in_french(citizen, moderator, client_for):
    services.block(moderator, citizen, "Spam", days=None)
    response = client_for(citizen).post(reverse("councils:request"), {"name": "Conseil"})
    assert response.status_code == 403
    assert "Compte bloqué" in response.text
    assert "Votre compte est bloqué par la modération : vous ne pouvez plus rejoindre ou créer des conseils citoyens." in response.text

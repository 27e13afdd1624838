from datetime import timedelta

import pytest
from django.utils import timezone

from consultations.models import Follow, StepKind

from ..factories import ConsultationFactory, StepFactory

pytestmark = pytest.mark.django_db


def test_detail_has_steps_and_the_tools_each_opens(client, settings):
    consultation = ConsultationFactory(tools=["surveys"])
    now = timezone.now()
    StepFactory(consultation=consultation, kind=StepKind.INFORMATION, title="Informer", position=1,
                starts_at=now - timedelta(days=9), ends_at=now - timedelta(days=1))
    StepFactory(consultation=consultation, kind=StepKind.QUESTIONNAIRE, title="Questionnaire", position=2,
                starts_at=now - timedelta(days=1))
    data = client.get(f"/api/consultations/{consultation.slug}/").json()
    assert [step["title"] for step in data["steps"]] == ["Informer", "Questionnaire"]
    assert data["steps"][0]["tools"] == []
    assert data["steps"][1]["tools"] == [{"name": "surveys", "actions": ["answer"]}]
    assert data["tools"] == [{"name": "surveys", "label": "Questionnaire"}]
    assert data["period"] == "open"


def test_join_and_leave(citizen, client_for):
    consultation = ConsultationFactory()
    client = client_for(citizen)
    assert client.post(f"/api/consultations/{consultation.slug}/join/").status_code == 201
    assert client.post(f"/api/consultations/{consultation.slug}/join/").status_code == 200
    assert [f["consultation"] for f in client.get("/api/me/consultations/").json()["results"]] == [consultation.slug]
    assert client.post(f"/api/consultations/{consultation.slug}/leave/").status_code == 204
    response = client.post(f"/api/consultations/{consultation.slug}/leave/")
    assert response.status_code == 409
    assert response.json() == {"detail": "Vous n’avez pas rejoint cette consultation.", "code": "not_following"}
    assert not Follow.objects.exists()


def test_an_unverified_account_cannot_join(unverified_user, client_for):
    consultation = ConsultationFactory()
    response = client_for(unverified_user).post(f"/api/consultations/{consultation.slug}/join/")
    assert response.status_code == 403
    assert response.json()["code"] == "unverified"


def test_visitors_cannot_join(client):
    consultation = ConsultationFactory()
    assert client.post(f"/api/consultations/{consultation.slug}/join/").status_code in (401, 403)


@pytest.mark.parametrize("size", [2, 8])
def test_list_queries_do_not_grow(size, client, django_assert_max_num_queries):
    for _ in range(size):
        StepFactory(consultation=ConsultationFactory())
    with django_assert_max_num_queries(5):
        data = client.get("/api/consultations/?period=open").json()
    assert data["count"] == size

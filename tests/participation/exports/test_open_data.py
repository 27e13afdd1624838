import json

import pytest
from django.urls import reverse

from consultations.models import EventStatus, Visibility


def body(response):
    return b"".join(response.streaming_content)


def test_open_data_of_a_published_consultation(client, frame):
    page = client.get(reverse("exports:open_data_consultation", args=["quartiers-2025"]))
    assert page.status_code == 200
    assert "Licence Ouverte / Etalab 2.0" in page.text
    assert "Inscriptions aux événements" not in page.text  # registrations are never open data
    response = client.get(reverse("exports:open_data_file", args=["quartiers-2025", "events", "json"]))
    document = json.loads(body(response))
    assert "Etalab 2.0" in document["licence"]
    assert {row["event"] for row in document["rows"]} == {"journee-regionale", "webinaire-ecoute"}


def test_open_data_csv_uses_stable_column_keys(client, frame):
    response = client.get(reverse("exports:open_data_file", args=["quartiers-2025", "event_sessions", "csv"]))
    header = body(response).decode("utf-8-sig").splitlines()[0]
    assert header.startswith('"event","event_title","title","starts_at"')


def test_draft_events_stay_out_of_open_data(client, frame):
    frame["events"][1].status = EventStatus.DRAFT
    frame["events"][1].save()
    response = client.get(reverse("exports:open_data_file", args=["quartiers-2025", "events", "json"]))
    assert [row["event"] for row in json.loads(body(response))["rows"]] == ["journee-regionale"]


@pytest.mark.parametrize("dataset", ["registrations", "unknown"])
def test_no_personal_or_unknown_dataset_in_open_data(client, frame, dataset):
    response = client.get(reverse("exports:open_data_file", args=["quartiers-2025", dataset, "csv"]))
    assert response.status_code == 404


def test_unpublished_consultation_has_no_open_data(client, frame):
    frame["consultation"].visibility = Visibility.PRIVATE
    frame["consultation"].save()
    assert client.get(reverse("exports:open_data_consultation", args=["quartiers-2025"])).status_code == 404
    assert client.get(reverse("exports:open_data_file", args=["quartiers-2025", "events", "csv"])).status_code == 404


@pytest.mark.parametrize("count", [2, 12])
def test_open_data_index_query_count(count, client, db, django_assert_max_num_queries):
    from tests.factories import ConsultationFactory

    ConsultationFactory.create_batch(count)
    with django_assert_max_num_queries(3):
        response = client.get(reverse("exports:open_data"))
    assert response.text.count("/donnees-ouvertes/consultation-") == count

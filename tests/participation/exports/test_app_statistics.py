"""What proposals, comments and live rooms add to the staff statistics page."""

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.participation.live.factories import MessageFactory, QuestionFactory, RoomFactory

from . import datasets_fixtures


def statistics(client, year=None):
    year = year or timezone.localdate().year
    response = client.get(reverse("staff:statistics") + f"?annee={year}")
    assert response.status_code == 200
    tables = {table["name"]: table for table in response.context["tables"]}
    figures = {str(label): value for label, value in response.context["figures"]}
    return response, figures, tables


@pytest.fixture
def contributions(db):
    data = datasets_fixtures.build()
    room = RoomFactory(event__title="Webinaire écoute")
    MessageFactory.create_batch(3, room=room)
    QuestionFactory(room=room)
    return data


def test_contributions_in_the_year(client_for, staff, contributions):
    response, figures, tables = statistics(client_for(staff))
    assert figures["Propositions"] == 3
    assert figures["Soutiens donnés"] == 3
    assert figures["Propositions ayant reçu une réponse"] == 1
    assert figures["Commentaires"] == 3  # the deleted one does not count
    assert figures["Messages des salons en direct"] == 3
    assert figures["Questions des salons en direct"] == 1
    month = timezone.localdate().strftime("%Y-%m")
    assert tables["proposals_per_month"]["rows"] == [{"label": month, "count": 3}]
    assert tables["proposals_per_theme"]["rows"] == [
        {"label": "Cadre de vie", "count": 1},
        {"label": "Sans thématique", "count": 2},
    ]
    assert {"label": "Blois", "count": 1} in tables["proposals_per_territory"]["rows"]
    assert tables["comments_per_month"]["rows"] == [{"month": month, "count": 3}]
    assert tables["live_messages_per_event"]["rows"] == [{"event": "Webinaire écoute", "count": 3}]
    assert "Propositions par thématique" in response.text


def test_another_year_counts_nothing(client_for, staff, contributions):
    _response, figures, tables = statistics(client_for(staff), year=timezone.localdate().year - 1)
    assert figures["Propositions"] == 0
    assert tables["proposals_per_month"]["rows"] == []


def test_statistics_query_count_does_not_grow(client_for, staff, db, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for(staff)
    datasets_fixtures.build()
    statistics(client)
    with CaptureQueriesContext(connection) as small:
        statistics(client)
    from tests.factories import ConsultationFactory, UserFactory

    datasets_fixtures.add_proposals(ConsultationFactory(), [UserFactory() for _ in range(3)], 10)
    with django_assert_max_num_queries(len(small.captured_queries)):
        statistics(client)

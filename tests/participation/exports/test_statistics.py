from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import EventFactory, UserFactory

from .conftest import register
from .readers import read

# The staff statistics page is the site's (lapartcitoyenne.staff), built on the exports' statistics.
pytestmark = pytest.mark.needs_apps("lapartcitoyenne")

ROLES = ["visitor", "citizen", "council_member", "facilitator", "moderator", "staff"]


def url(**query):
    year = query.get("year", timezone.localdate().year)
    return reverse("staff:statistics") + f"?annee={year}"


@pytest.mark.parametrize("role", ROLES)
def test_only_staff_see_statistics(role, user_for_role, client_for, frame):
    response = client_for(user_for_role(role)).get(url())
    assert response.status_code == {"visitor": 302, "staff": 200}.get(role, 403)


def test_participants_per_event_and_yearly_figures(client_for, staff, frame, time_machine):
    # The frame's events started 30 and 23 days ago: count them in that year.
    from tests.factories import EventResourceFactory

    EventResourceFactory(event=frame["events"][0])
    year = frame["events"][0].sessions.get().starts_at.year
    response = client_for(staff).get(url(year=year))
    page = response.text
    assert "Participant·es par événement" in page
    assert "Rendez-vous organisés" in page
    figures = dict((str(label), value) for label, value in response.context["figures"])
    assert figures["Participant·es présent·es"] == 2
    assert figures["Rendez-vous organisés"] == 2
    assert figures["Publications (replays, synthèses, documents)"] == 1
    table = next(t for t in response.context["tables"] if t["name"] == "participants_per_event")
    first = next(row for row in table["rows"] if row["event"] == frame["events"][0].title)
    assert (first["registered"], first["waiting"], first["attended"]) == (2, 1, 2)


def test_chart_is_accessible_svg_with_numbers_as_text(client_for, staff, frame):
    year = frame["events"][0].sessions.get().starts_at.year
    response = client_for(staff).get(url(year=year))
    page = response.text
    assert '<svg class="bar-chart" role="img"' in page
    assert "<title id=\"chart-events_per_kind\">Événements organisés par type</title>" in page
    # Two regional days held; the third, in ten days, is not held yet.
    assert 'class="bar-value">2</text>' in page
    by_kind = next(t for t in response.context["tables"] if t["name"] == "events_per_kind")
    assert by_kind["rows"] == [{"label": "Journée régionale", "count": 2}]


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "ods", "json"])
def test_every_table_is_exportable(client_for, staff, frame, fmt):
    year = frame["events"][0].sessions.get().starts_at.year
    response = client_for(staff).get(
        reverse("staff:statistics_table", args=["participants_per_event", fmt]) + f"?annee={year}"
    )
    data = b"".join(response.streaming_content) if response.streaming else b"".join(response)
    rows = read(fmt, data, delimiter=";")
    assert rows[0] == ["Événement", "Date", "Inscrit·es", "Liste d’attente", "Présent·es"]
    assert len(rows) == 3


def test_summary_is_exportable(client_for, staff, frame):
    response = client_for(staff).get(reverse("staff:statistics_table", args=["summary", "csv"]))
    assert len(read("csv", b"".join(response.streaming_content), delimiter=";")) >= 4


def test_unknown_table(client_for, staff, frame):
    assert client_for(staff).get(reverse("staff:statistics_table", args=["nothing", "csv"])).status_code == 404


@pytest.mark.parametrize("events", [2, 12])
def test_statistics_query_count_does_not_grow(events, client_for, staff, django_assert_max_num_queries):
    start = timezone.now() - timedelta(days=1)
    for _ in range(events):
        event = EventFactory(sessions=[(start, start + timedelta(hours=2), "Tours")])
        register(event, UserFactory(), attended=True)
    client = client_for(staff)
    with django_assert_max_num_queries(18):  # two for the moderation figures
        assert client.get(url()).status_code == 200

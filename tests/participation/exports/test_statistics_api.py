"""The statistics page's figures and tables over the API (staff only), the same numbers as the page."""

from datetime import timedelta

import pytest
from django.urls import reverse

from tests.conftest import ROLES
from tests.factories import EventFactory

from .conftest import register

# Run with the site (the site's statistics route); the plugin host covers the pages.
pytestmark = pytest.mark.needs_apps("lapartcitoyenne")


@pytest.mark.parametrize("role", ROLES)
def test_only_staff_read_statistics(role, user_for_role, api_for, frame):
    response = api_for(user_for_role(role)).get("/api/statistics/")
    assert response.status_code == {"visitor": 401, "staff": 200}.get(role, 403)
    assert set(response.json()) == ({"year", "figures", "tables"} if role == "staff" else {"detail", "code"})


def test_the_api_gives_the_pages_figures_and_tables(staff, api_for, client_for, frame):
    year = frame["events"][0].sessions.get().starts_at.year
    data = api_for(staff).get("/api/statistics/", {"year": year}).json()
    page = client_for(staff).get(reverse("staff:statistics") + f"?annee={year}")
    assert data["year"] == year
    assert data["figures"] == [{"label": str(label), "value": value} for label, value in page.context["figures"]]
    assert [table["name"] for table in data["tables"]] == [table["name"] for table in page.context["tables"]]
    table = next(t for t in data["tables"] if t["name"] == "participants_per_event")
    first = next(row for row in table["rows"] if row["event"] == frame["events"][0].title)
    assert (first["registered"], first["waiting"], first["attended"]) == (2, 1, 2)
    assert [column["key"] for column in table["columns"]][:1] == ["event"]


@pytest.mark.parametrize("year", ["1999", "2101", "deux-mille"])
def test_a_year_out_of_range_is_refused_with_the_reason(year, staff, api_for, db):
    response = api_for(staff).get("/api/statistics/", {"year": year})
    assert response.status_code == 400
    assert response.json()["code"] == "invalid" and "year" in response.json()["errors"]


def test_statistics_queries_do_not_grow_with_events(staff, api_for, frame, django_assert_max_num_queries):
    client = api_for(staff)
    year = frame["events"][0].sessions.get().starts_at.year
    with django_assert_max_num_queries(60) as few:
        client.get("/api/statistics/", {"year": year})
    start = frame["events"][0].sessions.get().starts_at
    for n in range(10):
        event = EventFactory(consultation=frame["consultation"], sessions=[(start, start + timedelta(hours=2), "Tours")])
        register(event, frame["people"][n % 4], attended=True)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/api/statistics/", {"year": year})

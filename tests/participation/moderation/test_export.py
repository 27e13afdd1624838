"""The moderation log as the ``moderation_log`` dataset: pseudonyms by default, names only in a
personal-data export (staff only, logged)."""

import io

import pytest
from django.urls import reverse

from participation.exports import engine
from participation.exports.models import ExportLog
from participation.exports.registry import get_dataset
from participation.exports.scope import Scope
from participation.moderation import services
from tests.factories import UserFactory
from tests.participation.exports.readers import read

from .helpers import case_of, make_item, reported_case

pytestmark = pytest.mark.django_db

FORMATS = ["csv", "xlsx", "ods", "json"]
KEYS = ["id", "at", "action", "actor", "kind", "object_id", "case", "person", "reason", "source"]
PERSONAL_KEYS = ["actor_name", "person_name"]


@pytest.fixture
def log(moderator):
    """Five log lines: a hiding, an automatic hiding, a block, a lift, a review request."""
    author = UserFactory(display_name="Autrice Signalée", email="autrice@example.org")
    comment = make_item("comment", author=author)
    services.hide(moderator, reported_case(comment), "Propos injurieux")
    reported_case(make_item("proposal", author=author), 3)
    record = services.block(moderator, UserFactory(display_name="Personne Bloquée"), "Spam", days=7)
    services.lift(moderator, record)
    services.request_review(author, case_of(comment), "Merci de revoir")
    return {"moderator": moderator, "author": author}


def export(fmt="json", scope=None):
    buffer = io.BytesIO()
    rows = engine.write(get_dataset("moderation_log"), scope or Scope(), fmt, buffer)
    return rows, buffer.getvalue()


def test_the_dataset_is_declared_personal_and_not_open():
    dataset = get_dataset("moderation_log")
    assert dataset.personal_data and not dataset.open_data
    assert [column.key for column in dataset.columns(Scope())] == KEYS
    assert set(PERSONAL_KEYS) <= {column.key for column in dataset.columns(Scope(personal_data=True))}


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_log_round_trips(fmt, log):
    rows, data = export(fmt)
    table = read(fmt, data)
    labels = [str(column.label) for column in get_dataset("moderation_log").columns(Scope())]
    assert rows == 5
    assert table[0] == labels
    assert len(table) == 1 + 5
    assert all(len(row) == len(labels) for row in table)


def test_rows_hold_pseudonyms_and_no_names(log):
    _rows, data = export("json")
    header, *rows = read("json", data)
    rows = [dict(zip(header, row)) for row in rows]
    text = data.decode("utf-8")
    for person in (log["moderator"], log["author"]):
        assert person.display_name not in text and person.email not in text
    assert "Personne Bloquée" not in text
    actors = {row[header[3]] for row in rows}
    assert "" in actors  # the automatic hiding has no actor
    assert all(actor == "" or actor.startswith("p-") for actor in actors)
    # Stable pseudonyms within the export: the moderator (4 lines) and the author (her review request).
    assert sorted(len([row for row in rows if row[header[3]] == actor]) for actor in actors - {""}) == [1, 3]
    people = {row[header[7]] for row in rows} - {""}
    assert len(people) == 2 and all(person.startswith("p-") for person in people)


def test_names_only_in_a_personal_data_export(log):
    _rows, data = export("json", Scope(personal_data=True))
    text = data.decode("utf-8")
    assert log["moderator"].display_name in text and "Autrice Signalée" in text and "Personne Bloquée" in text


@pytest.mark.parametrize("role", ["moderator", "citizen"])
def test_only_staff_export_the_log(role, request, client_for, log):
    response = client_for(request.getfixturevalue(role)).post(
        reverse("exports:export"), {"dataset": "moderation_log", "format": "json", "personal_data": "on"}
    )
    assert response.status_code == 403
    assert not ExportLog.objects.exists()


def test_staff_export_with_names_is_logged(client_for, staff, log):
    client = client_for(staff)
    response = client.post(reverse("exports:export"), {"dataset": "moderation_log", "format": "json"})
    assert response.status_code == 200
    assert "Autrice Signalée" not in b"".join(response.streaming_content).decode()
    assert not ExportLog.objects.exists()
    response = client.post(reverse("exports:export"), {"dataset": "moderation_log", "format": "json", "personal_data": "on"})
    assert "Autrice Signalée" in b"".join(response.streaming_content).decode()
    export_log = ExportLog.objects.get()
    assert (export_log.user, export_log.dataset, export_log.row_count) == (staff, "moderation_log", 5)


def test_the_log_page_links_to_the_export_for_staff(client_for, staff, log):
    page = client_for(staff).get(reverse("moderation:log"))
    assert f"{reverse('exports:export')}?dataset=moderation_log" in page.text

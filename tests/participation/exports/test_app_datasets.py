"""The datasets of proposals, supports, comments, councils and questionnaire responses."""

import io
import json
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from participation.exports import engine
from participation.exports.registry import datasets, get_dataset
from participation.exports.scope import Scope
from tests.factories import ConsultationFactory, UserFactory
from tests.participation.councils.factories import CouncilFactory, MembershipFactory

from . import datasets_fixtures
from .readers import read

FORMATS = ["csv", "xlsx", "ods", "json"]
EXPECTED_ROWS = {"proposals": 3, "supports": 3, "comments": 4, "councils": 2, "questionnaire_responses": 3}


@pytest.fixture
def contributions(db):
    return datasets_fixtures.build()


def export(name, fmt="json", scope=None):
    buffer = io.BytesIO()
    rows = engine.write(get_dataset(name), scope or Scope(), fmt, buffer)
    return rows, buffer.getvalue()


def as_dicts(name, scope=None):
    _rows, data = export(name, "json", scope)
    header, *rows = read("json", data)
    return [dict(zip(header, row)) for row in rows]


def test_the_apps_declare_their_datasets():
    assert set(EXPECTED_ROWS) <= set(datasets())
    assert not any(get_dataset(name).personal_data for name in EXPECTED_ROWS)
    assert get_dataset("proposals").open_data


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", sorted(EXPECTED_ROWS))
def test_every_dataset_round_trips_in_every_format(contributions, name, fmt):
    rows, data = export(name, fmt)
    table = read(fmt, data)
    labels = [str(column.label) for column in get_dataset(name).columns(Scope())]
    assert rows == EXPECTED_ROWS[name]
    assert table[0] == labels
    assert len(table) == 1 + EXPECTED_ROWS[name]
    assert all(len(row) == len(labels) for row in table)


def test_proposal_rows_hold_answer_state_and_counts(contributions):
    rows = {row["Titre"]: row for row in as_dicts("proposals")}
    benches = rows["Des bancs au Sanitas"]
    assert benches["Consultation"] == "quartiers-2025"
    assert benches["Au nom du conseil"] == "Conseil citoyen du Sanitas"
    assert benches["Thématique"] == "Cadre de vie"
    assert benches["Territoire"] == "Tours"
    assert benches["État"] == "Acceptée"
    assert benches["Réponse officielle"] == "La ville installera dix bancs."
    assert benches["Répondue le"]
    assert benches["Soutiens"] == 2
    assert rows["Un marché le dimanche"]["État"] == "Retirée"
    assert rows["Une piste cyclable"]["Consultation"] == ""


@pytest.mark.parametrize("name", sorted(EXPECTED_ROWS))
def test_no_name_or_email_of_a_person(contributions, name):
    for fmt in ("csv", "json"):
        text = export(name, fmt)[1].decode("utf-8")
        for person in contributions["people"]:
            assert person.email not in text
            assert person.display_name not in text


def test_same_person_same_pseudonym_within_an_export(contributions):
    rows = {row["Titre"]: row for row in as_dicts("proposals")}
    alice_first = rows["Des bancs au Sanitas"]["Auteur·rice (pseudonyme)"]
    assert alice_first.startswith("p-")
    assert rows["Une piste cyclable"]["Auteur·rice (pseudonyme)"] == alice_first
    assert rows["Un marché le dimanche"]["Auteur·rice (pseudonyme)"] != alice_first
    # The next export draws another secret.
    assert {row["Titre"]: row for row in as_dicts("proposals")}["Une piste cyclable"]["Auteur·rice (pseudonyme)"] != alice_first


def test_a_council_support_shows_the_council_not_the_member(contributions):
    rows = as_dicts("supports")
    council_rows = [row for row in rows if row["Conseil citoyen"]]
    assert [(row["Conseil citoyen"], row["Personne qui soutient (pseudonyme)"]) for row in council_rows] == [("Conseil citoyen du Sanitas", "")]
    assert all(row["Personne qui soutient (pseudonyme)"].startswith("p-") for row in rows if not row["Conseil citoyen"])


def test_comments_keep_the_thread_and_hide_deleted_text(contributions):
    rows = as_dicts("comments")
    opening, reply, deleted, on_consultation = rows
    assert (opening["Objet commenté (type)"], opening["Profondeur"], opening["En réponse à (identifiant)"]) == (
        "proposal", 0, None,
    )
    assert opening["Position"] == "Pour"
    assert reply["En réponse à (identifiant)"] == opening["Commentaire (identifiant)"]
    assert reply["Profondeur"] == 1
    assert deleted["Supprimé"] is True
    assert deleted["Commentaire"] == ""
    assert "retiré" not in export("comments", "csv")[1].decode("utf-8")
    assert on_consultation["Objet commenté (type)"] == "consultation"


def test_councils_count_accepted_members_and_proposals(contributions):
    rows = {row["Nom"]: row for row in as_dicts("councils")}
    sanitas = rows["Conseil citoyen du Sanitas"]
    assert (sanitas["Quartier (QPV)"], sanitas["Commune"]) == ("Sanitas", "Tours")
    assert (sanitas["Membres"], sanitas["Propositions"], sanitas["Vérifié"]) == (2, 1, True)
    blois = rows["Conseil citoyen de Blois"]
    assert (blois["Vérifié"], blois["Membres"], blois["Propositions"]) == (False, 0, 0)


def test_questionnaire_responses_one_column_per_question(contributions):
    questionnaire, q, choices = contributions["questionnaires"][0]
    scope = Scope(consultation="quartiers-2025")
    rows = as_dicts("questionnaire_responses", scope)
    assert len(rows) == 2
    row = rows[0]
    assert row["Questionnaire"] == "Votre avis sur le quartier"
    assert row["Votre quartier"] == "La Source"
    assert row["Qu'est-ce qui a changé ?"] is None  # not answered
    assert row["Connaissez-vous le conseil citoyen ?"] == "Oui"
    assert row["Vos priorités"] == "Emploi | Éducation"
    assert row["Classez les thèmes"] == "Transports | Logement | Emploi"
    assert row["Votre satisfaction"] == 4
    assert row["Répondant·e (pseudonyme)"].startswith("p-")


def test_questionnaire_responses_without_consultation_prefix_every_question(contributions):
    rows = as_dicts("questionnaire_responses")
    assert len(rows) == 3
    assert "Votre avis sur le quartier — Votre quartier" in rows[0]
    labels = [str(column.label) for column in get_dataset("questionnaire_responses").columns(Scope())]
    assert len(labels) == 4 + 2 * 6
    # A respondent fills only the columns of their own questionnaire.
    assert sum(1 for value in rows[2].values() if value == "La Source") == 1


@pytest.mark.parametrize(
    ("name", "scope", "count"),
    [
        ("proposals", Scope(consultation="quartiers-2025"), 2),
        ("proposals", Scope(theme="cadre-de-vie"), 1),
        ("proposals", Scope(territory="blois"), 1),
        ("supports", Scope(consultation="quartiers-2025"), 3),
        ("supports", Scope(territory="tours"), 2),
        ("comments", Scope(consultation="quartiers-2025"), 3),
        ("comments", Scope(consultation="ailleurs-2025"), 0),
        ("councils", Scope(territory="tours"), 1),
        ("councils", Scope(territory="sanitas"), 1),
        ("questionnaire_responses", Scope(consultation="ailleurs-2025"), 1),
    ],
)
def test_scope_filters(contributions, name, scope, count):
    rows, data = export(name, "csv", scope)
    assert rows == count
    assert len(read("csv", data)) == 1 + count


@pytest.mark.parametrize("name", sorted(EXPECTED_ROWS))
def test_date_range_filter(contributions, name):
    today = timezone.localdate()
    assert export(name, "csv", Scope(since=today, until=today))[0] == EXPECTED_ROWS[name]
    assert export(name, "csv", Scope(since=today + timedelta(days=1)))[0] == 0
    assert export(name, "csv", Scope(until=today - timedelta(days=1)))[0] == 0


def test_proposals_in_open_data_leave_out_the_author(contributions):
    _rows, data = export("proposals", "csv", Scope(consultation="quartiers-2025", open_data=True))
    header, *rows = read("csv", data)
    assert "author" not in header
    assert header[:2] == ["id", "consultation"]
    assert len(rows) == 2


def grow(extra):
    """``extra`` more of everything every dataset exports."""
    consultation = ConsultationFactory()
    people = [UserFactory() for _ in range(3)]
    datasets_fixtures.add_proposals(consultation, people, extra)
    questionnaire, q, choices = datasets_fixtures.make_questionnaire(consultation)
    for _ in range(extra):
        datasets_fixtures.respond(questionnaire, q, choices, UserFactory())
        council = CouncilFactory()
        MembershipFactory(council=council)


@pytest.mark.parametrize("name", sorted(EXPECTED_ROWS))
def test_query_count_does_not_grow_with_rows(db, name, django_assert_max_num_queries):
    grow(2)
    with CaptureQueriesContext(connection) as small:
        assert export(name, "csv")[0] >= 2
    grow(10)
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert export(name, "csv")[0] >= 12


def test_proposals_are_published_as_open_data(client, contributions):
    page = client.get(reverse("exports:open_data_consultation", args=["quartiers-2025"]))
    assert "Propositions" in page.text
    response = client.get(reverse("exports:open_data_file", args=["quartiers-2025", "proposals", "json"]))
    document = json.loads(b"".join(response.streaming_content))
    assert "Etalab 2.0" in document["licence"]
    assert {row["title"] for row in document["rows"]} == {"Des bancs au Sanitas", "Un marché le dimanche"}
    assert "author" not in document["rows"][0]


@pytest.mark.parametrize("name", ["supports", "comments", "councils", "questionnaire_responses"])
def test_other_contributions_are_not_open_data(client, contributions, name):
    response = client.get(reverse("exports:open_data_file", args=["quartiers-2025", name, "csv"]))
    assert response.status_code == 404

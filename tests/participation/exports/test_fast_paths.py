"""The engine's fast paths (declared ``fields``: values_list everywhere, COPY on PostgreSQL) write
exactly what the datasets' ``row()`` functions write: same header, values, quoting, BOM and bytes."""

import hashlib
import hmac
import io
from datetime import datetime, timezone as dt_timezone

import pytest
from django.db import connection

from participation.exports import engine, fields, pgcopy
from participation.exports.pseudonyms import Pseudonymiser
from participation.exports.registry import as_dataset, get_dataset
from participation.exports.scope import Scope
from participation.proposals.models import ProposalState
from participation.comments.models import Comment
from participation.surveys.models import Answer, Response, Selection
from tests.factories import ConsultationFactory, UserFactory
from tests.participation.councils.factories import CouncilFactory
from tests.participation.proposals.factories import ProposalFactory, support
from tests.participation.surveys.fixtures import make_questionnaire

from . import datasets_fixtures
from .datasets_fixtures import comment

FAST_DATASETS = ["proposals", "supports", "comments", "questionnaire_responses"]
SECRET = b"s" * 32
on_postgresql = pytest.mark.skipif(connection.vendor != "postgresql", reason="COPY is PostgreSQL's")


def tricky():
    """Text a CSV must quote or neutralise, dates across a DST change, a council's support."""
    datasets_fixtures.build()
    council = CouncilFactory(name='=Conseil, "citoyen";\n@nord')
    other = CouncilFactory(name="Conseil du Nord")
    people = [UserFactory() for _ in range(3)]
    bodies = ["=SOMME(A1)", "Avis,=cmd\r\n-1;+2\t@x", "\r\r=", "", "'déjà", "Ligne\nsuivante « ok »", "-", "+"]
    questionnaire, q, choices = make_questionnaire(ConsultationFactory(slug="enquete-2025"))
    for n, person in enumerate(people):
        # Some answers missing, a choice question answered with no choice, text to neutralise.
        response = Response.objects.create(questionnaire=questionnaire, user=person)
        Answer.objects.create(response=response, question=q["short"], text=bodies[n + 1])
        if n:
            Answer.objects.create(response=response, question=q["scale"], number=n)
            ranking = Answer.objects.create(response=response, question=q["ranking"])
            for rank, choice in enumerate(choices["ranking"][n - 1:], start=1):
                Selection.objects.create(answer=ranking, choice=choice, rank=rank)
        Answer.objects.create(response=response, question=q["multiple"])
    for n, body in enumerate(bodies):
        proposal = ProposalFactory(
            author=people[n % 3], title=body or "vide", body=body, answer=bodies[-n - 1], support_threshold=None,
            state=ProposalState.ACCEPTED if n % 2 else ProposalState.PUBLISHED,
        )
        # Winter and summer time: the offset in the dates changes.
        proposal.created_at = datetime(2025, 3 if n % 2 else 7, 30, 0, 59, 59, 999999, tzinfo=dt_timezone.utc)
        proposal.save(update_fields=["created_at"])
        support(proposal, people[(n + 1) % 3])
        support(proposal, people[n % 3], council=council)
        # Comments on behalf of councils (one deleted: it loses its council), replies, positions.
        speaker = (council, other, None)[n % 3]
        opening = comment(proposal, people[n % 3], body, council=speaker, position=("for", "", "against")[n % 3],
                          deleted=n == 4)
        reply = comment(proposal, people[(n + 2) % 3], bodies[-n - 1] or "x", parent=opening, council=speaker)
        Comment.objects.filter(pk__in=[opening.pk, reply.pk]).update(created_at=proposal.created_at)
    gone = CouncilFactory(name="Conseil dissous")
    comment(proposal, people[0], "Au nom d'un conseil disparu", council=gone)
    gone.delete()  # the comment keeps its key, the export shows no council (as the site)


def export(name, fmt, settings, fast, delimiter=",", scope=None):
    settings.PARTICIPATION = {**getattr(settings, "PARTICIPATION", {}), "EXPORTS_FAST_PATHS": fast}
    buffer = io.BytesIO()
    scope = scope or Scope(pseudonym=Pseudonymiser(SECRET))
    rows = engine.write(get_dataset(name), scope, fmt, buffer, delimiter=delimiter)
    return rows, buffer.getvalue()


@pytest.mark.parametrize("delimiter", [",", ";"])
@pytest.mark.parametrize("fmt", ["csv", "json"])
@pytest.mark.parametrize("name", FAST_DATASETS)
def test_the_fast_path_writes_the_same_bytes_as_the_row_functions(db, settings, name, fmt, delimiter):
    tricky()
    generic = export(name, fmt, settings, fast=False, delimiter=delimiter)
    fast = export(name, fmt, settings, fast=True, delimiter=delimiter)
    assert generic[0] > 5
    assert fast == generic


@pytest.mark.parametrize("name", FAST_DATASETS)
def test_the_fast_path_writes_the_same_spreadsheet_cells(db, settings, name):
    from .readers import read

    tricky()
    generic = read("xlsx", export(name, "xlsx", settings, fast=False)[1])
    assert read("xlsx", export(name, "xlsx", settings, fast=True)[1]) == generic


@pytest.mark.parametrize("name", FAST_DATASETS)
def test_open_data_and_filters_go_the_fast_way_too(db, settings, name):
    tricky()
    scope = Scope(consultation="quartiers-2025", open_data=True, pseudonym=Pseudonymiser(SECRET))
    assert export(name, "csv", settings, True, scope=scope) == export(name, "csv", settings, False, scope=scope)


@on_postgresql
def test_postgresql_writes_the_csv_with_copy(db, settings, monkeypatch):
    tricky()
    copied = []
    original = pgcopy.csv_blocks
    monkeypatch.setattr(pgcopy, "csv_blocks", lambda *args, **kwargs: copied.append(1) or original(*args, **kwargs))
    assert export("supports", "csv", settings, True) == export("supports", "csv", settings, False)
    assert copied == [1]


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_outside_a_transaction_copy_reads_on_its_own_connection_and_reports_progress(settings):
    """As in the command and the worker: the job's progress is saved while COPY runs."""
    tricky()
    seen = []
    settings.PARTICIPATION = {**settings.PARTICIPATION, "EXPORTS_FAST_PATHS": True}
    blocks = pgcopy.csv_blocks(get_dataset("supports"), Scope(), ["a"] * 4, ["proposal", "supporter", "council",
                                                                               "created_at"], ",", seen.append)
    data = b"".join(blocks)
    assert data.count(b"\r\n") == 1 + seen[-1] and seen[-1] > 5
    # The site's connection was free meanwhile, and stays in UTC.
    with connection.cursor() as cursor:
        cursor.execute("SHOW TIME ZONE")
        assert cursor.fetchone()[0] == "UTC"


def test_the_database_hmac_pads_give_python_hmac():
    pseudonym = Pseudonymiser(SECRET)
    ipad, opad = pseudonym.hmac_pads()
    for pk in (1, 42, 10**12):
        inner = hashlib.sha256(ipad + str(pk).encode()).digest()
        assert "p-" + hashlib.sha256(opad + inner).hexdigest()[:12] == pseudonym(pk)
        assert pseudonym(pk) == "p-" + hmac.new(SECRET, str(pk).encode(), hashlib.sha256).hexdigest()[:12]
    assert pseudonym(None) == ""


def test_a_dataset_covers_its_columns_only_with_every_field():
    dataset = get_dataset("supports")
    assert fields.covers(dataset, ["proposal", "created_at"])
    assert not fields.covers(dataset, ["proposal", "unknown"])
    assert fields.covers(get_dataset("comments"), ["id", "on_behalf_of"])
    assert not fields.covers(get_dataset("questionnaire_responses"), ["respondent"])


@pytest.mark.parametrize(
    "spec, message",
    [
        ({"a": ("pk", "float")}, "unknown kind"),
        ({"a": ("state", "choice")}, "gives its choices"),
        ({"a": ("pk", "number", [("x", "X")])}, "gives its choices"),
        ({"a": ("pk", "label")}, "a label its labels"),
        ({"a": ("pk", "label", {"1": "x"})}, "function"),
    ],
)
def test_fields_are_checked_when_declared(spec, message):
    declaration = {"name": "x", "label": "x", "columns": [("a", "A")], "queryset": lambda scope: None,
                   "row": lambda obj, scope: {}, "fields": spec}
    with pytest.raises(ValueError, match=message):
        as_dataset(declaration, "tests")


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_exports_hand_their_second_connection_back_to_the_pool(settings):
    """A long-lived worker runs export after export: each must return the connection it borrowed."""
    pool = getattr(connection, "pool", None)
    if pool is None:
        pytest.skip("the database has no connection pool (DATABASE_POOL=0)")
    tricky()
    settings.PARTICIPATION = {**settings.PARTICIPATION, "EXPORTS_FAST_PATHS": True}
    for _ in range(pool.max_size + 2):
        b"".join(pgcopy.csv_blocks(get_dataset("supports"), Scope(), ["a"], ["proposal"], ","))
    assert pool.get_stats()["pool_size"] <= pool.max_size
    assert pool.get_stats().get("requests_waiting", 0) == 0


def test_questionnaire_responses_are_read_a_batch_at_a_time_with_the_same_bytes(db, settings, monkeypatch):
    """Memory stays one batch of respondents whatever the export's size: rows across batch
    boundaries come out as row() writes them, each batch reading its answers and choices once."""
    from django.test.utils import CaptureQueriesContext

    from participation.surveys import exports as survey_exports

    tricky()
    generic = export("questionnaire_responses", "csv", settings, fast=False)
    monkeypatch.setattr(survey_exports, "BATCH", 2)
    with CaptureQueriesContext(connection) as queries:
        assert export("questionnaire_responses", "csv", settings, fast=True) == generic
    batches = -(-generic[0] // 2)
    # The columns (asked twice by the engine), the questions' kinds, the choices, the respondents;
    # then per batch its answers and the choices picked.
    assert len(queries) <= 5 + 2 * batches

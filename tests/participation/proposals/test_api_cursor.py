"""The proposals API walked by cursor: ``next_cursor`` on every page, ``?cursor=`` for the rows
after it, at any depth without OFFSET — the same queries whatever the depth, every proposal once,
in the list's order, ties broken by id."""

from datetime import timedelta

import pytest
from django.utils import timezone

from participation.proposals.api import ProposalPagination
from participation.proposals.models import Proposal

from .factories import ProposalFactory

pytestmark = pytest.mark.django_db

SIZE = 2
EXPECTED = {"newest": ["-created_at", "-pk"], "supports": ["-support_count", "-pk"], "comments": ["-comment_count", "-pk"]}


@pytest.fixture(autouse=True)
def small_pages(monkeypatch):
    monkeypatch.setattr(ProposalPagination, "page_size", SIZE)


def proposals(count):
    now = timezone.now()
    made = [ProposalFactory(title=f"Proposition {n:02d}", support_count=n % 3) for n in range(count)]
    for n, proposal in enumerate(made):
        # Two share each date and many a support count: the cursor must break ties by id.
        Proposal.objects.filter(pk=proposal.pk).update(created_at=now - timedelta(minutes=n // 2), comment_count=n % 2)
    return made


def walk(client, order):
    """Every id of the list, following next_cursor from the first page; and the pages' bodies."""
    body = client.get("/api/proposals/", {"order": order}).json()
    ids, pages = [row["id"] for row in body["results"]], [body]
    while body["next_cursor"]:
        body = client.get("/api/proposals/", {"order": order, "cursor": body["next_cursor"]}).json()
        ids += [row["id"] for row in body["results"]]
        pages.append(body)
    return ids, pages


@pytest.mark.parametrize("order", ["newest", "supports", "comments"])
def test_the_cursor_walks_every_proposal_once_in_the_list_order(client, order):
    proposals(11)
    ids, pages = walk(client, order)
    assert ids == list(Proposal.objects.order_by(*EXPECTED[order]).values_list("pk", flat=True))
    assert all(page["count"] is None and page["previous"] is None for page in pages[1:])
    assert pages[-1]["next"] is None and len(pages) == 6
    assert "cursor=" in pages[1]["next"] and "page=" not in pages[1]["next"]


def test_a_deep_page_by_cursor_is_the_numbered_page(client):
    proposals(12)
    third = client.get("/api/proposals/?page=3").json()
    second = client.get("/api/proposals/?page=2").json()
    by_cursor = client.get("/api/proposals/", {"cursor": second["next_cursor"]}).json()
    assert [row["id"] for row in by_cursor["results"]] == [row["id"] for row in third["results"]]


@pytest.mark.parametrize("count", [6, 40])
def test_a_page_by_cursor_does_the_same_queries_at_any_depth(count, client, django_assert_max_num_queries):
    proposals(count)
    ordered = list(Proposal.objects.order_by("-created_at", "-pk"))
    last_but_one = ordered[-SIZE - 1]
    cursor = f"{last_but_one.created_at.isoformat()}~{last_but_one.pk}"
    with django_assert_max_num_queries(2):
        body = client.get("/api/proposals/", {"cursor": cursor}).json()
    assert [row["id"] for row in body["results"]] == [p.pk for p in ordered[-SIZE:]]
    assert body["next_cursor"] is None


def test_a_bad_cursor_and_the_random_order_are_refused(client):
    proposals(3)
    assert client.get("/api/proposals/", {"cursor": "demain~1"}).status_code == 400
    assert client.get("/api/proposals/", {"cursor": "2026-01-01T00:00:00~1"}).status_code == 400  # naive date
    assert client.get("/api/proposals/", {"order": "random", "cursor": "1~1"}).status_code == 400
    assert client.get("/api/proposals/", {"order": "random"}).json()["next_cursor"] is None


@pytest.mark.needs_apps("drf_spectacular")
def test_the_schema_documents_the_cursor():
    from drf_spectacular.generators import SchemaGenerator

    # The schema of whatever host serves the API (the site's /api/schema/ is not in every host).
    schema = SchemaGenerator().get_schema(request=None, public=True)
    parameters = {p["name"] for p in schema["paths"]["/api/proposals/"]["get"]["parameters"]}
    assert {"cursor", "page"} <= parameters
    page = schema["components"]["schemas"]["PaginatedProposalList"]["properties"]
    assert page["next_cursor"]["nullable"] and page["count"]["nullable"]


@pytest.fixture
def five_numbered_pages(monkeypatch):
    # With pages of 2, numbered pages stop at page 5 (10 rows) instead of page 100.
    monkeypatch.setattr(ProposalPagination, "max_offset", 10)


def test_a_page_number_past_the_last_numbered_page_says_to_go_on_by_cursor(client, five_numbered_pages):
    proposals(14)
    assert client.get("/api/proposals/?page=5").status_code == 200
    for deep in ("6", "last"):  # 14 rows: the last page is page 7
        answer = client.get(f"/api/proposals/?page={deep}")
        assert answer.status_code == 400
        assert answer.json()["errors"]["page"] == [
            "Les pages numérotées s’arrêtent à la page 5 : allez plus loin par curseur (?cursor=, le "
            "next_cursor d’une page, ou son lien next)."
        ]


def test_following_next_from_the_first_page_walks_past_the_numbered_pages(client, five_numbered_pages):
    proposals(14)
    body = client.get("/api/proposals/").json()
    ids = [row["id"] for row in body["results"]]
    while body["next"]:
        body = client.get(body["next"]).json()
        ids += [row["id"] for row in body["results"]]
    assert ids == list(Proposal.objects.order_by("-created_at", "-pk").values_list("pk", flat=True))
    fifth = client.get("/api/proposals/?page=5").json()
    assert "cursor=" in fifth["next"] and "page=" not in fifth["next"]


def test_an_order_without_cursor_stops_at_the_last_numbered_page(client, five_numbered_pages):
    proposals(14)
    fifth = client.get("/api/proposals/", {"order": "random", "seed": 7, "page": 5}).json()
    assert fifth["next"] is None and fifth["count"] == 14
    answer = client.get("/api/proposals/", {"order": "random", "seed": 7, "page": 6})
    assert answer.status_code == 400 and "filtres" in answer.json()["errors"]["page"][0]

"""A long thread walked through the API by cursor: posting order, every comment once, the same
queries at any depth."""

from urllib.parse import urlencode

import pytest

from participation.comments.api import ThreadPagination
from tests.factories import UserFactory
from tests.participation.comments.factories import comment
from tests.participation.proposals.factories import ProposalFactory

pytestmark = [pytest.mark.django_db, pytest.mark.needs_apps("participation.proposals")]


@pytest.fixture(autouse=True)
def small_pages(monkeypatch):
    monkeypatch.setattr(ThreadPagination, "page_size", 3)


def thread(roots):
    proposal, author = ProposalFactory(), UserFactory()
    made = []
    for n in range(roots):
        root = comment(proposal, author, f"Avis n°{n}")
        made += [root, comment(proposal, author, f"Réponse à {n}", parent=root)]
    return proposal, made


def address(proposal, cursor=None):
    query = {"target": "proposals.proposal", "object_id": proposal.pk, **({"cursor": cursor} if cursor else {})}
    return f"/api/comments/?{urlencode(query)}"


def test_the_cursor_walks_the_thread_in_posting_order(client):
    proposal, made = thread(5)
    body = client.get(address(proposal)).json()
    ids = [row["id"] for row in body["results"]]
    while body["next_cursor"]:
        body = client.get(address(proposal, body["next_cursor"])).json()
        assert body["count"] is None
        ids += [row["id"] for row in body["results"]]
    assert ids == [c.pk for c in sorted(made, key=lambda c: (c.created_at, c.pk))]


@pytest.mark.parametrize("roots", [3, 30])
def test_a_page_by_cursor_does_the_same_queries_at_any_depth(roots, client, django_assert_max_num_queries):
    proposal, made = thread(roots)
    ordered = sorted(made, key=lambda c: (c.created_at, c.pk))
    cursor = f"{ordered[-3].created_at.isoformat()}~{ordered[-3].pk}"
    with django_assert_max_num_queries(5):
        body = client.get(address(proposal, cursor)).json()
    assert [row["id"] for row in body["results"]] == [c.pk for c in ordered[-2:]]


def test_a_bad_cursor_is_refused(client):
    proposal, _made = thread(1)
    assert client.get(address(proposal, "x")).status_code == 400

"""The proposal list at any length: numbered pages in a bounded window (no exact count of the whole
list: « more than N »), then page after page by keyset links, in the orders that have one; and the
proposal's text stored rendered once."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from consultations.text import render_markdown
from participation.proposals import services
from participation.proposals.models import Proposal

from .factories import ProposalFactory

pytestmark = pytest.mark.django_db

SIZE, WINDOW = 2, 3  # a window of 3 pages of 2 proposals: « more than 6 » past it


@pytest.fixture(autouse=True)
def small_window(settings):
    settings.PARTICIPATION = {**getattr(settings, "PARTICIPATION", {}), "PROPOSALS_PAGE_SIZE": SIZE,
                              "PROPOSALS_PAGE_WINDOW": WINDOW}


def proposals(count):
    now = timezone.now()
    made = [ProposalFactory(title=f"Proposition {n:02d}", support_count=n % 4) for n in range(count)]
    for n, proposal in enumerate(made):
        # Two share each date: the keyset must break ties by id.
        Proposal.objects.filter(pk=proposal.pk).update(created_at=now - timedelta(minutes=n // 2))
    return made


def titles(html):
    return re.findall(r"Proposition \d\d", html)


def next_link(html):
    found = re.search(r'href="\?([^"]*apres=[^"]*)" rel="next"', html)
    return found and found.group(1).replace("&amp;", "&")


@pytest.mark.parametrize("count", [5, 30])
def test_a_list_page_does_the_same_queries_at_any_length(count, client_for, citizen, django_assert_max_num_queries):
    proposals(count)
    client = client_for(citizen)
    with django_assert_max_num_queries(12):
        client.get("/propositions/?page=3")
    page_three = client.get("/propositions/?page=3").content.decode()
    cursor = next_link(page_three)
    if count > SIZE * WINDOW:
        with django_assert_max_num_queries(12):
            client.get(f"/propositions/?{cursor}")


def test_a_short_list_is_counted_exactly(client):
    proposals(5)
    html = client.get("/propositions/").content.decode()
    assert "5 propositions" in html and "Plus de" not in html


@pytest.mark.parametrize("order", ["newest", "supports", "comments"])
def test_past_the_window_the_keyset_links_walk_every_proposal_once(client, order):
    made = proposals(15)
    html = client.get(f"/propositions/?order={order}&page={WINDOW}").content.decode()
    assert "Plus de 6 propositions" in html
    seen = titles(client.get(f"/propositions/?order={order}").content.decode())
    for number in range(2, WINDOW + 1):
        seen += titles(client.get(f"/propositions/?order={order}&page={number}").content.decode())
    link = next_link(html)
    while link:
        assert f"order={order}" in link
        page = client.get(f"/propositions/?{link}").content.decode()
        assert "Autres propositions" in page and "Première page" in page
        seen += titles(page)
        link = next_link(page)
    assert sorted(seen) == sorted(p.title for p in made) and len(seen) == len(set(seen))
    expected = {"newest": ["-created_at", "-pk"], "supports": ["-support_count", "-pk"], "comments": ["-comment_count", "-pk"]}
    assert seen == list(Proposal.objects.order_by(*expected[order]).values_list("title", flat=True))


def test_the_random_order_stays_in_its_window(client):
    proposals(15)
    html = client.get(f"/propositions/?order=random&page={WINDOW}").content.decode()
    assert "Plus de 6 propositions" in html and next_link(html) is None


def test_a_forged_cursor_is_not_found(client):
    proposals(3)
    assert client.get("/propositions/?apres=demain~1").status_code == 404
    assert client.get("/propositions/?apres=2026-01-01T00:00:00~x").status_code == 404


def test_the_body_and_the_answer_are_stored_rendered(citizen, staff):
    proposal = services.create_proposal(citizen, title="Un jardin", body="Des **légumes** <script>x</script>")
    assert proposal.body_html == str(render_markdown(proposal.body)) and "<script" not in proposal.body_html
    services.edit_proposal(citizen, proposal, title="Un jardin", body="Des *fleurs*")
    assert Proposal.objects.get(pk=proposal.pk).body_html == "<p>Des <em>fleurs</em></p>\n"
    services.answer_proposal(staff, proposal, state="accepted", text="Oui, **en mai**.")
    assert Proposal.objects.get(pk=proposal.pk).answer_html == "<p>Oui, <strong>en mai</strong>.</p>\n"


def test_the_api_counts_exactly_below_its_limit_and_estimates_past_it(client, monkeypatch):
    from django.db import connection

    from consultations.pagination import EstimatedCountPaginator

    proposals(8)
    monkeypatch.setattr(EstimatedCountPaginator, "limit", 3)
    count = client.get("/api/proposals/").json()["count"]
    if connection.vendor != "postgresql":
        assert count == 8  # the embedded mode counts exactly
        return
    # The planner's estimate, at least what was counted: never below the rows that were seen.
    assert count >= 4


def test_the_api_count_is_exact_below_the_limit(client):
    proposals(7)
    assert client.get("/api/proposals/").json()["count"] == 7

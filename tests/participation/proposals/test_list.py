import pytest
from django.db import connection
from django.urls import reverse

from consultations.models import StepKind
from participation.proposals.models import ProposalState
from tests.factories import TerritoryFactory, ThemeFactory, UserFactory
from tests.participation.councils.factories import CouncilFactory

from .factories import ProposalFactory, comment_on, consultation_with_step, support

LIST = reverse("proposals:list")
pytestmark = pytest.mark.django_db


def titles(response):
    return [proposal.title for proposal in response.context["page"].object_list]


def test_filters_by_consultation_theme_territory_state_and_council(client):
    consultation = consultation_with_step(StepKind.PROPOSALS)
    theme = ThemeFactory(slug="cadre-de-vie", name="Cadre de vie")
    territory = TerritoryFactory(slug="chartres-les-clos")
    council = CouncilFactory(slug="conseil-des-clos")
    ProposalFactory(title="Dans la consultation", consultation=consultation, support_threshold=None)
    ProposalFactory(title="Avec un thème", theme=theme)
    ProposalFactory(title="Aux Clos", territory=territory)
    ProposalFactory(title="Acceptée", state=ProposalState.ACCEPTED, answer="Oui", answered_at="2026-01-01T10:00Z")
    ProposalFactory(title="Du conseil", council=council)
    assert titles(client.get(LIST, {"consultation": consultation.slug})) == ["Dans la consultation"]
    assert titles(client.get(LIST, {"theme": "cadre-de-vie"})) == ["Avec un thème"]
    assert titles(client.get(LIST, {"territory": "chartres-les-clos"})) == ["Aux Clos"]
    assert titles(client.get(LIST, {"state": "accepted"})) == ["Acceptée"]
    assert titles(client.get(LIST, {"council": "conseil-des-clos"})) == ["Du conseil"]
    assert "Dans la consultation" not in titles(client.get(LIST, {"initiatives": "true"}))


def test_orders_by_supports_comments_and_newest(client):
    quiet, supported, discussed = (ProposalFactory(title=t) for t in ("Calme", "Soutenue", "Discutée"))
    for _ in range(3):
        support(supported, UserFactory())
    comment_on(discussed)
    assert titles(client.get(LIST, {"order": "supports"}))[0] == "Soutenue"
    assert titles(client.get(LIST, {"order": "comments"}))[0] == "Discutée"
    assert titles(client.get(LIST))[0] == "Discutée"  # newest first


def test_random_order_is_stable_for_one_visitor_and_differs_between_visitors(client_for):
    for n in range(30):
        ProposalFactory(title=f"Proposition {n:02d}")
    first_visitor = client_for(None)
    first = titles(first_visitor.get(LIST, {"order": "random"}))
    assert titles(first_visitor.get(LIST, {"order": "random"})) == first
    orders = {tuple(titles(client_for(None).get(LIST, {"order": "random"}))) for _ in range(4)}
    assert len(orders | {tuple(first)}) > 1
    assert sorted(first) != first or len(orders) > 1


def test_plain_search_finds_words_in_title_and_body(client):
    ProposalFactory(title="Un jardin partagé", body="Au pied des immeubles")
    ProposalFactory(title="Des bancs", body="Sur la place")
    assert titles(client.get(LIST, {"q": "jardin"})) == ["Un jardin partagé"]
    assert titles(client.get(LIST, {"q": "place"})) == ["Des bancs"]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="French full-text search needs PostgreSQL")
def test_french_search_ignores_accents_and_inflections(client):
    ProposalFactory(title="Créer des jardins partagés", body="Pour les écoles du quartier")
    ProposalFactory(title="Des bancs", body="Sur la place")
    assert titles(client.get(LIST, {"q": "jardin partage"})) == ["Créer des jardins partagés"]
    assert titles(client.get(LIST, {"q": "ECOLE"})) == ["Créer des jardins partagés"]


def test_list_paginates(client, settings):
    settings.PARTICIPATION = {**settings.PARTICIPATION, "PROPOSALS_PAGE_SIZE": 5}
    for n in range(7):
        ProposalFactory()
    response = client.get(LIST, {"page": 2})
    assert len(titles(response)) == 2
    assert "Page 2 sur 2" in response.content.decode()


def make_rows(count):
    council = CouncilFactory()
    theme = ThemeFactory()
    for n in range(count):
        proposal = ProposalFactory(council=council if n % 2 else None, theme=theme, territory=TerritoryFactory())
        support(proposal, UserFactory())


@pytest.mark.parametrize("size", [3, 15])
def test_the_list_page_does_a_constant_number_of_queries(size, client_for, citizen, django_assert_max_num_queries):
    make_rows(size)
    client = client_for(citizen)
    with django_assert_max_num_queries(12):  # with the block check and the menu's roles
        response = client.get(LIST, {"order": "supports"})
    assert len(titles(response)) == size


@pytest.mark.parametrize("size", [3, 15])
def test_the_list_endpoint_does_a_constant_number_of_queries(size, client, django_assert_max_num_queries):
    make_rows(size)
    with django_assert_max_num_queries(2):
        response = client.get("/api/proposals/", {"order": "comments"})
    assert response.json()["count"] == size


"""Every list filter of every list page and API list refuses what it does not know, the same way.

The page keeps answering 200 and says why next to the list (``_filter_errors.html``); the API answers
400 naming the parameter. Never a silent default, never an empty list passed off as a result.
"""

import django_filters
import pytest
from django.urls import reverse

from consultations.filters import ConsultationApiFilter, ConsultationFilter, EventFilter, KnownValueFilter
from participation.moderation.filters import ActionFilter, CaseFilter
from participation.proposals.filters import ProposalFilter
from participation.surveys.filters import QuestionnaireFilter

from ..factories import ConsultationFactory, EventFactory, ThemeFactory

pytestmark = pytest.mark.django_db

UNKNOWN = "zz-inconnu"
REFUSED = f"Sélectionnez un choix valide. {UNKNOWN} n’en fait pas partie."

PAGES = [
    ("consultations:programme", EventFilter, "citizen"),
    ("consultations:consultation_list", ConsultationFilter, "citizen"),
    ("proposals:list", ProposalFilter, "citizen"),
    ("moderation:queue", CaseFilter, "moderator"),
    ("moderation:log", ActionFilter, "staff"),
]
APIS = [
    ("/api/events/", EventFilter, "citizen"),
    ("/api/consultations/", ConsultationApiFilter, "citizen"),
    ("/api/proposals/", ProposalFilter, "citizen"),
    ("/api/questionnaires/", QuestionnaireFilter, "citizen"),
    ("/api/moderation/cases/", CaseFilter, "moderator"),
    ("/api/moderation/log/", ActionFilter, "staff"),
]
CHOOSING = (django_filters.ChoiceFilter, django_filters.ModelChoiceFilter, KnownValueFilter)


def _choosing_filters(filterset):
    names = [name for name, f in filterset.base_filters.items() if isinstance(f, CHOOSING)]
    assert names, filterset
    return names


@pytest.fixture(autouse=True)
def _something_to_list():
    ConsultationFactory(theme=ThemeFactory())
    EventFactory()


@pytest.mark.parametrize(
    ("url_name", "param"),
    [(url, name) for url, filterset, _role in PAGES for name in _choosing_filters(filterset)],
)
def test_every_page_filter_says_an_unknown_choice_is_refused(url_name, param, user_for_role, client_for):
    role = next(role for url, _f, role in PAGES if url == url_name)
    response = client_for(user_for_role(role)).get(reverse(url_name), {param: UNKNOWN})
    assert response.status_code == 200
    assert REFUSED in response.text


@pytest.mark.parametrize(
    ("url", "param"),
    [(url, name) for url, filterset, _role in APIS for name in _choosing_filters(filterset)],
)
def test_every_api_filter_refuses_an_unknown_choice_with_a_400(url, param, user_for_role, api_for):
    role = next(role for u, _f, role in APIS if u == url)
    response = api_for(user_for_role(role)).get(url, {param: UNKNOWN})
    assert response.status_code == 400, response.content
    assert response.json()["errors"][param] == [REFUSED] and response.json()["code"] == "invalid"


def test_a_bogus_period_of_consultations_is_refused_and_the_default_shown_with_the_reason(client):
    response = client.get("/consultations/", {"period": "bogus"})
    assert "Sélectionnez un choix valide. bogus n’en fait pas partie." in response.text
    assert response.context["period"] == "open"


def test_an_unknown_theme_of_the_programme_says_so_like_an_unknown_kind(client):
    for param in ("theme", "kind"):
        response = client.get("/programme/", {param: "nope"})
        assert "Sélectionnez un choix valide. nope n’en fait pas partie." in response.text, param


def test_known_values_still_filter(client):
    event = EventFactory(theme=ThemeFactory(slug="emploi", name="Emploi"))
    page = client.get("/programme/", {"theme": event.theme.slug, "city": "chartres"})
    assert [e.pk for e in page.context["page"]] == [event.pk]
    assert 'class="message message-error"' not in page.text
    assert client.get("/api/events/", {"theme": event.theme.slug, "city": "en-ligne"}).json()["count"] == 0
    assert client.get(f"/api/events/{event.slug}/", {"period": "past"}).status_code == 200


def test_a_private_consultation_is_as_unknown_as_a_missing_one(api_for):
    from consultations.models import Visibility

    private = ConsultationFactory(visibility=Visibility.PRIVATE)
    response = api_for().get("/api/proposals/", {"consultation": private.slug})
    assert response.status_code == 400

"""The queue, blocks and log pages and endpoints: filters, and a constant number of queries."""

import pytest
from django.urls import reverse

from participation.moderation import services
from participation.moderation.models import ActionKind
from tests.factories import ConsultationFactory, EventFactory, UserFactory

from .helpers import KINDS, case_of, make_item, report_by_many, reported_case

pytestmark = pytest.mark.django_db


def queue_ids(client, **params):
    return {case.pk for case in client.get(reverse("moderation:queue"), params).context["page"].object_list}


def api_ids(client, **params):
    response = client.get("/api/moderation/cases/", params)
    assert response.status_code == 200, response.content
    return {row["id"] for row in response.json()["results"]}


@pytest.fixture
def queue(moderator):
    consultation = ConsultationFactory(slug="quartiers-2026")
    event = EventFactory(slug="journee-des-conseils")
    from tests.participation.proposals.factories import ProposalFactory
    from tests.participation.live.factories import MessageFactory, RoomFactory

    in_consultation = ProposalFactory(consultation=consultation, support_threshold=None)
    services.report(UserFactory(), "proposal", in_consultation.pk, "spam")
    on_event = make_item("comment", target=event)
    services.report(UserFactory(), "comment", on_event.pk, "abuse")
    live = MessageFactory(room=RoomFactory(event=event))
    report_by_many(live, 3, reason="off_topic")  # hidden automatically
    decided = make_item("council")
    services.hide(moderator, reported_case(decided), "Faux conseil")
    return {
        "consultation": case_of(in_consultation), "event": case_of(on_event), "live": case_of(live),
        "decided": case_of(decided),
    }


def test_filters_on_the_page_and_the_api(queue, moderator, client_for, api_for):
    page, api = client_for(moderator), api_for(moderator)
    every = {case.pk for case in queue.values()}
    open_cases = every - {queue["decided"].pk}
    assert queue_ids(page) == open_cases  # « À traiter » by default
    assert api_ids(api) == open_cases
    expectations = [
        ({"status": ""}, every),
        ({"status": "hidden"}, {queue["decided"].pk}),
        ({"status": "auto_hidden"}, {queue["live"].pk}),
        ({"status": "reported"}, {queue["consultation"].pk, queue["event"].pk}),
        ({"kind": "comment"}, {queue["event"].pk}),
        ({"kind": "live_message"}, {queue["live"].pk}),
        ({"consultation": "quartiers-2026"}, {queue["consultation"].pk}),
        ({"event": "journee-des-conseils"}, {queue["event"].pk, queue["live"].pk}),
        ({"reason": "abuse"}, {queue["event"].pk}),
        ({"reason": "off_topic"}, {queue["live"].pk}),
        ({"status": "", "kind": "council"}, {queue["decided"].pk}),
    ]
    for params, expected in expectations:
        assert queue_ids(page, **params) == expected, params
        assert api_ids(api, **params) == expected, params


@pytest.mark.parametrize("params", [{"event": "nulle-part"}, {"consultation": "nulle-part"}, {"kind": "recette"}])
def test_an_unknown_slug_is_refused_like_an_unknown_choice(params, queue, moderator, client_for, api_for):
    page = client_for(moderator).get(reverse("moderation:queue"), params)
    assert "Sélectionnez un choix valide. nulle-part n’en fait pas partie." in page.text or "recette" in params.values()
    assert 'class="message message-error"' in page.text
    response = api_for(moderator).get("/api/moderation/cases/", params)
    assert response.status_code == 400
    assert next(iter(params)) in response.json()["errors"]


@pytest.mark.parametrize("params", [{"status": "n'importe"}, {"kind": "recette"}, {"reason": "x"}, {"page": "abc"},
                                    {"page": "999"}, {"consultation": "'; drop table"}])
def test_bad_filter_values_do_not_break_the_page(params, queue, moderator, client_for, api_for):
    assert client_for(moderator).get(reverse("moderation:queue"), params).status_code == 200
    response = api_for(moderator).get("/api/moderation/cases/", params)
    assert response.status_code in (200, 400, 404)


@pytest.mark.parametrize("params", [{"action": "hide"}, {"kind": "council"}, {"action": "oops"}, {"kind": "?"}, {"page": "x"}])
def test_the_log_filters(params, queue, staff, client_for, api_for):
    page = client_for(staff).get(reverse("moderation:log"), params)
    assert page.status_code == 200
    response = api_for(staff).get("/api/moderation/log/", params)
    assert response.status_code in (200, 400, 404)
    if params in ({"action": "hide"}, {"kind": "council"}):
        lines = list(page.context["page"].object_list)
        assert lines and all(getattr(line, next(iter(params))) == next(iter(params.values())) for line in lines)
        assert {row[next(iter(params))] for row in response.json()["results"]} == set(params.values())


def test_the_log_shows_every_source(queue, staff, client_for):
    page = client_for(staff).get(reverse("moderation:log"))
    actions = [line.action for line in page.context["page"].object_list]
    assert actions.count(ActionKind.AUTO_HIDE) == 1 and actions.count(ActionKind.HIDE) == 1
    assert "Faux conseil" in page.text


def test_the_queue_shows_text_place_author_and_reports(queue, moderator, client_for):
    page = client_for(moderator).get(reverse("moderation:queue"), {"kind": "proposal"})
    case = queue["consultation"]
    assert case.excerpt.splitlines()[0] in page.text
    assert case.consultation.title in page.text
    assert case.author.display_name in page.text
    assert reverse("moderation:case", args=[case.pk]) in page.text


# Query counts: constant whatever the number of rows.


def fill(size, moderator):
    for n in range(size):
        kind = KINDS[n % len(KINDS)]
        item = make_item(kind)
        case = reported_case(item, 1)
        if n % 2:
            services.hide(moderator, case, f"Motif {n}")
        services.block(moderator, UserFactory(), f"Blocage {n}", days=7 if n % 2 else None)


@pytest.mark.parametrize("size", [2, 8])
def test_the_pages_do_a_constant_number_of_queries(size, staff, moderator, client_for, django_assert_max_num_queries):
    fill(size, moderator)
    client = client_for(staff)
    for url, params in [
        (reverse("moderation:queue"), {"status": ""}),
        (reverse("moderation:blocks"), {}),
        (reverse("moderation:log"), {}),
    ]:
        with django_assert_max_num_queries(12):
            response = client.get(url, params)
        assert response.status_code == 200
        assert len(response.context["page"].object_list) >= size


@pytest.mark.parametrize("size", [2, 8])
def test_the_api_does_a_constant_number_of_queries(size, staff, moderator, api_for, django_assert_max_num_queries):
    fill(size, moderator)
    client = api_for(staff)
    for url, params in [
        ("/api/moderation/cases/", {"status": ""}),
        ("/api/moderation/blocks/", {}),
        ("/api/moderation/log/", {}),
    ]:
        with django_assert_max_num_queries(4):
            response = client.get(url, params)
        assert response.status_code == 200
        assert len(response.json()["results"]) >= size


@pytest.mark.parametrize("size", [2, 8])
def test_the_case_page_does_a_constant_number_of_queries(size, moderator, client_for, django_assert_max_num_queries,
                                                        settings):
    settings.PARTICIPATION = {**settings.PARTICIPATION, "MODERATION_REPORT_THRESHOLD": 100}
    comment = make_item("comment")
    report_by_many(comment, size)
    case = case_of(comment)
    services.hide(moderator, case, "Motif")
    services.keep(moderator, case, "Finalement non")
    client = client_for(moderator)
    with django_assert_max_num_queries(14):
        response = client.get(case.get_absolute_url())
    assert len(response.context["reports"]) == size
    assert len(response.context["history"]) == 2

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from consultations.models import Registration, RegistrationStatus

from ..factories import EventFactory, EventResourceFactory, PartnerFactory, ThemeFactory

pytestmark = pytest.mark.django_db


def _in(days, hours=2, city="Orléans"):
    start = timezone.now() + timedelta(days=days)
    return (start, start + timedelta(hours=hours), city)


def titles(response):
    return [event.title for event in response.context["page"].object_list]


def test_programme_lists_upcoming_first_and_hides_drafts_and_past(client):
    later = EventFactory(title="Plus tard", sessions=[_in(30)])
    sooner = EventFactory(title="Bientôt", sessions=[_in(3)])
    EventFactory(title="Brouillon", status="draft")
    EventFactory(title="Passé", sessions=[_in(-5)])
    response = client.get(reverse("consultations:programme"))
    assert response.status_code == 200
    assert titles(response) == [sooner.title, later.title]
    assert "Brouillon" not in response.text


def test_past_events_show_their_resources(client):
    event = EventFactory(title="Webinaire passé", sessions=[_in(-40)])
    EventResourceFactory(event=event, title="Synthèse du webinaire")
    response = client.get(reverse("consultations:programme"), {"period": "past"})
    assert titles(response) == ["Webinaire passé"]
    assert "1 ressource disponible" in response.text


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"theme": "transitions"}, ["Fresque du climat"]),
        ({"kind": "webinar"}, ["Webinaire emploi"]),
        ({"city": "en-ligne"}, ["Webinaire emploi"]),
        ({"city": "bourges"}, ["Fresque du climat"]),
        ({"q": "climat"}, ["Fresque du climat"]),
        ({"q": "dreets"}, ["Webinaire emploi"]),
    ],
)
def test_programme_filters(client, params, expected):
    transitions = ThemeFactory(slug="transitions", name="Transitions")
    EventFactory(title="Fresque du climat", kind="workshop", theme=transitions, sessions=[_in(5, city="Bourges")])
    webinar = EventFactory(title="Webinaire emploi", kind="webinar", sessions=[_in(6, city=None)])
    webinar.partners.add(PartnerFactory(name="DREETS Centre-Val de Loire"))
    response = client.get(reverse("consultations:programme"), params)
    assert titles(response) == expected


def test_month_filter_matches_any_session(client):
    start = timezone.now() + timedelta(days=400)
    EventFactory(title="Cycle", sessions=[_in(2), (start, start + timedelta(hours=1), "Tours")])
    month = start.strftime("%Y-%m")
    response = client.get(reverse("consultations:programme"), {"month": month})
    assert titles(response) == ["Cycle"]


def test_bad_month_gets_a_french_message_not_an_error(client):
    EventFactory()
    response = client.get(reverse("consultations:programme"), {"month": "mars"})
    assert response.status_code == 200
    assert "Saisissez un mois au format AAAA-MM" in response.text


@pytest.mark.parametrize("size", [3, 25])
def test_programme_query_count_does_not_grow(client, django_assert_max_num_queries, size):
    for index in range(size):
        event = EventFactory(sessions=[_in(index + 1), _in(index + 2)])
        event.partners.add(PartnerFactory())
        EventResourceFactory(event=event)
    with django_assert_max_num_queries(8):
        response = client.get(reverse("consultations:programme"))
    assert len(response.context["page"].object_list) == min(size, 20)


def test_event_page_shows_sessions_and_hides_the_online_link_from_visitors(client, citizen):
    event = EventFactory(sessions=[_in(5, city=None), _in(6, city="Blois")])
    response = client.get(event.get_absolute_url())
    assert response.status_code == 200
    assert "En ligne" in response.text
    assert "Blois" in response.text
    assert "visio.example.org" not in response.text
    Registration.objects.create(event=event, user=citizen, status=RegistrationStatus.CONFIRMED)
    client.force_login(citizen)
    assert "visio.example.org" in client.get(event.get_absolute_url()).text


def test_draft_event_page_is_not_found_for_citizens_but_visible_to_staff(client, citizen, staff):
    event = EventFactory(status="draft")
    client.force_login(citizen)
    assert client.get(event.get_absolute_url()).status_code == 404
    client.force_login(staff)
    assert client.get(event.get_absolute_url()).status_code == 200


def test_event_description_is_sanitised(client):
    event = EventFactory(description="<script>alert(1)</script> **gras** [x](javascript:alert(1))")
    html = client.get(event.get_absolute_url()).text
    assert "<script>alert(1)" not in html
    assert "<strong>gras</strong>" in html
    assert 'href="javascript' not in html


def test_register_and_cancel_through_the_page(client, citizen):
    event = EventFactory(capacity=5)
    client.force_login(citizen)
    response = client.post(reverse("consultations:register", args=[event.slug]), follow=True)
    assert "Vous êtes inscrit·e" in response.text
    assert event.registrations.get(user=citizen).status == RegistrationStatus.CONFIRMED

    mine = client.get(reverse("consultations:my_registrations"))
    assert event.title in mine.text

    response = client.post(
        reverse("consultations:cancel", args=[event.slug]), {"next": "my_registrations"}, follow=True
    )
    assert "Votre inscription a été annulée" in response.text
    assert event.title not in response.text.split("<main")[1]


def test_registering_twice_through_the_page_shows_a_message(client, citizen):
    event = EventFactory()
    client.force_login(citizen)
    url = reverse("consultations:register", args=[event.slug])
    client.post(url)
    response = client.post(url, follow=True)
    assert "déjà inscrit·e" in response.text
    assert event.registrations.count() == 1


def test_visitor_is_sent_to_login_to_register(client):
    event = EventFactory()
    response = client.post(reverse("consultations:register", args=[event.slug]))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]
    assert not Registration.objects.exists()


def test_register_needs_post(client, citizen):
    client.force_login(citizen)
    assert client.get(reverse("consultations:register", args=[EventFactory().slug])).status_code == 405


@pytest.mark.parametrize("size", [2, 15])
def test_my_registrations_query_count(client, citizen, django_assert_max_num_queries, size):
    for _ in range(size):
        Registration.objects.create(event=EventFactory(), user=citizen, status="confirmed")
    client.force_login(citizen)
    with django_assert_max_num_queries(9):
        response = client.get(reverse("consultations:my_registrations"))
    assert len(response.context["registrations"]) == size


def test_home_shows_the_next_rendez_vous(client):
    EventFactory(title="Prochaine journée régionale")
    response = client.get(reverse("home"))
    assert "Prochaine journée régionale" in response.text


def test_pagination_keeps_the_filters(client):
    for index in range(22):
        EventFactory(kind="workshop", sessions=[_in(index + 1)])
    response = client.get(reverse("consultations:programme"), {"kind": "workshop"})
    assert 'href="?kind=workshop&amp;page=2"' in response.text
    assert "Page 1 sur 2" in response.text
    second = client.get(reverse("consultations:programme"), {"kind": "workshop", "page": 2})
    assert len(second.context["page"].object_list) == 2

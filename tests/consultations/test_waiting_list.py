"""The waiting list moves in order whenever seats appear, and each person sees their place in it."""

import pytest
from django.core import mail

from consultations import services
from consultations.models import Registration, RegistrationStatus

from ..admin_forms import post_change_form
from ..factories import EventFactory, UserFactory

pytestmark = pytest.mark.django_db


def _statuses(event):
    return list(event.registrations.order_by("queued_at", "pk").values_list("user__display_name", "status"))


def _full_event_with_three_waiting(capacity=1):
    event = EventFactory(capacity=capacity)
    people = [UserFactory(display_name=name) for name in ("Awa", "Bruno", "Chloé", "Dounia")[: capacity + 3]]
    for person in people:
        services.register(event, person)
    return event, people


def test_raising_the_capacity_in_the_admin_seats_the_first_people_waiting_in_order(
    admin_client_2fa, django_capture_on_commit_callbacks
):
    event, _people = _full_event_with_three_waiting()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = post_change_form(admin_client_2fa, f"/admin/consultations/event/{event.pk}/change/", capacity="3")
    assert response.status_code == 302, response.context["errors"] if response.context else response
    assert _statuses(event) == [
        ("Awa", "confirmed"),
        ("Bruno", "confirmed"),
        ("Chloé", "confirmed"),
        ("Dounia", "waiting"),
    ]
    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        event.registrations.filter(user__display_name__in=["Bruno", "Chloé"]).values_list("user__email", flat=True)
    )
    assert all("place" in message.subject.lower() for message in mail.outbox)
    assert all(message.attachments for message in mail.outbox)


def test_any_save_of_a_raised_capacity_moves_the_waiting_list():
    event, _people = _full_event_with_three_waiting()
    event.capacity = 2
    event.save()
    assert [status for _name, status in _statuses(event)] == ["confirmed", "confirmed", "waiting", "waiting"]
    event.capacity = None
    event.save()
    assert {status for _name, status in _statuses(event)} == {"confirmed"}


def test_a_newcomer_never_takes_a_seat_ahead_of_those_waiting():
    event, _people = _full_event_with_three_waiting()
    # A seat appears without going through the services (a bulk update, a data fix)...
    type(event).objects.filter(pk=event.pk).update(capacity=2)
    newcomer = UserFactory(display_name="Élise")
    registration = services.register(event, newcomer)
    # ... and the first person waiting gets it, not the newcomer.
    assert registration.status == RegistrationStatus.WAITING
    assert _statuses(event)[:2] == [("Awa", "confirmed"), ("Bruno", "confirmed")]


def test_a_registration_deleted_by_staff_frees_its_seat_for_the_first_waiting():
    event, people = _full_event_with_three_waiting()
    Registration.objects.get(event=event, user=people[0]).delete()
    assert _statuses(event) == [("Bruno", "confirmed"), ("Chloé", "waiting"), ("Dounia", "waiting")]


def test_each_person_waiting_knows_their_place():
    event, people = _full_event_with_three_waiting()
    positions = dict(
        Registration.objects.with_waiting_position().filter(event=event).values_list("user__display_name", "waiting_position")
    )
    assert positions == {"Awa": None, "Bruno": 1, "Chloé": 2, "Dounia": 3}
    services.cancel_registration(event, people[2])
    positions = dict(
        Registration.objects.with_waiting_position().filter(event=event).values_list("user__display_name", "waiting_position")
    )
    assert positions == {"Awa": None, "Bruno": 1, "Chloé": None, "Dounia": 2}


def test_the_event_page_and_my_registrations_show_the_place_on_the_waiting_list(client_for):
    event, people = _full_event_with_three_waiting()
    client = client_for(people[2])
    page = client.get(event.get_absolute_url()).text
    assert "Vous êtes 2ᵉ sur la liste d'attente." in page
    assert "Vous êtes 2ᵉ sur la liste d'attente." in client.get("/mes-inscriptions/").text
    first = client_for(people[1]).get(event.get_absolute_url()).text
    assert "Vous êtes en tête de la liste d'attente." in first


def test_the_api_gives_the_place_on_the_waiting_list(api_for):
    event, people = _full_event_with_three_waiting()
    (mine,) = api_for(people[3]).get("/api/me/registrations/").json()["results"]
    assert mine["status"] == "waiting"
    assert mine["waiting_position"] == 3
    newcomer = UserFactory()
    response = api_for(newcomer).post(f"/api/events/{event.slug}/register/")
    assert response.status_code == 201
    assert response.json()["waiting_position"] == 4
    seated = api_for(people[0]).get("/api/me/registrations/").json()["results"][0]
    assert seated["waiting_position"] is None


def test_my_registrations_query_count_does_not_grow_with_rows(client_for, django_assert_max_num_queries):
    person = UserFactory()
    for _ in range(2):
        event = EventFactory(capacity=1)
        services.register(event, UserFactory())
        services.register(event, person)
    client = client_for(person)
    client.get("/mes-inscriptions/")
    with django_assert_max_num_queries(8) as few:
        client.get("/mes-inscriptions/")
    for _ in range(5):
        event = EventFactory(capacity=1)
        services.register(event, UserFactory())
        services.register(event, person)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/mes-inscriptions/")


def test_a_full_event_without_a_waiting_list_says_it_is_full_and_offers_no_button(client_for):
    event = EventFactory(capacity=1, waiting_list=False)
    services.register(event, UserFactory())
    page = client_for(UserFactory()).get(event.get_absolute_url()).text
    assert "Cet événement est complet." in page
    assert "liste d'attente" not in page
    assert "S'inscrire" not in page
    visitor_page = client_for(None).get(event.get_absolute_url()).text
    assert "Connectez-vous pour vous inscrire" not in visitor_page

"""« A participé »: following an open room marks the person's registration, once."""

import pytest
from asgiref.sync import sync_to_async
from django.urls import reverse

from consultations.models import Registration, RegistrationStatus
from participation.live import attendance
from participation.live.models import RoomState

from .wsclient import LiveClient


@pytest.fixture(autouse=True)
def _forget():
    attendance._recorded.clear()
    yield
    attendance._recorded.clear()


def _register(room, user, status=RegistrationStatus.CONFIRMED):
    return Registration.objects.create(
        event=room.event, user=user, status=status,
        cancelled_at=None if status != RegistrationStatus.CANCELLED else room.event.created_at,
    )


@pytest.mark.asyncio
@pytest.mark.django_db(transaction=True)
async def test_a_connection_to_the_open_room_records_presence(room, citizen):
    registration = await sync_to_async(_register)(room, citizen)
    client = await LiveClient.open(room.event.slug, citizen)
    await client.close()
    await sync_to_async(registration.refresh_from_db)()
    assert registration.attended and registration.attended_at is not None


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["citizen", "council_member", "facilitator", "moderator", "staff"])
def test_following_the_room_without_javascript_is_being_present(client_for, user_for_role, room, role):
    user = user_for_role(role)
    registration = _register(room, user)
    client_for(user).get(reverse("live:room", args=[room.event.slug]))
    registration.refresh_from_db()
    assert registration.attended


@pytest.mark.django_db
def test_a_closed_room_a_cancelled_place_or_no_place_records_nothing(client_for, room, citizen, council_member):
    cancelled = _register(room, council_member, RegistrationStatus.CANCELLED)
    client_for(council_member).get(reverse("live:room", args=[room.event.slug]))
    cancelled.refresh_from_db()
    assert not cancelled.attended
    room.state = RoomState.CLOSED
    room.save()
    registration = _register(room, citizen)
    client_for(citizen).get(reverse("live:room", args=[room.event.slug]))
    registration.refresh_from_db()
    assert not registration.attended


@pytest.mark.django_db
def test_presence_is_recorded_once_then_costs_no_query(room, citizen, django_assert_num_queries):
    registration = _register(room, citizen)
    with django_assert_num_queries(2):
        attendance.attended(room, citizen.pk)
    first = Registration.objects.get(pk=registration.pk).attended_at
    with django_assert_num_queries(0):
        attendance.attended(room, citizen.pk)
    attendance._recorded.clear()
    with django_assert_num_queries(1):  # another process: one read, nothing written
        attendance.attended(room, citizen.pk)
    assert Registration.objects.get(pk=registration.pk).attended_at == first

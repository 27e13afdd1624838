"""Replays read together (``replays``) and the rights of a connection read once (``rules.room_rights``)."""

import asyncio
from datetime import timedelta

import pytest
from django.utils import timezone

from participation.live import replays, services
from participation.live import rules as live_rules
from participation.live.models import Sanction, SanctionKind


@pytest.fixture
def six_messages(room, facilitator):
    for number in range(1, 7):  # a facilitator: no pace
        services.post_message(room.pk, facilitator, f"Message {number}")
    return room


def seqs(page):
    return [item[0] for item in page.items]


def test_one_read_answers_nearby_starting_points(six_messages, settings, django_assert_max_num_queries):
    settings.PARTICIPATION = {**settings.PARTICIPATION, "LIVE": {**settings.PARTICIPATION["LIVE"], "REPLAY_LIMIT": 4}}
    # Two clusters: until=None (starting at 0, 2 and 4, within REPLAY_LIMIT of each other) and until=3.
    with django_assert_max_num_queries(2):
        pages = replays.read_pages(six_messages.pk, [(0, None), (2, None), (4, None), (0, 3)])
    assert [seqs(page) for page in pages] == [[1, 2, 3, 4], [3, 4, 5, 6], [5, 6], [1, 2, 3]]
    assert [page.complete for page in pages] == [False, True, True, True]
    # The same event is the same encoded text for everyone, encoded once.
    assert pages[0].items[2] is pages[1].items[0]
    assert '"body": "Message 3"' in pages[0].items[2][3]


def test_a_read_cut_by_its_limit_leaves_every_request_a_full_page_to_go_on_from(six_messages, settings):
    settings.PARTICIPATION = {**settings.PARTICIPATION, "LIVE": {**settings.PARTICIPATION["LIVE"], "REPLAY_LIMIT": 2}}
    pages = replays.read_pages(six_messages.pk, [(0, None), (1, None)])
    assert [seqs(page) for page in pages] == [[1, 2], [2, 3]]
    assert not any(page.complete for page in pages)


def test_starting_points_far_apart_are_read_apart():
    assert replays.clusters([(0, None), (900, None), (10, None), (5, 7)], 500) == [
        (None, 0, [0, 2]), (None, 900, [1]), (7, 5, [3]),
    ]


@pytest.mark.django_db(transaction=True)
@pytest.mark.asyncio
async def test_requests_made_during_a_read_wait_for_the_next_one(room, citizen):
    await asyncio.to_thread(services.post_message, room.pk, citizen, "Avant")
    room_replays = replays.RoomReplays(room.pk)
    first = room_replays.page(0)
    second = room_replays.page(0)  # before the read started: answered by the same one
    assert [item[0] for item in (await first).items] == [1]
    assert (await second).items == (await first).items
    await asyncio.to_thread(services.post_message, room.pk, citizen, "Après")
    # Asked once the first read has answered: a new read, never the older one reused. (Saving while a
    # read runs is left out: SQLite's shared in-memory test database locks the table across threads.)
    assert [item[0] for item in (await room_replays.page(0)).items] == [1, 2]


@pytest.mark.parametrize("who", ["visitor", "citizen", "facilitator", "moderator", "staff", "muted", "banned", "unverified_user"])
def test_room_rights_are_the_predicates_each_read_once(room, who, request, django_assert_max_num_queries):
    from django.contrib.auth.models import AnonymousUser

    if who == "visitor":
        user = AnonymousUser()
    elif who in ("muted", "banned"):
        user = request.getfixturevalue("citizen")
        kind = SanctionKind.MUTE if who == "muted" else SanctionKind.BAN
        Sanction.objects.create(room=room, user=user, kind=kind, until=timezone.now() + timedelta(minutes=5))
    else:
        user = request.getfixturevalue(who)
    expected = {
        name: bool(getattr(live_rules, name)(user, room))
        for name in ("can_follow", "can_write", "can_vote", "can_facilitate", "can_hide")
    }
    with django_assert_max_num_queries(6):
        assert live_rules.room_rights(user, room) == expected

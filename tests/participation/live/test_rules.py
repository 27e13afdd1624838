"""Who may do what in a live room, role by role."""

import pytest

from participation.live import rules as live_rules

from .factories import RoomFactory

ROLES = ["visitor", "citizen", "council_member", "facilitator", "moderator", "staff"]
# role -> (follow, write, vote, facilitate, hide) in an open public room whose facilitator is "facilitator".
EXPECTED = {
    "visitor": (True, False, False, False, False),
    "citizen": (True, True, True, False, False),
    "council_member": (True, True, True, False, False),
    "facilitator": (True, True, True, True, True),
    "moderator": (True, True, True, False, True),
    "staff": (True, True, True, True, True),
}


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_rights_in_an_open_room(role, user_for_role, room):
    from django.contrib.auth.models import AnonymousUser

    user = user_for_role(role) or AnonymousUser()
    got = tuple(
        bool(predicate(user, room))
        for predicate in (
            live_rules.can_follow,
            live_rules.can_write,
            live_rules.can_vote,
            live_rules.can_facilitate,
            live_rules.can_hide,
        )
    )
    assert got == EXPECTED[role]
    assert user.has_perm("live.write_in_room", room) is EXPECTED[role][1]


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_private_room_is_followed_by_signed_in_people_and_the_facilitator_of_another_event_does_not_facilitate(
    role, user_for_role
):
    from django.contrib.auth.models import AnonymousUser

    room = RoomFactory(is_public=False)
    user = user_for_role(role) or AnonymousUser()
    assert bool(live_rules.can_follow(user, room)) is (role != "visitor")
    assert bool(live_rules.can_facilitate(user, room)) is (role == "staff")


@pytest.mark.django_db
def test_nobody_writes_in_a_closed_room_or_a_draft_event(citizen, facilitator):
    closed = RoomFactory(state="closed")
    draft = RoomFactory(event__status="draft")
    assert not live_rules.can_write(citizen, closed)
    assert not live_rules.can_follow(citizen, draft)


# role -> (run polls, answer polls) in an open public room, then in a closed one.
POLL_RIGHTS = {
    "visitor": ((False, False), (False, False)),
    "citizen": ((False, True), (False, False)),
    "council_member": ((False, True), (False, False)),
    "facilitator": ((True, True), (True, False)),
    "moderator": ((False, True), (False, False)),
    "staff": ((True, True), (True, False)),
}


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_who_runs_and_answers_polls(role, user_for_role, room):
    from django.contrib.auth.models import AnonymousUser

    from participation.live.models import RoomState

    user = user_for_role(role) or AnonymousUser()
    open_rights, closed_rights = POLL_RIGHTS[role]
    assert (bool(live_rules.can_run_polls(user, room)), bool(live_rules.can_answer_polls(user, room))) == open_rights
    assert user.has_perm("live.answer_polls", room) is open_rights[1]
    room.state = RoomState.CLOSED
    room.save()
    assert (bool(live_rules.can_run_polls(user, room)), bool(live_rules.can_answer_polls(user, room))) == closed_rights

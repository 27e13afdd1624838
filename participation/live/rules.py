"""Who may do what in a live room: one predicate per question."""

import rules
from django.utils import timezone

from consultations.rules import is_citizen, is_event_facilitator, is_moderator, is_published_event, is_staff_member

from .models import Sanction, SanctionKind


# A connection's rights are five predicates sharing their atoms (the person's facilitation of the
# event, citizenship, sanctions): evaluated one by one they read each atom several times, about ten
# queries, and a hundred clients reconnecting at once read them all. ``room_rights`` reads each once.
_MEMO = "_live_rights_memo"


def _once(user, name, read):
    memo = user.__dict__.get(_MEMO)
    if memo is None:
        return read()
    if name not in memo:
        memo[name] = read()
    return memo[name]


@rules.predicate
def is_room_facilitator(user, room):
    return room is not None and _once(user, "facilitates", lambda: is_event_facilitator(user, room.event))


@rules.predicate
def is_room_citizen(user):
    return _once(user, "citizen", lambda: is_citizen(user))


@rules.predicate
def is_public_room(user, room):
    return room is not None and room.is_public and is_published_event(user, room.event)


@rules.predicate
def is_open_room(user, room):
    return room is not None and room.is_open()


def _sanctioned(user, room, kinds):
    if not user.is_authenticated or room is None:
        return False
    # A batch of poll answers reads everyone's sanctions in the room at once (polls_services.answer_polls).
    read = user.__dict__.get("_live_sanctions")
    if read is not None and read[0] == room.pk:
        return not read[1].isdisjoint(kinds)
    return Sanction.objects.filter(room=room, user=user, kind__in=kinds, until__gt=timezone.now()).exists()


@rules.predicate
def is_banned(user, room):
    return _sanctioned(user, room, [SanctionKind.BAN])


@rules.predicate
def is_silenced(user, room):
    """Muted or banned: cannot write."""
    return _sanctioned(user, room, [SanctionKind.MUTE, SanctionKind.BAN])


@rules.predicate
def is_published_room(user, room):
    return room is not None and is_published_event(user, room.event)


can_facilitate = is_staff_member | is_room_facilitator
# A public room is followed by anyone; a room kept for participants by signed-in citizens.
can_follow = can_facilitate | is_public_room | (is_room_citizen & is_published_room)
can_write = is_room_citizen & is_published_room & is_open_room & ~is_silenced
can_vote = is_room_citizen & is_published_room & is_open_room & ~is_banned
can_hide = can_facilitate | is_moderator
# The summary after the session: drafted by those who ran it; staff edit and publish it (admin).
can_draft_summary = can_facilitate

rules.add_perm("live.follow_room", can_follow)
rules.add_perm("live.write_in_room", can_write)
rules.add_perm("live.vote_in_room", can_vote)
rules.add_perm("live.facilitate_room", can_facilitate)
rules.add_perm("live.hide_in_room", can_hide)
rules.add_perm("live.draft_summary", can_draft_summary)

# Polls: facilitators prepare, launch, close and reveal them; whoever may post in the room answers.
can_run_polls = can_facilitate
can_answer_polls = can_write
rules.add_perm("live.run_polls", can_run_polls)
rules.add_perm("live.answer_polls", can_answer_polls)


def room_rights(user, room):
    """``{"can_follow", "can_write", "can_vote", "can_facilitate", "can_hide"}`` of ``user`` in ``room``,
    as the predicates above say, each of their database reads made once (the sanctions in one query)."""
    previous = user.__dict__.get("_live_sanctions")
    if user.is_authenticated:
        kinds = Sanction.objects.filter(room=room, user=user, until__gt=timezone.now()).values_list("kind", flat=True)
        user.__dict__["_live_sanctions"] = (room.pk, frozenset(kinds))
    user.__dict__[_MEMO] = {}
    try:
        return {
            "can_follow": bool(can_follow(user, room)),
            "can_write": bool(can_write(user, room)),
            "can_vote": bool(can_vote(user, room)),
            "can_facilitate": bool(can_facilitate(user, room)),
            "can_hide": bool(can_hide(user, room)),
        }
    finally:
        user.__dict__.pop(_MEMO, None)
        user.__dict__.pop("_live_sanctions", None)
        if previous is not None:
            user.__dict__["_live_sanctions"] = previous

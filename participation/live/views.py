"""Pages of a live room: the room itself (history readable without JavaScript), projection, transcript."""

import logging

from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from . import queries
from . import rules as live_rules
from .conf import live_setting
from .fanout import presence_key

HISTORY_LENGTH = 200
logger = logging.getLogger(__name__)


def _script_strings():
    """The sentences the ES module shows, translated here: the module has no catalogue."""
    return {
        "online": _("Connected: new messages appear live."),
        "offline": _("Offline: reconnecting…"),
        "connecting": _("Connecting…"),
        "forbidden": _("You cannot follow this room."),
        "open": _("Open"),
        "closed": _("Closed"),
        "presence_one": _("1 person connected"),
        "presence_many": _("%(count)s people connected"),
        "slow": _("Slow mode: %(count)s seconds between messages"),
        "votes_one": _("1 vote"),
        "votes_many": _("%(count)s votes"),
        "vote": _("Upvote"),
        "voted": _("Upvoted"),
        "answered": _("Answered"),
        "pending": _("Awaiting approval"),
        "approve": _("Approve"),
        "hide": _("Hide"),
        "report": _("Report"),
        "answer": _("Mark answered"),
        "pin": _("Pin"),
        "project": _("Show on screen"),
        "mute": _("Mute 10 min"),
        "ban": _("Ban 1 h"),
        "sanctioned_mute": _("%(name)s is muted until %(until)s."),
        "sanctioned_ban": _("%(name)s is banned until %(until)s."),
        "you_muted": _("You are muted until %(until)s."),
        "you_banned": _("You are banned from this room until %(until)s."),
        "no_projection": _("No question on screen yet."),
        "log_by": _("%(action)s by %(name)s"),
        "kinds": {
            "message.created": _("message sent"),
            "message.approved": _("message approved"),
            "message.hidden": _("message hidden"),
            "question.created": _("question asked"),
            "question.voted": _("question upvoted"),
            "question.answered": _("question marked answered"),
            "question.hidden": _("question hidden"),
            "question.pinned": _("question pinned"),
            "question.projected": _("question projected"),
            "room.updated": _("room settings changed"),
            "user.sanctioned": _("participant muted or banned"),
        },
    }


def _room_for(request, slug):
    room = get_object_or_404(queries.rooms(), event__slug=slug)
    if not live_rules.can_follow(request.user, room):
        raise PermissionDenied
    return room


def room(request, slug):
    room = _room_for(request, slug)
    user = request.user
    # Read the sequence number first: anything newer than the history comes in the resume.
    last_seq = room.last_seq
    can_facilitate = live_rules.can_facilitate(user, room)
    context = {
        "room": room,
        "event": room.event,
        "last_seq": last_seq,
        # Not "messages": the site's base template shows Django's flash messages under that name.
        "history": queries.latest_visible_messages(room, HISTORY_LENGTH),
        "questions": queries.visible_questions(room),
        "pending": queries.pending_messages(room) if can_facilitate else [],
        "is_open": room.is_open(),
        "can_write": live_rules.can_write(user, room),
        "can_vote": live_rules.can_vote(user, room),
        "can_facilitate": can_facilitate,
        "can_hide": live_rules.can_hide(user, room),
        "presence": _last_known_presence(room),
        "max_length": live_setting("MAX_LENGTH"),
        "i18n": _script_strings(),
    }
    return render(request, "live/room.html", context)


def _last_known_presence(room):
    """The count the room's processes last announced; the websocket's hello gives the exact one."""
    try:
        return cache.get(presence_key(room.pk), 0)
    except Exception:
        # The cache (Redis) is down: the page still shows the room, the websocket says it is unavailable.
        logger.warning("Live room %s: presence unknown", room.pk, exc_info=True)
        return 0


def projection(request, slug):
    room = _room_for(request, slug)
    context = {"room": room, "event": room.event, "question": room.projected_question, "i18n": _script_strings()}
    return render(request, "live/projection.html", context)


def transcript(request, slug):
    room = _room_for(request, slug)
    context = {
        "room": room,
        "event": room.event,
        "history": queries.visible_messages(room),
        "questions": queries.answered_questions(room),
    }
    return render(request, "live/transcript.html", context)

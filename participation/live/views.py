"""Pages of a live room: the room itself (readable and usable without JavaScript), projection, transcript.

Without JavaScript the room's forms post to the room's page, which performs the action through the
same service as the websocket (same rules, same limits), then redirects back to the room (PRG), or
shows the page again with the refusal next to the form and the text kept.
"""

import logging
import uuid

from django.contrib import messages
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from consultations import recaps
from consultations.identity import public_name
from consultations.moderation import Reason
from consultations.plugins import optional_reverse
from consultations.streams import session_stream

from . import attendance, polls_services, queries, screen, services
from . import rules as live_rules
from .conf import live_setting
from .fanout import presence_key
from .forms import PollAnswerForm, SendForm, VoteForm

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
        "tabs": _("Discussion and questions"),
        "unread": _("(%(count)s new)"),
        "vote": _("Upvote"),
        "voted": _("Upvoted"),
        "answered": _("Answered"),
        "pending": _("Awaiting approval"),
        "approve": _("Approve"),
        "actions": _("Actions"),
        "actions_of": _("about what %(name)s wrote"),
        "hide_with_reason": _("Hide…"),
        "reason": _("Reason"),
        "reasons": [[value, str(label)] for value, label in Reason.choices],
        "note": _("Note for the author (optional)"),
        "cancel": _("Cancel"),
        "restore": _("Restore"),
        "unpin": _("Unpin"),
        "open_room": _("Open the room"),
        "close_room": _("Close the room"),
        "you_hidden_message": _("A facilitator hid your message (%(reason)s)."),
        "you_hidden_question": _("A facilitator hid your question (%(reason)s)."),
        "their_note": _("Their note: %(note)s"),
        "log_reason": _("reason given to %(name)s: %(reason)s"),
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
        "poll_answers_one": _("1 answer"),
        "poll_answers_many": _("%(count)s answers"),
        "poll_hidden": _("Results will be shown by the facilitators."),
        "poll_open": _("Poll open"),
        "poll_closed": _("Poll closed"),
        "poll_mean": _("Average: %(mean)s out of 5"),
        "poll_count": _("%(count)s (%(percent)s %%)"),
        "poll_word": _("%(word)s: %(count)s"),
        "poll_answer": _("Answer the poll"),
        "poll_change": _("Change my answer"),
        "poll_saved": _("Your answer is saved; you can change it while the poll is open."),
        "poll_launch": _("Launch"),
        "poll_close": _("Close the poll"),
        "poll_reveal": _("Reveal the results"),
        "poll_legends": {
            "single": _("Choose one answer"), "multiple": _("Choose one or more answers"),
            "scale": _("From 1 (not at all) to 5 (completely)"), "words": "",
        },
        "poll_kinds": {"single": _("Single choice"), "multiple": _("Multiple choice"), "scale": _("Scale from 1 to 5"), "words": _("Word cloud")},
        "log_by": _("%(action)s by %(name)s"),
        "kinds": {
            "message.created": _("message sent"),
            "message.approved": _("message approved"),
            "message.hidden": _("message hidden"),
            "message.restored": _("message restored"),
            "question.restored": _("question restored"),
            "question.created": _("question asked"),
            "question.voted": _("question upvoted"),
            "question.answered": _("question marked answered"),
            "question.hidden": _("question hidden"),
            "question.pinned": _("question pinned"),
            "question.projected": _("question projected"),
            "room.updated": _("room settings changed"),
            "user.sanctioned": _("participant muted or banned"),
            "poll.created": _("poll prepared"),
            "poll.opened": _("poll launched"),
            "poll.closed": _("poll closed"),
            "poll.revealed": _("poll results revealed"),
        },
    }


def _room_for(request, slug):
    room = get_object_or_404(queries.rooms(), event__slug=slug)
    if not live_rules.can_follow(request.user, room):
        raise PermissionDenied
    return room


def _post_message(request, room, values):
    return services.post_message(
        room.pk, request.user, values["body"], client_id=values["client_id"], address=_address(request)
    )


def _ask_question(request, room, values):
    return services.ask_question(
        room.pk, request.user, values["body"], client_id=values["client_id"], address=_address(request)
    )


def _vote(request, room, values):
    # Every action of a participant counts against the address's pace, as a websocket frame does.
    if not live_rules.can_facilitate(request.user, room):
        services.check_address_pace(_address(request))
    return services.vote(room.pk, request.user, values["question"])


def _answer_poll(request, room, values):
    if not live_rules.can_facilitate(request.user, room):
        services.check_address_pace(_address(request))
    return polls_services.answer_poll(
        room.pk, request.user, values["poll"], values["options"], values["scale"], values["text"]
    )


# The posted ``action`` (a websocket frame's type) -> the form it fills, its form's name on the page,
# the panel the page goes back to, and the action itself.
POSTED = {
    "message.send": (SendForm, "message", "live-discussion", _post_message),
    "question.ask": (SendForm, "question", "live-questions-panel", _ask_question),
    "question.vote": (VoteForm, "question", "live-questions-panel", _vote),
    "poll.answer": (PollAnswerForm, "poll", "live-poll", _answer_poll),
}
# Refusals that are a matter of pace: 429, with how long to wait.
PACE_CODES = {"rate_limited", "slow_mode"}


def _address(request):
    return request.META.get("REMOTE_ADDR", "")


@require_http_methods(["GET", "HEAD", "POST"])
def room(request, slug):
    room = _room_for(request, slug)
    if request.method == "POST":
        return _perform(request, room)
    return _render_room(request, room)


def _perform(request, room):
    form_class, name, panel, action = POSTED.get(request.POST.get("action"), (None, None, None, None))
    if form_class is None:
        return _render_room(request, room, errors={"page": _("Unknown action.")}, status=400)
    form = form_class(request.POST)
    if not form.is_valid():
        detail = next(iter(form.errors.values()))[0]
        return _render_room(request, room, errors={name: detail}, drafts={name: request.POST.get("body", "")}, status=400)
    try:
        action(request, room, form.cleaned_data)
    except services.Refused as refusal:
        response = _render_room(
            request, room, errors={name: refusal.message}, drafts={name: form.cleaned_data.get("body", "")},
            status=429 if refusal.code in PACE_CODES else 400,
        )
        if refusal.retry_after:
            response["Retry-After"] = str(refusal.retry_after)
        return response
    return redirect(reverse("live:room", args=[room.event.slug]) + f"#{panel}")


def _render_room(request, room, errors=None, drafts=None, status=200):
    user = request.user
    # Read the sequence number first: anything newer than the history comes in the resume.
    last_seq = room.last_seq
    can_facilitate = live_rules.can_facilitate(user, room)
    poll, poll_data, poll_answer = polls_services.current_poll_view(room, user, can_facilitate)
    context = {
        "room": room,
        "event": room.event,
        "last_seq": last_seq,
        # Not "messages": the site's base template shows Django's flash messages under that name.
        "history": queries.latest_messages_for(room, user, HISTORY_LENGTH),
        "questions": queries.visible_questions(room),
        "voted": queries.voted_question_ids(room, user),
        "pending": queries.pending_messages(room) if can_facilitate else [],
        "is_open": room.is_open(),
        "can_write": live_rules.can_write(user, room),
        "can_vote": live_rules.can_vote(user, room),
        "can_facilitate": can_facilitate,
        "can_hide": live_rules.can_hide(user, room),
        "poll": poll,
        "poll_data": poll_data,
        "poll_answer": poll_answer or {},
        "can_answer_poll": poll is not None and poll.state == "open" and live_rules.can_answer_polls(user, room),
        "prepared_polls": queries.prepared_polls(room) if can_facilitate else [],
        "presence": _last_known_presence(room),
        "max_length": live_setting("MAX_LENGTH"),
        "errors": errors or {},
        "drafts": drafts or {},
        # A new key per rendering: this form posted twice is saved once.
        "message_key": uuid.uuid4(),
        "question_key": uuid.uuid4(),
        "i18n": _script_strings(),
    }
    context["session"], context["stream"] = session_stream(room.event.sessions.all(), timezone.now())
    # Following the room without JavaScript is being present too.
    attendance.attended(room, user.pk)
    return render(request, "live/room.html", context, status=status)


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
    _, poll_data, _ = polls_services.current_poll_view(room, request.user, False)
    address = screen.join_address(request, room)
    context = {
        "room": room,
        "poll_data": poll_data,
        "event": room.event,
        # The facilitator's choice: the question projected, else the one pinned.
        "question": room.projected_question or room.pinned_question,
        "featured": {"projected": _featured(room.projected_question), "pinned": _featured(room.pinned_question)},
        "short_address": screen.shown_address(address),
        "qr_svg": screen.qr_svg(address),
        "i18n": _script_strings(),
    }
    return render(request, "live/projection.html", context)


def _featured(question):
    """A question as the frames give it to the big screen (body and author's public name)."""
    if question is None:
        return None
    return {"id": question.pk, "body": question.body, "author": {"name": public_name(question.author)}}


def short(request, room_id):
    """The address the big screen shows: short enough to type from the back of a room."""
    room = get_object_or_404(queries.rooms(), pk=room_id)
    if not live_rules.can_follow(request.user, room):
        raise PermissionDenied
    return redirect("live:room", room.event.slug)


def transcript(request, slug):
    room = _room_for(request, slug)
    context = {
        "room": room,
        "event": room.event,
        "history": queries.visible_messages(room),
        "questions": queries.answered_questions(room),
        "can_draft_summary": live_rules.can_draft_summary(request.user, room),
        "polls": queries.transcript_polls(room),
    }
    return render(request, "live/transcript.html", context)


@require_http_methods(["POST"])
def draft_summary(request, slug):
    """One click after the session: a draft summary for the event page, that staff then edit and publish."""
    room = _room_for(request, slug)
    if not live_rules.can_draft_summary(request.user, room):
        raise PermissionDenied
    recaps.draft_recap(room.event_id)
    messages.success(
        request, _("A draft summary is ready: staff read it, edit it and publish it on the event page."),
        fail_silently=True,
    )
    # Staff edit it in the event's admin, where the host has one; everyone else is back on the transcript.
    editor = optional_reverse("admin:consultations_event_change", room.event_id) if request.user.is_staff else ""
    if editor:
        return redirect(editor + "#id_recap")
    return redirect(reverse("live:transcript", args=[room.event.slug]))

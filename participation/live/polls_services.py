"""Live polls: prepare, launch, answer, close, reveal. One function each, in one transaction.

Launching, closing and revealing are room events (numbered, saved, replayed). An answer is not: a
thousand answers must not become a thousand events per client. It marks the poll as changed for
every process of the room (one channel-layer message, after the commit); each process's hub then
sends its clients at most one ``poll.results`` frame per poll every ``POLL_FLUSH_INTERVAL``.
"""

import logging
from collections import defaultdict

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from consultations.validators import SINGLE_LINE

from . import rules as live_rules
from .checks import Refused, refuse_if_blocked
from .models import (
    SCALE_MAX,
    SCALE_MIN,
    WORDS_MAX_LENGTH,
    EventKind,
    Poll,
    PollAnswer,
    PollKind,
    PollOption,
    PollState,
    Room,
    Sanction,
)
from .services import _append, _lock, _require

MAX_OPTIONS = 10
QUESTION_MAX_LENGTH = 300
OPTION_MAX_LENGTH = 200
logger = logging.getLogger(__name__)


def _poll(room, poll_id):
    try:
        return Poll.objects.select_for_update().get(room=room, pk=int(poll_id))
    except (Poll.DoesNotExist, TypeError, ValueError):
        raise Refused("not_found", _("This poll does not exist.")) from None


def _clean_question(question, kind, options):
    question = str(question or "").strip()
    if not question:
        raise Refused("empty", _("Write the poll's question."))
    if len(question) > QUESTION_MAX_LENGTH:
        raise Refused("too_long", _("The question is too long."))
    if kind not in PollKind.values:
        raise Refused("invalid", _("Unknown kind of poll."))
    labels = [str(label).strip() for label in options or () if str(label).strip()]
    if kind in (PollKind.SINGLE, PollKind.MULTIPLE):
        if not 2 <= len(labels) <= MAX_OPTIONS:
            raise Refused("invalid", _("Give between 2 and 10 choices."))
        if any(len(label) > OPTION_MAX_LENGTH for label in labels):
            raise Refused("too_long", _("A choice is too long."))
        try:
            for label in labels:
                SINGLE_LINE(label)
        except ValidationError as error:
            raise Refused("invalid", error.messages[0]) from None
    else:
        labels = []
    return question, labels


@transaction.atomic
def create_poll(room_id, user, kind, question, options=(), results_hidden=False, launch=False):
    """A poll prepared for the room (seen by its facilitators), or launched at once (``launch``)."""
    room = _lock(room_id)
    _require(live_rules.can_run_polls, user, room)
    question, labels = _clean_question(question, kind, options)
    position = Poll.objects.filter(room=room).count()
    poll = Poll.objects.create(
        room=room, kind=kind, question=question, results_hidden=bool(results_hidden), created_by=user,
        position=position,
    )
    PollOption.objects.bulk_create(PollOption(poll=poll, label=label, position=i) for i, label in enumerate(labels))
    _append(room, EventKind.POLL_CREATED, user, poll=poll)
    if launch:
        _launch(room, user, poll)
    return poll


def _launch(room, user, poll):
    for other in Poll.objects.select_for_update().filter(room=room, state=PollState.OPEN).exclude(pk=poll.pk):
        _close(room, user, other)
    poll.state = PollState.OPEN
    poll.opened_at = poll.opened_at or timezone.now()
    poll.closed_at = None
    poll.save(update_fields=["state", "opened_at", "closed_at"])
    room.current_poll = poll
    room.save(update_fields=["current_poll"])
    _append(room, EventKind.POLL_OPENED, user, poll=poll)


def _close(room, user, poll):
    poll.state = PollState.CLOSED
    poll.closed_at = timezone.now()
    poll.save(update_fields=["state", "closed_at"])
    _append(room, EventKind.POLL_CLOSED, user, poll=poll)


@transaction.atomic
def open_poll(room_id, user, poll_id):
    """Launch a prepared poll (or open a closed one again): it becomes the room's current poll; an
    open one is closed first, so the room has one poll open at a time."""
    room = _lock(room_id)
    _require(live_rules.can_run_polls, user, room)
    poll = _poll(room, poll_id)
    if poll.state == PollState.OPEN:
        raise Refused("invalid", _("This poll is already open."))
    _launch(room, user, poll)
    return poll


@transaction.atomic
def close_poll(room_id, user, poll_id):
    room = _lock(room_id)
    _require(live_rules.can_run_polls, user, room)
    poll = _poll(room, poll_id)
    if poll.state != PollState.OPEN:
        raise Refused("invalid", _("This poll is not open."))
    _close(room, user, poll)
    return poll


@transaction.atomic
def reveal_poll(room_id, user, poll_id):
    """Show a poll's results to everyone (they were kept for the facilitators)."""
    room = _lock(room_id)
    _require(live_rules.can_run_polls, user, room)
    poll = _poll(room, poll_id)
    if poll.state == PollState.DRAFT or poll.results_visible:
        raise Refused("invalid", _("These results are already shown or the poll has not started."))
    poll.revealed = True
    poll.save(update_fields=["revealed"])
    _append(room, EventKind.POLL_REVEALED, user, poll=poll)
    return poll


def _check_can_answer(room, user):
    if not user.is_authenticated:
        raise Refused("not_signed_in", _("Log in to take part."))
    if live_rules.can_answer_polls(user, room):
        return
    refuse_if_blocked(user)
    if not room.is_open():
        raise Refused("closed", _("The room is closed."))
    if live_rules.is_silenced(user, room):
        raise Refused("muted", _("You cannot answer polls in this room at the moment."))
    raise Refused("forbidden", _("You cannot answer polls in this room."))


def _clean_answer(poll, options, scale, text, poll_options=None):
    """``(option ids, scale, text)`` checked against the poll's kind (``poll_options``: the ids of the
    poll's options when the caller has read them already)."""
    if poll.kind == PollKind.SCALE:
        if isinstance(scale, bool) or not isinstance(scale, int) or not SCALE_MIN <= scale <= SCALE_MAX:
            raise Refused("invalid", _("Choose a value from 1 to 5."))
        return [], scale, ""
    if poll.kind == PollKind.WORDS:
        text = " ".join(str(text or "").split())
        if not text:
            raise Refused("empty", _("Write a few words."))
        if len(text) > WORDS_MAX_LENGTH:
            raise Refused("too_long", _("A few words only: at most 80 characters."))
        return [], None, text
    chosen = sorted({int(option) for option in options or ()})
    if not chosen or (poll.kind == PollKind.SINGLE and len(chosen) > 1):
        raise Refused("invalid", _("Choose one answer.") if poll.kind == PollKind.SINGLE else _("Choose at least one answer."))
    if poll_options is None:
        poll_options = set(PollOption.objects.filter(poll=poll, pk__in=chosen).values_list("pk", flat=True))
    if not poll_options.issuperset(chosen):
        raise Refused("invalid", _("This choice is not one of the poll's."))
    return chosen, None, ""


@transaction.atomic
def answer_poll(room_id, user, poll_id, options=(), scale=None, text=""):
    """Save the person's answer, or replace it: one per person and poll (a database constraint), while
    the poll is open (the caller checks the address's pace, as for any action). Returns the answer, with ``changed`` set when it replaced an earlier one."""
    room = Room.objects.select_related("event").filter(pk=room_id).first()
    if room is None:
        raise Refused("not_found", _("This room does not exist."))
    _check_can_answer(room, user)
    try:
        poll = Poll.objects.get(room=room, pk=int(poll_id))
    except (Poll.DoesNotExist, TypeError, ValueError):
        raise Refused("not_found", _("This poll does not exist.")) from None
    if poll.state != PollState.OPEN:
        raise Refused("closed", _("This poll is closed."))
    chosen, scale, text = _clean_answer(poll, options, scale, text)
    answer = PollAnswer.objects.select_for_update().filter(poll=poll, user=user).first()
    changed = answer is not None
    if answer is None:
        try:
            with transaction.atomic():
                answer = PollAnswer.objects.create(poll=poll, user=user, scale=scale, text=text)
        except IntegrityError:
            # The same person answering from two tabs at once: the other tab's answer is the one to change.
            answer, changed = PollAnswer.objects.select_for_update().get(poll=poll, user=user), True
    if changed:
        answer.scale, answer.text, answer.answered_at = scale, text, timezone.now()
        answer.save(update_fields=["scale", "text", "answered_at"])
    if poll.has_options:
        answer.options.set(chosen)
    transaction.on_commit(lambda: results_changed(room, poll.pk), robust=True)
    answer.changed = changed
    return answer


def _poll_id(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


@transaction.atomic
def answer_polls(room_id, answers):
    """Many people's answers at once — those a server process received while it wrote the previous
    ones (``poll_batches``) — with the checks and outcome of ``answer_poll`` for each, in one
    transaction whose queries barely grow with the answers: a thousand people answering within seconds
    would otherwise be a thousand transactions queued one after the other (the room, the polls and
    everyone's sanctions are read once; ``rules.can_answer_polls`` still decides for each person).

    ``answers``: ``[(user, poll id, options, scale, text)]``. Returns, in the same order, each saved
    answer (``changed`` set) or the ``Refused`` that stopped it."""
    room = Room.objects.select_related("event").filter(pk=room_id).first()
    if room is None:
        return [Refused("not_found", _("This room does not exist."))] * len(answers)
    _read_sanctions(room, [answer[0] for answer in answers])
    polls = Poll.objects.filter(room=room).in_bulk({_poll_id(answer[1]) for answer in answers} - {None})
    poll_options = {poll_id: set() for poll_id in polls}
    for poll_id, option_id in PollOption.objects.filter(poll__in=polls).values_list("poll", "pk"):
        poll_options[poll_id].add(option_id)
    outcomes = [None] * len(answers)
    accepted = {}  # (poll id, user id) -> (position, poll, chosen, scale, text)
    again = []  # a second answer of one person in the batch (two tabs): after the first, one by one
    for position, (user, poll_id, options, scale, text) in enumerate(answers):
        try:
            _check_can_answer(room, user)
            poll = polls.get(_poll_id(poll_id))
            if poll is None:
                raise Refused("not_found", _("This poll does not exist."))
            if poll.state != PollState.OPEN:
                raise Refused("closed", _("This poll is closed."))
            chosen, scale, text = _clean_answer(poll, options, scale, text, poll_options[poll.pk])
        except Refused as refusal:
            outcomes[position] = refusal
            continue
        if (poll.pk, user.pk) in accepted:
            again.append(position)
        else:
            accepted[poll.pk, user.pk] = (position, poll, chosen, scale, text)
    if accepted:
        _save_answers(room_id, accepted, outcomes, answers)
    for position in again:
        try:
            outcomes[position] = answer_poll(room_id, *answers[position])
        except Refused as refusal:
            outcomes[position] = refusal
    for poll_id in {accepted_poll.pk for _position, accepted_poll, *_rest in accepted.values()}:
        transaction.on_commit(lambda poll_id=poll_id: results_changed(room, poll_id), robust=True)
    return outcomes


def _read_sanctions(room, users):
    """Everyone's sanctions in force in the room, in one query, kept on each user for ``rules``."""
    users = [user for user in users if user.is_authenticated]
    kinds = defaultdict(set)
    for user_id, kind in Sanction.objects.filter(
        room=room, user__in=[user.pk for user in users], until__gt=timezone.now()
    ).values_list("user", "kind"):
        kinds[user_id].add(kind)
    for user in users:
        user.__dict__["_live_sanctions"] = (room.pk, kinds[user.pk])


def _save_answers(room_id, accepted, outcomes, answers):
    earlier = {
        (answer.poll_id, answer.user_id): answer
        for answer in PollAnswer.objects.select_for_update().filter(
            poll__in={key[0] for key in accepted}, user__in={key[1] for key in accepted}
        )
        if (answer.poll_id, answer.user_id) in accepted
    }
    now = timezone.now()
    fresh = []
    for key, (position, poll, chosen, scale, text) in accepted.items():
        answer = earlier.get(key) or PollAnswer(poll=poll, user_id=key[1])
        answer.scale, answer.text, answer.answered_at, answer.changed = scale, text, now, key in earlier
        outcomes[position] = answer
        if not answer.changed:
            fresh.append(answer)
    try:
        with transaction.atomic():
            PollAnswer.objects.bulk_create(fresh)
    except IntegrityError:
        # Someone of the batch answered meanwhile through another server process: one by one, as
        # answer_poll settles it.
        for position, *_rest in accepted.values():
            try:
                outcomes[position] = answer_poll(room_id, *answers[position])
            except Refused as refusal:
                outcomes[position] = refusal
        return
    PollAnswer.objects.bulk_update(list(earlier.values()), ["scale", "text", "answered_at"])
    through = PollAnswer.options.through
    through.objects.filter(pollanswer__in=[answer.pk for answer in earlier.values()]).delete()
    through.objects.bulk_create(
        through(pollanswer_id=outcomes[position].pk, polloption_id=option)
        for position, _poll, chosen, *_rest in accepted.values()
        for option in chosen
    )


def results_changed(room, poll_id):
    """Tell every process of the room that a poll's results changed; their hubs coalesce (fanout)."""
    layer = get_channel_layer()
    if layer is not None:
        async_to_sync(layer.group_send)(room.group_name, {"type": "live.poll", "poll": poll_id})


def own_answer(poll, user):
    """The person's answer to ``poll``, as ``{"options", "scale", "text"}``, or None."""
    if poll is None or not user.is_authenticated:
        return None
    answer = PollAnswer.objects.filter(poll=poll, user=user).prefetch_related("options").first()
    if answer is None:
        return None
    return {"options": sorted(option.pk for option in answer.options.all()), "scale": answer.scale, "text": answer.text}


def current_poll_view(room, user, facilitates):
    """``(poll, its data, the person's answer)`` for the room's current poll, or ``(None, None, None)``;
    the results in it if everyone may see them, or the person runs the room."""
    poll = Poll.objects.filter(pk=room.current_poll_id).prefetch_related("options").first() if room.current_poll_id else None
    if poll is None or poll.state == PollState.DRAFT:
        return None, None, None
    from .poll_results import poll_data

    return poll, poll_data(poll, include_results=True if facilitates else None), own_answer(poll, user)

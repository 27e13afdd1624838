"""Every action in a live room: one function each, in one transaction, broadcast after the commit.

Each action locks its room row, so the room's sequence numbers are allocated and committed in
order; the frame is sent to the room's channel group by ``transaction.on_commit``.
"""

import copy
from datetime import timedelta
from typing import NamedTuple

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from consultations.moderation import Reason, log_action

from . import rules as live_rules
from .checks import (  # noqa: F401 (Refused and check_address_pace: the callers' services.*)
    BatchChecks,
    Refused,
    check_address_pace,
    refuse_if_blocked,
)
from .conf import live_setting
from .models import (
    EventKind,
    Message,
    Question,
    QuestionVote,
    Room,
    RoomEvent,
    RoomState,
    Sanction,
    SanctionKind,
    Status,
)
from .protocol import events_with_objects, live_message


def broadcast(event_id):
    """Send one committed event to every client of its room (called after the commit)."""
    event = events_with_objects(RoomEvent.objects.filter(pk=event_id)).select_related("room").get()
    layer = get_channel_layer()
    if layer is None:
        return
    async_to_sync(layer.group_send)(event.room.group_name, live_message(event))


def _send_events(group, messages):
    """Send committed events of one room to its clients as one channel-layer message (``live.events``):
    each process's hub hands them to each client at once, as one ``batch`` frame."""
    layer = get_channel_layer()
    if layer is not None and messages:
        async_to_sync(layer.group_send)(group, {"type": "live.events", "events": messages})


def _lock(room_id):
    try:
        return Room.objects.select_for_update().select_related("event").get(pk=room_id)
    except Room.DoesNotExist:
        raise Refused("not_found", _("This room does not exist.")) from None


def _append_many(room, publish, events):
    """Number ``events`` (unsaved ``RoomEvent``s, in order) from the room's next seq, save them in one
    insert, and ``publish`` them together after the commit."""
    # The room row is locked (``_lock``): its last_seq as read is the current one.
    first = room.last_seq + 1
    room.last_seq += len(events)
    room.save(update_fields=["last_seq"])
    for offset, event in enumerate(events):
        event.room = room
        event.seq = first + offset
    RoomEvent.objects.bulk_create(events)
    # Encoded now from the rows in memory (the objects as committed), sent once committed.
    messages = [live_message(event) for event in events]
    transaction.on_commit(lambda: publish(room.group_name, messages), robust=True)
    return events


def _append(room, kind, actor, **fields):
    room.last_seq = F("last_seq") + 1
    room.save(update_fields=["last_seq"])
    room.refresh_from_db(fields=["last_seq"])
    event = RoomEvent.objects.create(room=room, seq=room.last_seq, kind=kind, actor=actor, **fields)
    # Robust: with the channel layer unreachable the event is saved all the same, the author is
    # told so, and clients get it from the database (their next resume, or the next event's gap).
    transaction.on_commit(lambda: broadcast(event.pk), robust=True)
    return event


REASON_MAX_LENGTH = 300


def _reason(reason):
    """A facilitator's optional reason, as sent in a frame: any value, kept short in the log."""
    return str(reason or "")[:REASON_MAX_LENGTH]


class Send(NamedTuple):
    """A message (``kind`` "message") or question (``kind`` "question") to save, as a client sent it."""

    kind: str
    user: object
    body: object
    client_id: object = None
    address: object = None


def post_message(room_id, user, body, client_id=None, address=None):
    """The message saved, or, for a ``client_id`` already used by its author in the room, the one
    saved then (with ``already_saved`` set): a send resent after a cut connection is saved once, and
    is not counted against the pace of the sender's ``address`` (IP) either."""
    return _one(post_sends(room_id, [Send("message", user, body, client_id, address)]))


def ask_question(room_id, user, body, client_id=None, address=None):
    """As ``post_message``, for a question."""
    return _one(post_sends(room_id, [Send("question", user, body, client_id, address)]))


def _one(results):
    if isinstance(results[0], Refused):
        raise results[0]
    return results[0]


@transaction.atomic
def post_sends(room_id, sends, known=None, publish=None):
    """Save many messages and questions of a room in one transaction: one lock of the room, one read
    of the authors' sanctions and pace, one insert per model, one range of sequence numbers and one
    broadcast after the commit (``broadcast_many``).

    Each send is checked as ``post_message`` checks one (a resend of a saved ``client_id`` first,
    then rights, length, the address's and the person's pace, slow mode), in order: a person's
    second send in the batch is paced as if the first were saved. Returns, per send and in order,
    the saved object (``already_saved`` set for a resend) or the ``Refused`` that refused it; a
    refusal touches nothing of the others.

    ``known``: the authors' account-wide rights their connections read moments ago, completed here
    (``BatchChecks``). ``publish(group, messages)``: what hands the committed events to the clients,
    called once committed (by default a channel-layer send that waits for it, ``_send_events``).
    """
    room = _lock(room_id)
    now = timezone.now()
    results = [None] * len(sends)
    saved = _saved_keys(room, sends)
    checks = BatchChecks(room, [send.user for send in sends], now, known)
    created = []  # (index of the send, the unsaved object), in the order of the sends
    for index, send in enumerate(sends):
        model = Message if send.kind == "message" else Question
        key = (model, send.user.pk, send.client_id) if send.client_id is not None and send.user.is_authenticated else None
        if key in saved:
            results[index] = saved[key]  # resolved to the first one's row once it is inserted
            continue
        try:
            body, status = checks.check(send.user, send.body, send.address, slow=model is Message)
        except Refused as refusal:
            results[index] = refusal
            continue
        checks.accepted(send.user, slow=model is Message)
        item = model(room=room, author=send.user, body=body, status=status, created_at=now, client_id=send.client_id)
        created.append((index, item))
        if key is not None:
            saved[key] = item
    for model in (Message, Question):
        model.objects.bulk_create([item for _, item in created if isinstance(item, model)])
    batch_items = {id(item) for _, item in created}
    for index, result in enumerate(results):
        if id(result) in batch_items:
            # A key sent twice in the batch: the second is answered as a resend of the first.
            results[index] = copy.copy(result)
            results[index].already_saved = True
    for index, item in created:
        results[index] = item
    if created:
        _append_many(room, publish or _send_events, [
            RoomEvent(
                kind=EventKind.MESSAGE_CREATED if isinstance(item, Message) else EventKind.QUESTION_CREATED,
                actor=item.author, **{"message" if isinstance(item, Message) else "question": item},
            )
            for _, item in created
        ])
    return results


def _saved_keys(room, sends):
    """{(model, author id, client_id): the row already saved} for the keyed sends: one query per model."""
    saved = {}
    for kind, model in (("message", Message), ("question", Question)):
        keyed = [s for s in sends if s.kind == kind and s.client_id is not None and s.user.is_authenticated]
        if not keyed:
            continue
        rows = model.objects.filter(
            room=room, author_id__in={s.user.pk for s in keyed}, client_id__in={s.client_id for s in keyed}
        )
        for row in rows:
            row.already_saved = True
            saved[(model, row.author_id, row.client_id)] = row
    return saved


def _question(room, question_id):
    try:
        return Question.objects.select_for_update().get(room=room, pk=int(question_id))
    except (Question.DoesNotExist, TypeError, ValueError):
        raise Refused("not_found", _("This question does not exist.")) from None


def _message(room, message_id):
    try:
        return Message.objects.select_for_update().get(room=room, pk=int(message_id))
    except (Message.DoesNotExist, TypeError, ValueError):
        raise Refused("not_found", _("This message does not exist.")) from None


@transaction.atomic
def vote(room_id, user, question_id):
    room = _lock(room_id)
    if not user.is_authenticated:
        raise Refused("not_signed_in", _("Log in to take part."))
    if not live_rules.can_vote(user, room):
        refuse_if_blocked(user)
        if live_rules.is_banned(user, room):
            raise Refused("banned", _("You are banned from this room."))
        if not room.is_open():
            raise Refused("closed", _("The room is closed."))
        raise Refused("forbidden", _("You cannot vote in this room."))
    question = _question(room, question_id)
    if question.status != Status.VISIBLE:
        raise Refused("not_found", _("This question does not exist."))
    try:
        with transaction.atomic():
            QuestionVote.objects.create(question=question, user=user)
    except IntegrityError:
        raise Refused("already_voted", _("You have already upvoted this question.")) from None
    Question.objects.filter(pk=question.pk).update(vote_count=F("vote_count") + 1)
    question.refresh_from_db(fields=["vote_count"])
    _append(room, EventKind.QUESTION_VOTED, user, question=question)
    return question


def _require(predicate, user, room):
    if not user.is_authenticated or not predicate(user, room):
        raise Refused("forbidden", _("Only the room's facilitators can do this."))


def _set_message_status(room, actor, message, status):
    message.status = status
    message.save(update_fields=["status"])
    kind = EventKind.MESSAGE_APPROVED if status == Status.VISIBLE else EventKind.MESSAGE_HIDDEN
    _append(room, kind, actor, message=message)


def _set_question_status(room, actor, question, status):
    question.status = status
    question.save(update_fields=["status"])
    kind = EventKind.QUESTION_CREATED if status == Status.VISIBLE else EventKind.QUESTION_HIDDEN
    _append(room, kind, actor, question=question)


def hide_reason(reason, note=""):
    """``(key, label, note)`` of a facilitator's hide: ``reason`` a key of the frame's reasons
    (``consultations.moderation.Reason``), ``note`` a few words for the author. Text that is no key
    (a client made before the reasons) is kept as the note, under « Other »; nothing gives ``("", "", note)``."""
    note = _reason(note).strip()
    reason = _reason(reason).strip()
    if reason in Reason.values:
        return reason, str(Reason(reason).label), note
    if reason:
        return Reason.OTHER, str(Reason.OTHER.label), note or reason
    return "", "", note


def _logged_reason(label, note):
    return " — ".join(part for part in (label, note) if part)


def _hide(room, actor, item, reason, note):
    """Hide ``item`` (a message or a question) and tell its author why: an event for them and the
    room's facilitators (``notice.hidden``), and an e-mail once committed."""
    key, label, note = hide_reason(reason, note)
    if isinstance(item, Message):
        _set_message_status(room, actor, item, Status.HIDDEN)
    else:
        _set_question_status(room, actor, item, Status.HIDDEN)
    field = "message" if isinstance(item, Message) else "question"
    notice = _append(
        room, EventKind.HIDDEN_NOTICE, actor, **{field: item},
        data={"item": field, "reason": key, "reason_label": label, "note": note, "excerpt": item.body[:NOTICE_EXCERPT]},
    )
    log_action(actor=actor, action="hide", obj=item, user=item.author, reason=_logged_reason(label, note), source="live")
    if item.author_id is not None:
        from .tasks import send_hidden_email

        transaction.on_commit(lambda: send_hidden_email.enqueue(notice.pk), robust=True)


# How much of a hidden text its author is reminded of, in the notice and the e-mail.
NOTICE_EXCERPT = 120


@transaction.atomic
def moderate_message(room_id, user, message_id, approve, reason="", note=""):
    room = _lock(room_id)
    _require(live_rules.can_facilitate if approve else live_rules.can_hide, user, room)
    message = _message(room, message_id)
    if not approve:
        _hide(room, user, message, reason, note)
        return message
    _set_message_status(room, user, message, Status.VISIBLE)
    log_action(actor=user, action="approve", obj=message, user=message.author, reason=_reason(reason), source="live")
    return message


@transaction.atomic
def moderate_question(room_id, user, question_id, action, reason="", note=""):
    """``action``: "approve", "hide" or "answer"."""
    room = _lock(room_id)
    _require(live_rules.can_hide if action == "hide" else live_rules.can_facilitate, user, room)
    question = _question(room, question_id)
    if action == "answer":
        question.answered = True
        question.save(update_fields=["answered"])
        _append(room, EventKind.QUESTION_ANSWERED, user, question=question)
        return question
    if action == "hide":
        _hide(room, user, question, reason, note)
        return question
    _set_question_status(room, user, question, Status.VISIBLE)
    log_action(actor=user, action=action, obj=question, user=question.author, reason=_reason(reason), source="live")
    return question


@transaction.atomic
def restore(room_id, user, kind, item_id):
    """Undo a hide: the message (``kind`` "message") or question shows again to everyone."""
    room = _lock(room_id)
    _require(live_rules.can_hide, user, room)
    item = _message(room, item_id) if kind == "message" else _question(room, item_id)
    if item.status != Status.HIDDEN:
        raise Refused("invalid", _("This is not hidden."))
    item.status = Status.VISIBLE
    item.save(update_fields=["status"])
    event_kind = EventKind.MESSAGE_RESTORED if kind == "message" else EventKind.QUESTION_RESTORED
    _append(room, event_kind, user, **{kind: item})
    log_action(actor=user, action="restore", obj=item, user=item.author, source="live")
    return item


@transaction.atomic
def apply_moderation(obj, status, actor, reason):
    """A moderation queue's decision on a message or question, pushed to the room's clients at once."""
    room = _lock(obj.room_id)
    if isinstance(obj, Message):
        _set_message_status(room, actor, obj, status)
    else:
        _set_question_status(room, actor, obj, status)


@transaction.atomic
def feature_question(room_id, user, question_id, where):
    """Pin the question, or show it on the projection page (``where``: "pinned" or "projected").

    ``question_id`` None takes it down.
    """
    room = _lock(room_id)
    _require(live_rules.can_facilitate, user, room)
    question = None if question_id is None else _question(room, question_id)
    setattr(room, f"{where}_question", question)
    room.save(update_fields=[f"{where}_question"])
    kind = EventKind.QUESTION_PINNED if where == "pinned" else EventKind.QUESTION_PROJECTED
    _append(room, kind, user, question=question, data={where: question is not None})
    return room


def _room_settings(room):
    return {
        "room": {
            "state": room.state,
            "is_open": room.is_open(),
            "premoderated": room.premoderated,
            "slow_mode_seconds": room.slow_mode_seconds,
        }
    }


@transaction.atomic
def update_room(room_id, user, **changes):
    """Open or close the room, set its slow mode or its moderation: keys of ``changes`` among
    ``state``, ``slow_mode_seconds``, ``premoderated``."""
    room = _lock(room_id)
    _require(live_rules.can_facilitate, user, room)
    if "state" in changes and changes["state"] not in RoomState.values:
        raise Refused("invalid", _("Unknown room state."))
    if "slow_mode_seconds" in changes:
        try:
            seconds = int(changes["slow_mode_seconds"])
        except (TypeError, ValueError):
            seconds = -1
        if not 0 <= seconds <= 3600:
            raise Refused("invalid", _("Slow mode is between 0 and 3600 seconds."))
        changes["slow_mode_seconds"] = seconds
    if "premoderated" in changes:
        changes["premoderated"] = bool(changes["premoderated"])
    for name, value in changes.items():
        setattr(room, name, value)
    room.save(update_fields=list(changes))
    _append(room, EventKind.ROOM_UPDATED, user, data=_room_settings(room))
    return room


@transaction.atomic
def sanction(room_id, user, target_id, kind, minutes, reason=""):
    room = _lock(room_id)
    _require(live_rules.can_facilitate, user, room)
    if kind not in SanctionKind.values:
        raise Refused("invalid", _("Unknown sanction."))
    try:
        minutes = int(minutes)
    except (TypeError, ValueError):
        minutes = 0
    if not 1 <= minutes <= 60 * 24 * 30:
        raise Refused("invalid", _("Give a duration between 1 minute and 30 days."))
    try:
        target = get_user_model().objects.filter(pk=int(target_id)).first()
    except (TypeError, ValueError):
        target = None
    if target is None:
        raise Refused("not_found", _("This participant does not exist."))
    now = timezone.now()
    record = Sanction.objects.create(
        room=room, user=target, kind=kind, until=now + timedelta(minutes=minutes),
        reason=_reason(reason), author=user, created_at=now,
    )
    _append(room, EventKind.USER_SANCTIONED, user, sanction=record)
    log_action(actor=user, action=kind, user=target, reason=record.reason, source="live")
    return record


def replay(room, after, limit=None, until=None):
    """Events of the room after sequence number ``after`` (and up to ``until``), in order."""
    events = RoomEvent.objects.filter(room=room, seq__gt=after)
    if until is not None:
        events = events.filter(seq__lte=until)
    events = events_with_objects(events)
    return list(events[: limit or live_setting("REPLAY_LIMIT")])

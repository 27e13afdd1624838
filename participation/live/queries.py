"""Read-only querysets shared by the pages, the API and the exports: each in a constant number of queries."""

from django.db.models import Q

from .models import Message, Poll, PollState, Question, QuestionVote, Room, Status


def rooms():
    return Room.objects.select_related("event", "pinned_question__author", "projected_question__author")


def visible_messages(room):
    return Message.objects.filter(room=room, status=Status.VISIBLE).select_related("author").order_by("pk")


def visible_questions(room):
    """Open questions first, most upvoted first; answered ones after them."""
    return (
        Question.objects.filter(room=room, status=Status.VISIBLE)
        .select_related("author")
        .order_by("answered", "-vote_count", "pk")
    )


def answered_questions(room):
    return visible_questions(room).filter(answered=True)


def pending_messages(room):
    return Message.objects.filter(room=room, status=Status.PENDING).select_related("author").order_by("pk")


def latest_messages_for(room, user, count):
    """The ``count`` latest messages the person reads in the room, oldest first: the visible ones
    and, for a signed-in person, their own awaiting approval (as the websocket shows them)."""
    shown = Q(status=Status.VISIBLE)
    if user.is_authenticated:
        shown |= Q(status=Status.PENDING, author=user)
    messages = Message.objects.filter(shown, room=room)
    ids = list(messages.order_by("-pk").values_list("pk", flat=True)[:count])
    return Message.objects.filter(pk__in=ids).select_related("author").order_by("pk")


def voted_question_ids(room, user):
    """The questions of the room the person has upvoted."""
    if not user.is_authenticated:
        return set()
    return set(QuestionVote.objects.filter(question__room=room, user=user).values_list("question_id", flat=True))


def followable_rooms(user):
    from . import rules as live_rules

    candidates = rooms().filter(Q(event__status__in=["published", "cancelled"]))
    return [room for room in candidates if live_rules.can_follow(user, room)]


def prepared_polls(room):
    """The polls a facilitator may launch: prepared ones, and closed ones to open again."""
    return Poll.objects.filter(room=room).exclude(state=PollState.OPEN).prefetch_related("options")


def all_polls(room):
    return Poll.objects.filter(room=room).prefetch_related("options").order_by("position", "pk")


def launched_polls(room):
    return Poll.objects.filter(room=room).exclude(state=PollState.DRAFT).prefetch_related("options").order_by("opened_at", "pk")


def transcript_polls(room):
    """Launched polls as the public saw them: results only where they were shown."""
    from .poll_results import polls_with_results

    return polls_with_results(launched_polls(room))

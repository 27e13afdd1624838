"""Read-only querysets shared by the pages, the API and the exports: each in a constant number of queries."""

from django.db.models import Q

from .models import Message, Question, Room, Status


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


def latest_visible_messages(room, count):
    """The ``count`` latest visible messages, oldest first."""
    ids = visible_messages(room).order_by("-pk").values_list("pk", flat=True)[:count]
    return visible_messages(room).filter(pk__in=list(ids))


def followable_rooms(user):
    from . import rules as live_rules

    candidates = rooms().filter(Q(event__status__in=["published", "cancelled"]))
    return [room for room in candidates if live_rules.can_follow(user, room)]

"""Datasets of the live rooms, declared for the export engine (see docs/exports.md).

Only what the public saw: visible messages and questions, authors as the export's pseudonyms.
"""

from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from .models import Message, Question, Status

FILTERS = ["event", "consultation", "theme", "since", "until"]


def _scoped(model, scope):
    queryset = model.objects.filter(status=Status.VISIBLE)
    if scope.event:
        queryset = queryset.filter(room__event__slug=scope.event)
    if scope.consultation:
        queryset = queryset.filter(room__event__consultation__slug=scope.consultation)
    if scope.theme:
        queryset = queryset.filter(room__event__theme__slug=scope.theme)
    if scope.since:
        queryset = queryset.filter(created_at__gte=scope.since_datetime)
    if scope.until:
        queryset = queryset.filter(created_at__lte=scope.until_datetime)
    return queryset.select_related("room__event").order_by("pk")


def messages(scope):
    return _scoped(Message, scope)


def message_row(message, scope):
    return {
        "id": message.pk,
        "event": message.room.event.slug,
        "author": scope.pseudonym(message.author_id),
        "body": message.body,
        "created_at": message.created_at,
    }


def questions(scope):
    return _scoped(Question, scope)


def question_row(question, scope):
    return {
        "id": question.pk,
        "event": question.room.event.slug,
        "author": scope.pseudonym(question.author_id),
        "body": question.body,
        "answered": question.answered,
        "votes": question.vote_count,
        "created_at": question.created_at,
    }


COMMON_COLUMNS = [
    ("id", _("Identifier")),
    ("event", _("Event")),
    ("author", _("Author (pseudonym)"), {"public": False}),
    ("body", _("Text")),
]

DATASETS = [
    {
        "name": "live_messages",
        "label": _("Live room messages"),
        "description": _("One row per message seen by the room's participants."),
        "columns": COMMON_COLUMNS + [("created_at", _("Written at"))],
        "queryset": messages,
        "row": message_row,
        "filters": FILTERS,
        "personal_data": False,
        "open_data": False,
    },
    {
        "name": "live_questions",
        "label": _("Live room questions"),
        "description": _("One row per visible question, with its votes and whether it was answered."),
        "columns": COMMON_COLUMNS
        + [("answered", _("Answered")), ("votes", _("Votes")), ("created_at", _("Asked at"))],
        "queryset": questions,
        "row": question_row,
        "filters": FILTERS,
        "personal_data": False,
        "open_data": False,
    },
]


def live_statistics(period):
    visible = Message.objects.filter(status=Status.VISIBLE, created_at__gte=period.start, created_at__lt=period.end)
    per_event = visible.values("room__event__title").annotate(n=Count("pk")).order_by("-n", "room__event__title")
    rows = [{"event": row["room__event__title"], "count": row["n"]} for row in per_event]
    questions = Question.objects.filter(
        status=Status.VISIBLE, created_at__gte=period.start, created_at__lt=period.end
    ).count()
    return {
        "figures": [
            (_("Live room messages"), sum(row["count"] for row in rows)),
            (_("Live room questions"), questions),
        ],
        "tables": [
            {
                "name": "live_messages_per_event",
                "title": _("Live room messages per event"),
                "columns": [("event", _("Event")), ("count", _("Messages"))],
                "rows": rows,
                "chart": ("event", "count"),
            }
        ],
    }


STATISTICS = [live_statistics]

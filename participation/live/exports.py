"""Datasets of the live rooms, declared for the export engine (see docs/exports.md).

Only what the public saw: visible messages and questions, authors as the export's pseudonyms.
"""

from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from consultations.export_scope import dated

from .models import Message, Poll, PollState, Question, Status
from .poll_results import results_of

FILTERS = ["event", "consultation", "theme", "since", "until"]


def _scoped(model, scope):
    queryset = model.objects.filter(status=Status.VISIBLE)
    if scope.event:
        queryset = queryset.filter(room__event__slug=scope.event)
    if scope.consultation:
        queryset = queryset.filter(room__event__consultation__slug=scope.consultation)
    if scope.theme:
        queryset = queryset.filter(room__event__theme__slug=scope.theme)
    queryset = dated(queryset, scope, "created_at")
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


POLL_CHUNK = 200


def _launched_polls(scope):
    polls = Poll.objects.exclude(state=PollState.DRAFT)
    if scope.event:
        polls = polls.filter(room__event__slug=scope.event)
    if scope.consultation:
        polls = polls.filter(room__event__consultation__slug=scope.consultation)
    if scope.theme:
        polls = polls.filter(room__event__theme__slug=scope.theme)
    polls = dated(polls, scope, "opened_at")
    return polls.select_related("room__event").order_by("pk")


def poll_result_rows(scope):
    """One row per poll and choice (scale value, word of the cloud): counts only, nobody's answer.
    Results are read per chunk of polls, in four queries each."""
    polls = _launched_polls(scope).iterator(chunk_size=POLL_CHUNK)
    while chunk := [poll for _, poll in zip(range(POLL_CHUNK), polls)]:
        found = results_of(chunk)
        for poll in chunk:
            result = found[poll.pk]
            base = {
                "poll": poll.pk, "event": poll.room.event.slug, "question": poll.question, "kind": poll.kind,
                "opened_at": poll.opened_at, "total": result["total"],
            }
            for choice in result.get("choices", ()):
                yield {**base, "choice": choice["label"], "count": choice["count"]}
            for word in result.get("words", ()):
                yield {**base, "choice": word["word"], "count": word["count"]}


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
    {
        "name": "live_poll_results",
        "label": _("Live room poll results"),
        "description": _("One row per launched poll and choice (or word of a word cloud), with its count."),
        "columns": [
            ("poll", _("Poll")),
            ("event", _("Event")),
            ("question", _("Question")),
            ("kind", _("Kind")),
            ("opened_at", _("Launched at")),
            ("choice", _("Choice or word")),
            ("count", _("Answers")),
            ("total", _("People who answered")),
        ],
        # No count: a word cloud's rows are known only once its answers are read.
        "rows": poll_result_rows,
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

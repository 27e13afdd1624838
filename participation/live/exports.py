"""Datasets of the live rooms for the export engine: plain generators of rows (dicts).

Each dataset is declared in ``DATASETS`` with a name, a label and a function
``rows(rooms=None, pseudonym=None)``: ``rooms`` narrows to a queryset of rooms, ``pseudonym`` maps a
user id to the id shown in the export (by default a salted hash, stable within one export and
unlinkable across exports). Rows stream from the database with ``iterator()``: memory stays flat.
Only public content (visible messages and questions), never a name or an email.
"""

import hashlib
import secrets
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from .models import Message, Question, Status

CHUNK = 2000


def salted_pseudonym():
    """A new pseudonymiser: the same user id gives the same id within this export only."""
    salt = secrets.token_bytes(16)

    def pseudonym(user_id):
        if user_id is None:
            return ""
        return hashlib.blake2b(str(user_id).encode(), key=salt, digest_size=6).hexdigest()

    return pseudonym


def _scoped(queryset, rooms):
    return queryset if rooms is None else queryset.filter(room__in=rooms)


def message_rows(rooms=None, pseudonym=None):
    pseudonym = pseudonym or salted_pseudonym()
    messages = _scoped(Message.objects.filter(status=Status.VISIBLE), rooms).order_by("pk")
    for row in messages.values("pk", "room__event__slug", "author_id", "body", "created_at").iterator(CHUNK):
        yield {
            "id": row["pk"],
            "event": row["room__event__slug"],
            "author": pseudonym(row["author_id"]),
            "body": row["body"],
            "created_at": row["created_at"].isoformat(),
        }


def question_rows(rooms=None, pseudonym=None):
    pseudonym = pseudonym or salted_pseudonym()
    questions = _scoped(Question.objects.filter(status=Status.VISIBLE), rooms).order_by("pk")
    fields = ("pk", "room__event__slug", "author_id", "body", "answered", "vote_count", "created_at")
    for row in questions.values(*fields).iterator(CHUNK):
        yield {
            "id": row["pk"],
            "event": row["room__event__slug"],
            "author": pseudonym(row["author_id"]),
            "body": row["body"],
            "answered": row["answered"],
            "votes": row["vote_count"],
            "created_at": row["created_at"].isoformat(),
        }


@dataclass(frozen=True)
class Dataset:
    name: str
    label: str
    columns: tuple
    rows: object


DATASETS = [
    Dataset("live_messages", _("Live room messages"), ("id", "event", "author", "body", "created_at"), message_rows),
    Dataset(
        "live_questions",
        _("Live room questions"),
        ("id", "event", "author", "body", "answered", "votes", "created_at"),
        question_rows,
    ),
]

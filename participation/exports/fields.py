"""A dataset's columns as database values: the fast paths of the engine.

A dataset may declare, besides its ``queryset`` and ``row``, the same columns as ``fields``: for
each column key, ``(expression, kind)`` or ``(expression, "choice", choices)``, where the
expression is a field path (``"council__name"``) or a Django expression. The kinds say how the
value becomes what ``row`` would have returned:

- ``number``: an integer, ``None`` when missing;
- ``text``: a string, ``None`` (an empty cell) when missing;
- ``datetime``: an aware datetime (written in local time);
- ``bool``: true or false;
- ``pseudonym``: a user key, written as the export's pseudonym (empty for ``None``);
- ``choice``: a stored choice, written as its label (``get_FOO_display()``);
- ``label``: a key (text) looked up in ``labels(scope)``, a dict of the labels ``row`` shows for the
  keys this export meets, built once per export — for what only Python can name (``str(group)``
  of a comment's speaker); a key it lacks (or ``None``) gives an empty cell.

The engine then reads ``queryset(scope).values_list(...)`` instead of building model instances
(about 2× faster, every database), and on PostgreSQL computes the whole CSV line in SQL and streams
it with ``COPY`` (participation.exports.pgcopy). ``tests/participation/exports/test_fast_paths.py``
checks that each path writes exactly what ``row`` writes.
"""

from dataclasses import dataclass
from typing import Any

from django.db.models import F, TextField, Value
from django.conf import settings
from django.db import connection
from django.db.models.functions import Cast, Coalesce
from datetime import datetime

from django.utils import timezone
from django.utils.encoding import force_str

from .formats import csv_converter, csv_text, plain_value

KINDS = ("number", "text", "datetime", "bool", "pseudonym", "choice", "label")
# The kinds whose declaration gives a third item: the choices, or the function of the labels.
WITH_EXTRA = ("choice", "label")


@dataclass(frozen=True)
class Field:
    key: str
    expression: Any
    kind: str
    choices: tuple = ()
    lookup: Any = None  # a label's function(scope) -> {key: label}

    def labels(self, scope=None):
        """Stored value (or key) -> label: a choice's in the active language (as ``get_FOO_display()``),
        a label's from its function."""
        if self.kind == "label":
            return {str(key): str(label) for key, label in self.lookup(scope).items()}
        return {value: force_str(label, strings_only=True) for value, label in self.choices}


def as_fields(spec):
    """The ``fields`` of a dataset declaration, checked."""
    fields = {}
    for key, (expression, kind, *extra) in spec.items():
        if kind not in KINDS:
            raise ValueError(f"Field {key!r}: unknown kind {kind!r} (one of {', '.join(KINDS)}).")
        if (kind in WITH_EXTRA) != bool(extra):
            raise ValueError(f"Field {key!r}: a choice gives its choices, a label its labels, and only they.")
        if kind == "label":
            if not callable(extra[0]):
                raise ValueError(f"Field {key!r}: a label gives a function(scope) of its labels.")
            fields[key] = Field(key, expression, kind, lookup=extra[0])
        else:
            fields[key] = Field(key, expression, kind, tuple(extra[0]) if extra else ())
    return fields


def covers(dataset, keys):
    """Whether the dataset's fields give every one of these columns."""
    return dataset.fields is not None and all(key in dataset.fields for key in keys)


def values_queryset(dataset, scope, keys, stored_dates=False):
    """The dataset's queryset reduced to one value per column, in column order (aliases c0, c1…).
    ``stored_dates``: datetimes as SQLite stores them (text, UTC), for ``stored_datetime``."""
    expressions = {}
    for index, key in enumerate(keys):
        expression = dataset.fields[key].expression
        expression = F(expression) if isinstance(expression, str) else expression
        if dataset.fields[key].kind in ("text", "label"):
            # row() gives "" for a missing related name (JSON tells "" from null).
            expression = Coalesce(expression, Value(""), output_field=TextField())
        elif stored_dates and dataset.fields[key].kind == "datetime":
            expression = Cast(expression, TextField())
        expressions[f"c{index}"] = expression
    queryset = dataset.queryset(scope).select_related(None).prefetch_related(None)
    return queryset.annotate(**expressions).values_list(*expressions)


def _converter(field, scope):
    if field.kind == "pseudonym":
        return scope.pseudonym
    if field.kind == "choice":
        labels = field.labels()
        return lambda value: labels.get(value, value)
    if field.kind == "label":
        labels = field.labels(scope)
        return lambda key: labels.get(key, "")
    return None


def value_rows(dataset, scope, keys, chunk_size):
    """Lists of plain values, as ``row`` gives them, from ``values_list``: no model instances."""
    fields = [dataset.fields[key] for key in keys]
    converters = [(index, convert) for index, field in enumerate(fields) if (convert := _converter(field, scope))]
    rows = values_queryset(dataset, scope, keys).iterator(chunk_size=chunk_size)
    if not converters:
        yield from map(list, rows)
        return
    for row in rows:
        row = list(row)
        for index, convert in converters:
            row[index] = convert(row[index])
        yield row


def _csv_cell(field, scope):
    """A column's CSV cell from its database value, by its kind: what ``csv_converter()`` makes of
    what ``row`` gives, without testing each value's type. None: the value is written as it is
    (a number, or None written "" as the csv module writes the empty cell)."""
    if field.kind == "number":
        return None
    if field.kind == "text":
        return csv_text()
    if field.kind == "pseudonym":
        return scope.pseudonym  # "p-" and hex digits, or "": nothing to neutralise
    if field.kind == "datetime":
        tz = timezone.get_current_timezone()
        # ISO dates neither start with a formula trigger nor hold a separator.
        if _stored_dates():
            return _stored_datetime(tz)
        return lambda value: None if value is None else plain_value(value, tz)
    cell = csv_converter()
    if field.kind == "bool":
        yes, no = cell(True), cell(False)
        return lambda value: None if value is None else yes if value else no
    labels = field.labels(scope) if field.kind == "label" else field.labels()
    cells = {value: cell(label) for value, label in labels.items()}
    if field.kind == "label":
        return lambda key: cells.get(key, "")
    return lambda value: cells[value] if value in cells else cell(value)


def _stored_dates():
    """SQLite keeps a datetime as text, which Django parses into a datetime made aware by Python
    code per value: half the CPU of a CSV of supports. Read as text, C's ``fromisoformat`` does it."""
    return connection.vendor == "sqlite" and settings.USE_TZ


def _stored_datetime(tz):
    """A stored SQLite datetime (text in the connection's time zone, as Django's converter reads it)
    written as ``plain_value`` writes the datetime Django would give."""
    stored, parse = connection.timezone, datetime.fromisoformat

    def convert(text):
        if text is None:
            return None
        value = parse(text)
        if value.tzinfo is None:
            value = value.replace(tzinfo=stored)
        return value.astimezone(tz).isoformat(timespec="seconds")

    return convert


def csv_rows(dataset, scope, keys, chunk_size):
    """Rows of ready CSV cells (``csv_chunks(prepared=True)``) from ``values_list``: each column
    converted by its kind, the number columns not at all."""
    fields = [dataset.fields[key] for key in keys]
    converters = [(index, convert) for index, field in enumerate(fields) if (convert := _csv_cell(field, scope))]
    rows = values_queryset(dataset, scope, keys, stored_dates=_stored_dates())
    for row in rows.iterator(chunk_size=chunk_size):
        row = list(row)
        for index, convert in converters:
            row[index] = convert(row[index])
        yield row

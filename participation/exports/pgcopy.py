"""The PostgreSQL fast path: every cell computed in SQL, the CSV written by ``COPY … TO STDOUT``.

For a dataset whose columns are all declared as ``fields`` (participation.exports.fields), the
query gives each cell as the CSV (or XLSX) writer of participation.exports.formats would write it:

- a pseudonym is the same HMAC-SHA256, from the key's two pads (Pseudonymiser.hmac_pads) and
  PostgreSQL's own ``sha256()`` — no extension (pgcrypto) needed, nothing sent per person;
- a date is ``to_char`` in the site's time zone (set for this transaction only), as
  ``isoformat(timespec="seconds")`` writes it;
- a choice or a yes/no is its label, translated in Python once per export and passed as a parameter;
- a ``label`` field's key is looked up in its labels, built once per export and passed as one JSON
  object (``jsonb ->>`` finds a key by binary search: no per-row cost growing with the labels);
- text is neutralised against formula injection with the same rules (a leading quote before
  ``= + - @`` tab or CR, and after each ``,`` ``;`` or line break followed by one, in CSV).

``COPY`` then writes the CSV itself (text columns forced into quotes, numbers bare, an empty
number as ``""``: the csv module's ``QUOTE_NONNUMERIC``), several times faster than the Python loop.
The one difference, its ``\\n`` line ends, is mended row by row: PostgreSQL sends exactly one row
per COPY message, so the last byte of each is the line end, never a line break inside a cell.
"""

import json
from contextlib import contextmanager

from django.db import connection, transaction
from django.utils import timezone

from . import fields as dataset_fields
from .formats import CSV_CELL_STARTS, FLUSH_EVERY, FORMULA_TRIGGERS, cell_converter, csv_chunks, csv_converter

BLOCK = 1 << 16
ISO_FORMAT = 'YYYY-MM-DD"T"HH24:MI:SSTZH:TZM'
# CSV_CELL_STARTS in PostgreSQL's regular expressions (the same: a lookahead, real CR and LF).
CELL_STARTS_SQL = "([,;\r\n])(?=[=+@\t\r-])"
assert CSV_CELL_STARTS.pattern == "([,;\r\n])(?=[=+\\-@\t\r])"


def available(dataset, keys):
    return connection.vendor == "postgresql" and dataset_fields.covers(dataset, keys)


class _Query:
    """The SELECT of formatted cells, its parameters and which columns are text."""

    def __init__(self, dataset, scope, keys, for_csv):
        self.for_csv = for_csv
        self.cell = csv_converter() if for_csv else cell_converter()
        self.params = []
        self.quoted = []
        self.lookups = []
        select = []
        for index, key in enumerate(keys):
            field = dataset.fields[key]
            select.append(f"{self._cell(field, f't.c{index}', scope)} AS c{index}")
            if field.kind != "number":
                self.quoted.append(f"c{index}")
        inner, inner_params = dataset_fields.values_queryset(dataset, scope, keys).query.sql_with_params()
        # Parameters in the order their placeholders appear: the cells', the inner query's, the labels'.
        joins = "".join(f" {join}" for join, _labels in self.lookups)
        self.sql = f"SELECT {', '.join(select)} FROM ({inner}) AS t{joins}"
        self.params.extend(inner_params)
        self.params.extend(labels for _join, labels in self.lookups)

    def _param(self, value):
        self.params.append(value)
        return "%s"

    def _text(self, sql):
        """Neutralised text: a quote before a leading trigger, and (CSV) after each cell start."""
        triggers = ", ".join(self._param(trigger) for trigger in FORMULA_TRIGGERS)
        text = f"(CASE WHEN left({sql}, 1) IN ({triggers}) THEN '''' || {sql} ELSE {sql} END)"
        if not self.for_csv:
            return text
        return f"regexp_replace({text}, {self._param(CELL_STARTS_SQL)}, {self._param(chr(92) + '1' + chr(39))}, 'g')"

    def _cell(self, field, sql, scope):
        if field.kind == "number":
            # CSV: bare digits, an empty cell quoted (""), as the csv module writes None made "".
            return f"COALESCE({sql}::text, '')" if self.for_csv else sql
        if field.kind == "text":
            return self._text(sql)
        if field.kind == "datetime":
            return f"COALESCE(to_char({sql}, '{ISO_FORMAT}'), '')"
        if field.kind == "bool":
            yes, no = self.cell(True), self.cell(False)
            return f"(CASE WHEN {sql} THEN {self._param(yes)} WHEN NOT {sql} THEN {self._param(no)} ELSE '' END)"
        if field.kind == "label":
            # Joined once (FROM), since the neutralising repeats the cell's SQL (and would repeat a placeholder).
            name = f"labels{len(self.lookups)}"
            self.lookups.append((f"CROSS JOIN (SELECT %s::jsonb AS labels) AS {name}",
                                 json.dumps(field.labels(scope), ensure_ascii=False)))
            return self._text(f"COALESCE({name}.labels ->> {sql}::text, '')")
        if field.kind == "pseudonym":
            ipad, opad = scope.pseudonym.hmac_pads()
            digest = (
                f"sha256({self._param(opad)}::bytea || sha256({self._param(ipad)}::bytea || convert_to({sql}::text, 'UTF8')))"
            )
            return f"(CASE WHEN {sql} IS NULL THEN '' ELSE 'p-' || left(encode({digest}, 'hex'), 12) END)"
        # A choice: its label, or the stored value (neutralised) when it is not among the choices.
        whens = " ".join(
            f"WHEN {self._param(value)} THEN {self._param(self.cell(label))}" for value, label in field.labels().items()
        )
        other = self._text(f"COALESCE({sql}::text, '')")
        return f"(CASE {sql}::text {whens} ELSE {other} END)"


@contextmanager
def _reading():
    """A psycopg connection to read the export through, in the site's time zone, and whether it is
    a connection of its own.

    Outside a transaction, a connection of its own: while COPY runs, its connection takes no other
    query, and the job saves its progress on the site's connection meanwhile (committed at once,
    so the job page shows it). Inside one (a test, a caller's transaction), the site's connection,
    which sees that transaction's rows: progress is then told once COPY is over."""
    tz = timezone.get_current_timezone_name()
    if not connection.in_atomic_block:
        connection.ensure_connection()
        own = _borrow()
        try:
            own.autocommit = True
            own.execute("SELECT set_config('TimeZone', %s, false)", [tz])
            own.autocommit = False
            yield own, True
        finally:
            _give_back(own)
        return
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT set_config('TimeZone', %s, true)", [tz])
        yield cursor.cursor.connection, False
        cursor.execute("SELECT set_config('TimeZone', %s, true)", [connection.timezone_name])


def _borrow():
    """A second connection: from the site's pool when there is one (a connection taken from a pool
    and closed without being handed back is lost to it: a worker would run out after a pool's worth
    of exports), else a new one."""
    pool = getattr(connection, "pool", None)
    if pool is not None:
        return pool.getconn()
    return connection.get_new_connection(connection.get_connection_params())


def _give_back(own):
    pool = getattr(connection, "pool", None)
    if pool is None:
        own.close()
        return
    # The pool rolls back what is left open; Django sets its own time zone again when it next
    # takes this connection (ensure_timezone).
    pool.putconn(own)


def csv_blocks(dataset, scope, header, keys, delimiter=",", on_progress=None):
    """The export as bytes blocks (BOM and header first), written by COPY."""
    query = _Query(dataset, scope, keys, for_csv=True)
    quoted = f", FORCE_QUOTE ({', '.join(query.quoted)})" if query.quoted else ""
    statement = f"COPY ({query.sql}) TO STDOUT WITH (FORMAT csv, DELIMITER '{delimiter}'{quoted})"
    yield "".join(csv_chunks(header, (), delimiter=delimiter)).encode()
    done = 0
    block = bytearray()
    with _reading() as (reader, own):
        progress = on_progress if own else None
        with reader.cursor().copy(statement, query.params) as copy:
            for line in copy:
                block += line
                block[-1:] = b"\r\n"
                done += 1
                if len(block) >= BLOCK:
                    yield bytes(block)
                    block.clear()
                if progress and done % FLUSH_EVERY == 0:
                    progress(done)
        if own:
            reader.rollback()  # it only read
    yield bytes(block)
    if on_progress:
        on_progress(done)


def cell_rows(dataset, scope, keys, chunk_size):
    """Rows of ready spreadsheet cells (neutralised text, numbers, None for empty), from a
    server-side cursor: for the XLSX writer."""
    query = _Query(dataset, scope, keys, for_csv=False)
    with _reading() as (reader, own):
        with reader.cursor(name="participation_export", withhold=False) as cursor:
            cursor.itersize = chunk_size
            cursor.execute(query.sql, query.params)
            while rows := cursor.fetchmany(chunk_size):
                yield from rows
        if own:
            reader.rollback()

"""Every dataset in every format reads back with the right columns and counts."""

import io

import pytest

from participation.exports import engine
from participation.exports.registry import datasets, get_dataset
from participation.exports.scope import Scope

from .readers import read

FORMATS = ["csv", "xlsx", "ods", "json"]
EXPECTED_ROWS = {"registrations": 6, "events": 3, "event_sessions": 3}


def export(name, fmt, scope=None, delimiter=","):
    buffer = io.BytesIO()
    rows = engine.write(get_dataset(name), scope or Scope(), fmt, buffer, delimiter=delimiter)
    return rows, buffer.getvalue()


def test_the_frame_declares_its_datasets():
    assert {"registrations", "events", "event_sessions"} <= set(datasets())
    assert get_dataset("registrations").personal_data
    assert not get_dataset("events").personal_data


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", sorted(EXPECTED_ROWS))
def test_every_dataset_round_trips_in_every_format(frame, name, fmt):
    rows, data = export(name, fmt)
    table = read(fmt, data)
    labels = [str(column.label) for column in get_dataset(name).columns(Scope())]
    assert rows == EXPECTED_ROWS[name]
    assert table[0] == labels
    assert len(table) == 1 + EXPECTED_ROWS[name]
    assert all(len(row) == len(labels) for row in table)


@pytest.mark.parametrize("fmt", FORMATS)
def test_values_are_readable(frame, fmt):
    _rows, data = export("events", fmt, Scope(event="journee-regionale"))
    header, row = read(fmt, data)
    values = dict(zip(header, row))
    assert values["Titre"] == frame["events"][0].title
    assert values["Territoire"] == "Tours"
    # CSV has no types: numbers come back as text there.
    assert str(values["Inscrit·es"]) == "2"
    assert str(values["Liste d’attente"]) == "1"
    assert str(values["Présent·es"]) == "2"


def test_csv_with_semicolons_for_french_spreadsheets(frame):
    _rows, data = export("event_sessions", "csv", delimiter=";")
    assert data.decode("utf-8-sig").splitlines()[0].count(";") == 7
    assert len(read("csv", data, delimiter=";")) == 4


@pytest.mark.parametrize(
    ("scope", "count"),
    [
        (Scope(consultation="quartiers-2025"), 5),
        (Scope(event="webinaire-ecoute"), 2),
        (Scope(territory="tours"), 3),
        (Scope(theme="dynamiques-citoyennes"), 6),
        (Scope(theme="autre-theme"), 0),
    ],
)
def test_scope_filters(frame, scope, count):
    rows, data = export("registrations", "csv", scope)
    assert rows == count
    assert len(read("csv", data)) == 1 + count


def test_date_range_filter(frame):
    from datetime import timedelta

    from django.utils import timezone

    today = timezone.localdate()
    assert export("registrations", "csv", Scope(since=today))[0] == 6
    assert export("registrations", "csv", Scope(until=today - timedelta(days=1)))[0] == 0
    assert export("events", "csv", Scope(until=today - timedelta(days=1)))[0] == 2


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "ods"])
def test_formula_injection_is_neutralised(frame, fmt):
    event = frame["events"][0]
    event.title = '=HYPERLINK("http://evil.example","clic")'
    event.save()
    _rows, data = export("events", fmt, Scope(event=event.slug))
    header, row = read(fmt, data)
    assert dict(zip(header, row))["Titre"] == "'" + event.title


@pytest.mark.parametrize("dangerous", ["+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"])
def test_every_formula_trigger_is_neutralised(dangerous):
    from participation.exports.formats import cell_value

    assert cell_value(dangerous) == "'" + dangerous
    assert cell_value("Tours") == "Tours"
    assert cell_value(-2) == -2


def test_json_keeps_text_as_written(frame):
    event = frame["events"][0]
    event.title = "=1+1"
    event.save()
    _rows, data = export("events", "json", Scope(event=event.slug))
    assert read("json", data)[1][1] == "=1+1"


def test_large_json_and_csv_stay_valid_across_chunks(frame):
    """More rows than one flush: the chunk boundaries must not break the files."""
    from participation.exports.formats import csv_chunks, json_chunks

    rows = [[n, f"ligne {n}"] for n in range(1234)]
    text = "".join(json_chunks({"dataset": "x"}, ["n", "text"], iter(rows)))
    import json

    assert [row["n"] for row in json.loads(text)["rows"]] == list(range(1234))
    assert len("".join(csv_chunks(["n", "text"], iter(rows))).splitlines()) == 1235


def test_every_text_cell_of_a_csv_is_quoted_and_numbers_are_not():
    from datetime import date
    from decimal import Decimal

    from participation.exports.formats import csv_chunks

    rows = [[1, "Tours", None, True, Decimal("2.5"), date(2026, 3, 1), "12"]]
    text = "".join(csv_chunks(["n", "ville", "vide", "oui", "montant", "jour", "code"], iter(rows), delimiter=";"))
    assert text.splitlines()[1] == '1;"Tours";"";"oui";2.5;"2026-03-01";"12"'
    assert text.splitlines()[0] == '\ufeff"n";"ville";"vide";"oui";"montant";"jour";"code"'


def test_an_xlsx_past_a_sheet_continues_on_a_new_sheet_with_the_header(monkeypatch):
    """xlsxwriter refuses rows past a sheet's limit: they go on the next sheet, none is lost."""
    import openpyxl

    from participation.exports import formats

    monkeypatch.setattr(formats, "XLSX_ROWS_PER_SHEET", 4)
    buffer = io.BytesIO()
    done = formats.write_xlsx(buffer, ["n", "texte"], iter([[n, f"ligne {n}"] for n in range(10)]))
    workbook = openpyxl.load_workbook(io.BytesIO(buffer.getvalue()), read_only=True)
    assert workbook.sheetnames == ["Export", "Export (2)", "Export (3)"]
    sheets = [list(sheet.iter_rows(values_only=True)) for sheet in workbook.worksheets]
    assert all(sheet[0] == ("n", "texte") for sheet in sheets)
    assert [row[0] for sheet in sheets for row in sheet[1:]] == list(range(10))
    assert done == 10


def test_the_xlsx_sheet_limit_is_xlsxwriters():
    import xlsxwriter

    from participation.exports import formats

    sheet = xlsxwriter.Workbook(io.BytesIO()).add_worksheet()
    assert sheet.write_string(formats.XLSX_ROWS_PER_SHEET, 0, "dernière") == 0
    assert sheet.write_string(formats.XLSX_ROWS_PER_SHEET + 1, 0, "refusée") == -1
    assert formats.XLSX_ROWS_PER_SHEET == 1_048_575


def test_an_empty_xlsx_keeps_its_header():
    from participation.exports.formats import write_xlsx

    buffer = io.BytesIO()
    assert write_xlsx(buffer, ["n"], iter([])) == 0
    assert read("xlsx", buffer.getvalue()) == [["n"]]

"""Read an export back the way a user's tools would."""

import csv
import io
import json

import openpyxl
from odf.opendocument import load
from odf.table import Table, TableCell, TableRow
from odf import teletype


def read_csv(data, delimiter=","):
    text = data.decode("utf-8")
    assert text.startswith("\ufeff"), "CSV must start with a BOM"
    return list(csv.reader(io.StringIO(text[1:]), delimiter=delimiter))


def read_xlsx(data):
    sheet = openpyxl.load_workbook(io.BytesIO(data), read_only=True).active
    return [["" if value is None else value for value in row] for row in sheet.iter_rows(values_only=True)]


def read_ods(data):
    document = load(io.BytesIO(data))
    table = document.spreadsheet.getElementsByType(Table)[0]
    rows = []
    for row in table.getElementsByType(TableRow):
        cells = []
        for cell in row.getElementsByType(TableCell):
            if cell.getAttribute("valuetype") == "float":
                value = float(cell.getAttribute("value"))
                cells.append(int(value) if value.is_integer() else value)
            else:
                cells.append(teletype.extractText(cell))
        rows.append(cells)
    return rows


def read_json(data):
    document = json.loads(data.decode("utf-8"))
    header = [column["label"] for column in document["columns"]]
    keys = [column["key"] for column in document["columns"]]
    return [header] + [[row[key] for key in keys] for row in document["rows"]]


def read(fmt, data, delimiter=","):
    if fmt == "csv":
        return read_csv(data, delimiter)
    return {"xlsx": read_xlsx, "ods": read_ods, "json": read_json}[fmt](data)

"""Writers of the four export formats. Each takes a header and an iterable of value lists and
never holds more than a chunk of rows in memory: CSV and JSON yield text as they go, XLSX
(xlsxwriter in constant memory) and ODS (our own streamed XML) write into a file object."""

import csv
import io
import json
import re
import zipfile
from datetime import date, datetime
from decimal import Decimal
from xml.sax.saxutils import escape, quoteattr

from django.utils import timezone
from django.utils.translation import gettext

FORMATS = {
    "csv": ("text/csv; charset=utf-8", "csv"),
    "json": ("application/json", "json"),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    "ods": ("application/vnd.oasis.opendocument.spreadsheet", "ods"),
}
STREAMED_FORMATS = ("csv", "json")
DELIMITERS = (",", ";")
BOM = "\ufeff"
FLUSH_EVERY = 500
# A spreadsheet runs a cell that starts with these as a formula (CSV injection).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
# In a CSV, a program that splits on the other separator (or on lines, ignoring the quotes) starts a
# new cell after these: a trigger that follows one is neutralised too.
CSV_CELL_STARTS = re.compile("([,;\r\n])(?=[=+\\-@\t\r])")
# Characters XML 1.0 forbids: dropped from ODS cells.
XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def neutralise(text):
    """Prefix a quote to text a spreadsheet would otherwise evaluate as a formula."""
    if text and text.startswith(FORMULA_TRIGGERS):
        return "'" + text
    return text


def plain_value(value, tz=None):
    """A JSON value: dates in ISO 8601 (local time), everything else as given or as text."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, datetime):
        if timezone.is_aware(value):
            value = value.astimezone(tz or timezone.get_current_timezone())
        return value.isoformat(timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    return str(value)


def cell_converter():
    """A function turning a value into a spreadsheet cell: a number, or text neutralised
    against formula injection. Translations and time zone are looked up once per export."""
    yes, no = gettext("yes"), gettext("no")
    tz = timezone.get_current_timezone()

    def convert(value):
        kind = type(value)
        if kind is str:
            return "'" + value if value and value[0] in FORMULA_TRIGGERS else value
        if value is None:
            return ""
        if kind is bool:
            return yes if value else no
        if kind is int or kind is float or kind is Decimal:
            return value
        return neutralise(plain_value(value, tz))

    return convert


def cell_value(value):
    return cell_converter()(value)


def _json_converter():
    tz = timezone.get_current_timezone()

    def convert(value):
        kind = type(value)
        if value is None or kind is str or kind is int or kind is bool or kind is float:
            return value
        return plain_value(value, tz)

    return convert


def csv_converter():
    """A spreadsheet cell for a CSV: besides its start, every place where a program splitting on
    `,` or `;` or on lines would start a cell gets its quote (`Avis,=cmd` becomes `Avis,'=cmd`)."""
    convert = cell_converter()
    starts = CSV_CELL_STARTS

    def csv_cell(value):
        value = convert(value)
        if type(value) is str and len(value) > 1:
            return starts.sub(r"\1'", value)
        return value

    return csv_cell


def csv_text():
    """``csv_converter()`` for a value known to be text: the same cell, without the type tests."""
    triggers, starts, other = FORMULA_TRIGGERS, CSV_CELL_STARTS, csv_converter()

    def text(value):
        if type(value) is not str:
            return other(value)
        if not value:
            return ""
        if value[0] in triggers:
            value = "'" + value
        return starts.sub(r"\1'", value) if len(value) > 1 else value

    return text


def csv_chunks(header, rows, delimiter=",", on_progress=None, prepared=False):
    """UTF-8 CSV with a BOM (so spreadsheets detect the encoding), as text chunks. Every text cell
    is quoted, numbers are not. ``prepared`` rows hold their cells already (fields.csv_rows)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n", quoting=csv.QUOTE_NONNUMERIC)
    buffer.write(BOM)
    cell = csv_converter()
    writer.writerow([cell(label) for label in header])
    done = 0
    for row in rows:
        # None is written "" as the csv module writes the empty text cell(None) gives: no call for it
        # (a questionnaire's row is mostly empty cells).
        writer.writerow(row if prepared else [value if value is None else cell(value) for value in row])
        done += 1
        if done % FLUSH_EVERY == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
            if on_progress:
                on_progress(done)
    yield buffer.getvalue()
    if on_progress:
        on_progress(done)


def json_chunks(meta, keys, rows, on_progress=None):
    """``{...meta, "rows": [{key: value}, ...]}``, as text chunks."""
    head = json.dumps(meta, ensure_ascii=False)
    yield head[:-1] + (', "rows": [' if meta else '"rows": [')
    done = 0
    parts = []
    convert = _json_converter()
    dumps = json.JSONEncoder(ensure_ascii=False).encode
    for row in rows:
        parts.append(dumps(dict(zip(keys, map(convert, row)))))
        done += 1
        if done % FLUSH_EVERY == 0:
            yield ("," if done > FLUSH_EVERY else "") + ",".join(parts)
            parts = []
            if on_progress:
                on_progress(done)
    if parts:
        yield ("," if done > len(parts) else "") + ",".join(parts)
    yield "]}"
    if on_progress:
        on_progress(done)


# The rows a worksheet holds (the file format's, which xlsxwriter enforces: test_formats.py checks
# it against xlsxwriter), less the header of each sheet. A constant: asking xlsxwriter would import
# it into every process that loads the engine, 0.2 s of the CSV command's start.
XLSX_ROWS_PER_SHEET = 1_048_576 - 1


def _xlsx_sheet_name(base, number):
    """"Export", then "Export (2)", "Export (3)"…, within Excel's 31 characters."""
    if number == 1:
        return base[:31]
    suffix = f" ({number})"
    return base[: 31 - len(suffix)] + suffix


def _xlsx_add_sheet(workbook, name, labels, style):
    sheet = workbook.add_worksheet(name)
    for col, label in enumerate(labels):
        sheet.write_string(0, col, label, style)
    return sheet


def write_xlsx(path, header, rows, sheet_name="Export", on_progress=None, prepared=False):
    """XLSX in constant memory: xlsxwriter flushes each row to a temporary file as it goes. Past a
    sheet's limit the rows continue on a new sheet with the same header, so none is lost.
    ``prepared`` rows hold cells already converted (text neutralised, numbers, None for empty)."""
    # Imported here: 0.2 s of every process's start (the CSV command, the site) otherwise.
    import xlsxwriter

    workbook = xlsxwriter.Workbook(
        path, {"constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False}
    )
    bold = workbook.add_format({"bold": True})
    cell = cell_converter()
    labels = [cell(label) for label in header]
    per_sheet = XLSX_ROWS_PER_SHEET
    sheets = 0
    line = per_sheet
    done = 0
    for done, row in enumerate(rows, start=1):
        if line == per_sheet:
            sheets += 1
            sheet = _xlsx_add_sheet(workbook, _xlsx_sheet_name(sheet_name, sheets), labels, bold)
            write_string, write_number = sheet.write_string, sheet.write_number
            line = 0
        line += 1
        for col, value in enumerate(row if prepared else map(cell, row)):
            if isinstance(value, str):
                if value:
                    write_string(line, col, value)
            elif value is not None:
                write_number(line, col, value)
        if on_progress and done % FLUSH_EVERY == 0:
            on_progress(done)
    if not sheets:
        _xlsx_add_sheet(workbook, _xlsx_sheet_name(sheet_name, 1), labels, bold)
    workbook.close()
    if on_progress:
        on_progress(done)
    return done


ODS_MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
 <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
 <manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>
</manifest:manifest>"""
# An empty styles part: some spreadsheet programs expect the file to exist.
ODS_STYLES = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<office:document-styles xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" office:version="1.2"/>'
)
ODS_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
    "<office:body><office:spreadsheet><table:table table:name={name}>"
)
ODS_TAIL = "</table:table></office:spreadsheet></office:body></office:document-content>"


def _ods_cell(value):
    if isinstance(value, str):
        if not value:
            return "<table:table-cell/>"
        text = escape(XML_INVALID.sub("", value))
        return f'<table:table-cell office:value-type="string"><text:p>{text}</text:p></table:table-cell>'
    number = float(value) if isinstance(value, Decimal) else value
    return f'<table:table-cell office:value-type="float" office:value="{number}"><text:p>{number}</text:p></table:table-cell>'


def _ods_row(values, cell):
    return "<table:table-row>" + "".join(_ods_cell(cell(value)) for value in values) + "</table:table-row>"


def write_ods(fileobj, header, rows, sheet_name="Export", on_progress=None):
    """ODS written as a stream of XML into the zip, a row at a time (odfpy would hold it all)."""
    done = 0
    with zipfile.ZipFile(fileobj, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        # The mimetype comes first and uncompressed, so tools recognise the file.
        archive.writestr(zipfile.ZipInfo("mimetype"), FORMATS["ods"][0], compress_type=zipfile.ZIP_STORED)
        archive.writestr("META-INF/manifest.xml", ODS_MANIFEST)
        archive.writestr("styles.xml", ODS_STYLES)
        with archive.open("content.xml", "w", force_zip64=True) as content:
            content.write(ODS_HEAD.format(name=quoteattr(sheet_name)).encode())
            cell = cell_converter()
            content.write(_ods_row(header, cell).encode())
            chunk = []
            for done, row in enumerate(rows, start=1):
                chunk.append(_ods_row(row, cell))
                if done % FLUSH_EVERY == 0:
                    content.write("".join(chunk).encode())
                    chunk = []
                    if on_progress:
                        on_progress(done)
            content.write(("".join(chunk) + ODS_TAIL).encode())
    if on_progress:
        on_progress(done)
    return done

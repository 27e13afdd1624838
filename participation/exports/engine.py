"""Run a dataset through a format: streamed text for CSV and JSON, a file for XLSX and ODS."""

from django.utils.translation import gettext

from . import conf
from .formats import csv_chunks, json_chunks, write_ods, write_xlsx

LICENCE = "Licence Ouverte / Etalab 2.0 — https://www.etalab.gouv.fr/licence-ouverte-open-licence/"


def table(dataset, scope):
    """Header labels, column keys and an iterator of value lists, in column order."""
    columns = dataset.columns(scope)
    keys = [column.key for column in columns]
    chunk_size = conf.get("EXPORTS_CHUNK_SIZE")
    rows = ([row.get(key) for key in keys] for row in dataset.rows(scope, chunk_size=chunk_size))
    header = keys if scope.open_data else [str(column.label) for column in columns]
    return header, columns, rows


def stream(dataset, scope, fmt, delimiter=",", on_progress=None):
    """Text chunks of a CSV or JSON export."""
    header, columns, rows = table(dataset, scope)
    if fmt == "csv":
        return csv_chunks(header, rows, delimiter=delimiter, on_progress=on_progress)
    meta = {"dataset": dataset.name, "label": str(dataset.label), "scope": scope.to_json()}
    if scope.open_data:
        meta["licence"] = LICENCE
    meta["columns"] = [{"key": column.key, "label": str(column.label)} for column in columns]
    return json_chunks(meta, [column.key for column in columns], rows, on_progress=on_progress)


def write(dataset, scope, fmt, fileobj, delimiter=",", on_progress=None):
    """Write the export into a binary file object; returns the number of rows."""
    if fmt in ("csv", "json"):
        counter = _Counter(on_progress)
        for chunk in stream(dataset, scope, fmt, delimiter=delimiter, on_progress=counter):
            fileobj.write(chunk.encode("utf-8"))
        return counter.done
    header, _columns, rows = table(dataset, scope)
    sheet = gettext("Export")[:31]
    if fmt == "xlsx":
        return write_xlsx(fileobj, header, rows, sheet_name=sheet, on_progress=on_progress)
    if fmt == "ods":
        return write_ods(fileobj, header, rows, sheet_name=sheet, on_progress=on_progress)
    raise ValueError(f"Unknown format {fmt!r}.")


class _Counter:
    def __init__(self, on_progress):
        self.done = 0
        self.on_progress = on_progress

    def __call__(self, done):
        self.done = done
        if self.on_progress:
            self.on_progress(done)


def filename(dataset, scope, fmt):
    parts = [dataset.name] + [str(value) for value in scope.filters().values()]
    return "-".join(parts) + f".{fmt}"


def write_bundle(datasets, scope, fmt, fileobj, delimiter=","):
    """Several datasets in one zip, one file each, sharing the scope and so its pseudonyms:
    the same person has the same identifier in every file of the bundle."""
    import tempfile
    import zipfile

    counts = {}
    with zipfile.ZipFile(fileobj, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for dataset in datasets:
            with tempfile.TemporaryFile() as handle:
                counts[dataset.name] = write(dataset, scope, fmt, handle, delimiter=delimiter)
                handle.seek(0)
                with archive.open(filename(dataset, scope, fmt), "w", force_zip64=True) as member:
                    while chunk := handle.read(1 << 16):
                        member.write(chunk)
    return counts

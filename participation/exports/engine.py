"""Run a dataset through a format: streamed text for CSV and JSON, a file for XLSX and ODS."""

from django.utils.translation import gettext

from . import conf, fields, pgcopy
from .formats import csv_chunks, json_chunks, write_ods, write_xlsx

LICENCE = "Licence Ouverte / Etalab 2.0 — https://www.etalab.gouv.fr/licence-ouverte-open-licence/"


def _fast(dataset, keys):
    """Whether the dataset's declared fields give every column (and the fast paths are on)."""
    return conf.get("EXPORTS_FAST_PATHS") and fields.covers(dataset, keys)


def _header(scope, columns):
    return [column.key for column in columns] if scope.open_data else [str(column.label) for column in columns]


def table(dataset, scope):
    """Header labels, column keys and an iterator of value lists, in column order."""
    columns = dataset.columns(scope)
    keys = [column.key for column in columns]
    chunk_size = conf.get("EXPORTS_CHUNK_SIZE")
    if _fast(dataset, keys):
        rows = fields.value_rows(dataset, scope, keys, chunk_size)
    elif conf.get("EXPORTS_FAST_PATHS") and dataset.values_function is not None:
        # Columns no fixed SQL gives (a questionnaire's pivot): the dataset reads plain values itself.
        rows = dataset.values_function(scope, keys, chunk_size)
    else:
        rows = ([row.get(key) for key in keys] for row in dataset.rows(scope, chunk_size=chunk_size))
    return _header(scope, columns), columns, rows


def stream(dataset, scope, fmt, delimiter=",", on_progress=None):
    """Chunks of a CSV or JSON export: text, or bytes from PostgreSQL's COPY."""
    if fmt == "csv":
        columns = dataset.columns(scope)
        keys = [column.key for column in columns]
        if _fast(dataset, keys) and pgcopy.available(dataset, keys):
            return pgcopy.csv_blocks(dataset, scope, _header(scope, columns), keys, delimiter, on_progress)
        if _fast(dataset, keys):
            rows = fields.csv_rows(dataset, scope, keys, conf.get("EXPORTS_CHUNK_SIZE"))
            return csv_chunks(_header(scope, columns), rows, delimiter=delimiter, on_progress=on_progress,
                              prepared=True)
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
            fileobj.write(chunk if isinstance(chunk, bytes) else chunk.encode("utf-8"))
        return counter.done
    sheet = gettext("Export")[:31]
    if fmt == "xlsx":
        columns = dataset.columns(scope)
        keys = [column.key for column in columns]
        if _fast(dataset, keys) and pgcopy.available(dataset, keys):
            # Cells come from SQL ready to write (neutralised text, numbers, None for empty).
            rows = pgcopy.cell_rows(dataset, scope, keys, conf.get("EXPORTS_CHUNK_SIZE"))
            return write_xlsx(fileobj, _header(scope, columns), rows, sheet_name=sheet, on_progress=on_progress,
                              prepared=True)
    header, _columns, rows = table(dataset, scope)
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

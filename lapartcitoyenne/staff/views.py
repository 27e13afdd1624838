import tempfile

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from consultations.params import parse_int
from participation.exports.formats import FORMATS, csv_chunks, json_chunks, write_ods, write_xlsx

from .statistics import Period, collect


def _year(request):
    year = parse_int(request.GET.get("annee"))
    return timezone.localdate().year if year is None else min(max(year, 2000), 2100)


@login_required
@require_GET
def statistics(request):
    if not request.user.has_perm("exports.view_statistics"):
        raise PermissionDenied
    year = _year(request)
    figures, tables = collect(Period(year))
    return render(
        request,
        "lapartcitoyenne/staff/statistics.html",
        {"year": year, "previous_year": year - 1, "next_year": year + 1, "figures": figures, "tables": tables, "formats": list(FORMATS)},
    )


@login_required
@require_GET
def statistics_table(request, name, fmt):
    """One table of the statistics page, in any export format."""
    if not request.user.has_perm("exports.view_statistics"):
        raise PermissionDenied
    year = _year(request)
    figures, tables = collect(Period(year))
    if name == "summary":
        table = {"columns": [("figure", ""), ("value", "")], "cells": [[str(label), value] for label, value in figures]}
    else:
        table = next((table for table in tables if table["name"] == name), None)
    if table is None or fmt not in FORMATS:
        raise Http404
    header = [label for _key, label in table["columns"]]
    filename = f"{name}-{year}.{fmt}"
    if fmt == "csv":
        response = StreamingHttpResponse(csv_chunks(header, table["cells"], delimiter=";"), content_type=FORMATS[fmt][0])
    elif fmt == "json":
        keys = [key for key, _label in table["columns"]]
        response = StreamingHttpResponse(json_chunks(
            {"table": name, "year": year, "columns": [{"key": k, "label": str(label)} for k, label in table["columns"]]},
            keys,
            table["cells"],
        ), content_type=FORMATS[fmt][0])
    else:
        handle = tempfile.TemporaryFile()
        (write_xlsx if fmt == "xlsx" else write_ods)(handle, header, table["cells"], sheet_name=name)
        handle.seek(0)
        response = FileResponse(handle, content_type=FORMATS[fmt][0])
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response

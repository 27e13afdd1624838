"""Gather the figures and tables each app's ``STATISTICS`` hooks return for a year."""

from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone

from participation.exports.registry import statistics_hooks

CHART_WIDTH = 400


@dataclass(frozen=True)
class Period:
    """A calendar year in the site's time zone: ``start`` inclusive, ``end`` exclusive."""

    year: int

    @property
    def start(self):
        return timezone.make_aware(datetime(self.year, 1, 1))

    @property
    def end(self):
        return timezone.make_aware(datetime(self.year + 1, 1, 1))


def collect(period):
    figures, tables = [], []
    for hook in statistics_hooks():
        result = hook(period)
        figures.extend(result.get("figures", ()))
        tables.extend(normalise(table) for table in result.get("tables", ()))
    return figures, tables


def normalise(table):
    columns = [(key, str(label)) for key, label in table["columns"]]
    rows = list(table["rows"])
    table = {**table, "columns": columns, "rows": rows, "cells": [[row.get(key) for key, _ in columns] for row in rows]}
    if table.get("chart") and rows:
        table["bars"] = bars(rows, *table["chart"])
        table["chart_height"] = len(rows) * 28
    return table


def bars(rows, label_key, value_key):
    """Bar geometry for the server-rendered SVG chart (no inline style: attributes only)."""
    top = max((row.get(value_key) or 0) for row in rows) or 1
    return [
        {
            "label": str(row.get(label_key)),
            "value": row.get(value_key) or 0,
            "width": round((row.get(value_key) or 0) * CHART_WIDTH / top),
            "y": index * 28,
            "text_y": index * 28 + 15,
        }
        for index, row in enumerate(rows)
    ]

"""Datasets and statistics declared by the installed apps in their ``exports.py``.

Apps declare plain dicts (see docs/exports.md) so that they need not import this engine;
the engine turns them into ``Dataset`` objects the first time it is asked. The shape of those dicts
(``DATASETS``, ``STATISTICS`` in an app's ``exports.py``) is a public API, versioned by
``API_VERSION`` like ``consultations.registry.API_VERSION`` (docs/plugin-api.md, CHANGELOG.md).
"""

import importlib
from dataclasses import dataclass, field
from typing import Any, Callable

from django.apps import apps
from django.utils.translation import pgettext_lazy
from django.utils.module_loading import module_has_submodule

from .fields import as_fields
from .scope import FILTERS

API_VERSION = "1.2"  # 1.1: a dataset may declare its columns as "fields"; 1.2: "label" fields,
# "rows" beside "queryset" and "fields", and "values"

# A context keeps these short words from taking another app's translation (the first app wins).
FILTER_LABELS = {
    "consultation": pgettext_lazy("export filter", "consultation"),
    "event": pgettext_lazy("export filter", "event"),
    "since": pgettext_lazy("export filter", "from"),
    "until": pgettext_lazy("export filter", "until"),
    "theme": pgettext_lazy("export filter", "theme"),
    "territory": pgettext_lazy("export filter", "territory"),
}


@dataclass(frozen=True)
class Column:
    key: str
    label: Any
    personal: bool = False  # names, emails: only in personal-data exports
    public: bool = True  # kept in the open data of a consultation
    description: Any = ""


@dataclass(frozen=True)
class Dataset:
    name: str
    label: Any
    columns_spec: Any  # a list of columns, or a function(scope) returning one
    rows_function: Callable | None = None
    queryset: Callable | None = None
    row: Callable | None = None
    count_function: Callable | None = None
    fields: dict | None = None  # the columns as database values (fields.py): the fast paths
    values_function: Callable | None = None  # (scope, keys, chunk_size) -> value lists: a fast path of its own
    description: Any = ""
    filters: frozenset = field(default_factory=frozenset)
    personal_data: bool = False
    open_data: bool = False
    app_label: str = ""

    def columns(self, scope):
        spec = self.columns_spec(scope) if callable(self.columns_spec) else self.columns_spec
        columns = [as_column(item) for item in spec]
        if scope.open_data:
            return [column for column in columns if column.public and not column.personal]
        if not scope.personal_data:
            return [column for column in columns if not column.personal]
        return columns

    def rows(self, scope, chunk_size=2000):
        if self.queryset is not None and self.rows_function is None:
            for obj in self.queryset(scope).iterator(chunk_size=chunk_size):
                yield self.row(obj, scope)
        else:
            yield from self.rows_function(scope)

    def count(self, scope):
        """Number of rows, when the dataset can tell cheaply; None otherwise."""
        if self.count_function is not None:
            return self.count_function(scope)
        if self.queryset is not None:
            return self.queryset(scope).order_by().count()
        return None

    def supports(self, filter_name):
        return filter_name in self.filters

    @property
    def filter_labels(self):
        return [str(FILTER_LABELS[name]) for name in FILTERS if name in self.filters]


def as_column(item):
    if isinstance(item, Column):
        return item
    if isinstance(item, dict):
        return Column(**item)
    key, label, *options = item
    return Column(key, label, **(options[0] if options else {}))


def as_dataset(spec, app_label):
    if isinstance(spec, Dataset):
        return spec
    spec = dict(spec)
    unknown = set(spec.get("filters", ())) - set(FILTERS)
    if unknown:
        raise ValueError(f"Dataset {spec['name']!r} declares unknown filters {sorted(unknown)}.")
    if "rows" not in spec and "queryset" not in spec:
        raise ValueError(f"Dataset {spec['name']!r} needs either 'rows' or 'queryset' and 'row'.")
    if "rows" in spec and "queryset" in spec and "fields" not in spec:
        # Both only with fields: the queryset is then the base of the fields, 'rows' the row-by-row way.
        raise ValueError(f"Dataset {spec['name']!r}: 'rows' and 'queryset' together need 'fields'.")
    if "queryset" in spec and "rows" not in spec and "row" not in spec:
        raise ValueError(f"Dataset {spec['name']!r}: a 'queryset' needs its 'row'.")
    if "fields" in spec and "queryset" not in spec:
        raise ValueError(f"Dataset {spec['name']!r}: 'fields' are values of its 'queryset'.")
    return Dataset(
        name=spec["name"],
        label=spec["label"],
        columns_spec=spec["columns"],
        rows_function=spec.get("rows"),
        queryset=spec.get("queryset"),
        row=spec.get("row"),
        count_function=spec.get("count"),
        fields=as_fields(spec["fields"]) if spec.get("fields") else None,
        values_function=spec.get("values"),
        description=spec.get("description", ""),
        filters=frozenset(spec.get("filters", ())),
        personal_data=spec.get("personal_data", False),
        open_data=spec.get("open_data", False),
        app_label=app_label,
    )


def _exports_modules():
    """Each installed app's ``exports`` module, in INSTALLED_APPS order."""
    for config in apps.get_app_configs():
        if module_has_submodule(config.module, "exports"):
            yield config.label, importlib.import_module(f"{config.name}.exports")


_cache = {}


def datasets():
    """All declared datasets by name. Names are unique across apps."""
    if "datasets" not in _cache:
        found = {}
        for app_label, module in _exports_modules():
            for spec in getattr(module, "DATASETS", ()):
                dataset = as_dataset(spec, app_label)
                if dataset.name in found:
                    raise ValueError(f"Two apps declare a dataset named {dataset.name!r}.")
                found[dataset.name] = dataset
        _cache["datasets"] = found
    return _cache["datasets"]


def get_dataset(name):
    return datasets().get(name)


def statistics_hooks():
    """The ``STATISTICS`` functions of the apps: each takes a Period and returns figures and tables."""
    hooks = []
    for _app_label, module in _exports_modules():
        hooks.extend(getattr(module, "STATISTICS", ()))
    return hooks


def clear_cache():
    _cache.clear()

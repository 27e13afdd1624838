"""What every dated dataset does with an export's scope, for the apps' ``exports.py``: plain
functions of the scope's attributes, so that an app need not import the export engine (and any
object with ``since``/``until`` and their ``*_datetime`` serves)."""


def dated(queryset, scope, field):
    """The queryset limited to the scope's ``since`` and ``until`` (inclusive days) on a datetime field."""
    if scope.since:
        queryset = queryset.filter(**{f"{field}__gte": scope.since_datetime})
    if scope.until:
        queryset = queryset.filter(**{f"{field}__lte": scope.until_datetime})
    return queryset

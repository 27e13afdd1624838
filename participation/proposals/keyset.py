"""Deep pages of the proposal list by keyset: « the next 20 after this one », not ``OFFSET n``.

A cursor is the sort value and the id of the last proposal shown (``apres=<value>~<id>``), so that
the database walks its index from there (proposal_newest_idx, proposal_most_supported_idx,
proposal_most_commented_idx) whatever the depth. The random order has no such key: it keeps the
bounded window of numbered pages.
"""

from datetime import datetime

from django.db.models import Q

# The orders that walk an index, and the field each sorts on (descending, then by id descending).
KEYS = {"newest": "created_at", "supports": "support_count", "comments": "comment_count"}
PARAM = "apres"


def cursor_after(order, proposal):
    field = KEYS[order]
    value = getattr(proposal, field)
    return f"{value.isoformat() if isinstance(value, datetime) else value}~{proposal.pk}"


def parse(order, cursor):
    """The (value, id) of a cursor, or None when it is not one of this order's."""
    value, _sep, pk = (cursor or "").rpartition("~")
    try:
        pk = int(pk)
        value = datetime.fromisoformat(value) if KEYS[order] == "created_at" else int(value)
    except (KeyError, ValueError):
        return None
    return value, pk


def after(queryset, order, cursor):
    """The queryset (already in its order) from the row after the cursor on; None: a bad cursor."""
    key = parse(order, cursor)
    if key is None:
        return None
    field, (value, pk) = KEYS[order], key
    # The first condition is redundant but sargable: the index scan starts at the cursor instead of
    # filtering every row above it.
    return queryset.filter(**{f"{field}__lte": value}).filter(Q(**{f"{field}__lt": value}) | Q(pk__lt=pk))

"""Per-row values a list or a thread shows, computed once in Python rather than by template filters.

A page of 90 comments or 20 cards evaluated ``|date``, ``|public_name|default:_(…)`` and
``{% report_link %}`` for every row: a filter chain, a translation and a URL reversal each time,
most of the page's rendering cost (docs/performance.md). These give the same text, once a row.
"""

from django.utils import timezone
from django.utils.formats import date_format

from .identity import public_name
from .moderation import kind_of
from .plugins import optional_reverse

# A number no row has, reversed once: the report address of each row is this one with its id.
_SENTINEL = 2147483646


def shown_dates(value, fmt):
    """``(iso, text)``: what ``{{ value|date:'c' }}`` and ``{{ value|date:fmt }}`` print."""
    if value is None:
        return "", ""
    local = timezone.localtime(value) if timezone.is_aware(value) else value
    return local.isoformat(), date_format(local, fmt)


def shown_name(user, fallback):
    """``{{ user|public_name|default:fallback }}``."""
    return public_name(user) or fallback


def report_urls(objects, user):
    """Set ``obj.report_url`` as ``{% report_link obj %}`` offers it ("" where it offers nothing:
    the reader's own content, content not visible, no moderation app); returns the kind's label."""
    objects = list(objects)
    if not objects:
        return ""
    kind = kind_of(objects[0])
    if kind is None:
        for obj in objects:
            obj.report_url = ""
        return ""
    sample = optional_reverse("moderation:report", kind.key, _SENTINEL)
    reader = user.pk if user is not None and user.is_authenticated else None
    for obj in objects:
        offered = kind.status(obj) == "visible" and (reader is None or kind.author_id(obj) != reader)
        if not offered or not sample:
            obj.report_url = ""
        elif str(_SENTINEL) in sample:
            obj.report_url = sample.replace(str(_SENTINEL), str(obj.pk))
        else:
            obj.report_url = optional_reverse("moderation:report", kind.key, obj.pk)
    return kind.label


def address_of(viewname):
    """A function of a row's id (or slug) giving ``reverse(viewname, args=[it])``: the URL resolver
    runs once for a page's rows, not once a row (ids and slugs need no quoting)."""
    from django.urls import reverse

    sample = reverse(viewname, args=[_SENTINEL])
    head, _, tail = sample.rpartition(str(_SENTINEL))
    return lambda key: f"{head}{key}{tail}"


def for_event_cards(events):
    """What each event card shows (consultations/_event_card.html), once a card: its address and
    its sessions' dates. The events come with their sessions prefetched."""
    address = address_of("consultations:event_detail")
    for event in events:
        event.shown_url = address(event.slug)
        for session in event.sessions.all():
            session.shown_iso, session.shown_start = shown_dates(session.starts_at, r"l j F Y, H\hi")
    return events

"""Datasets and statistics of the frame, declared for the export engine (docs/exports.md).

Plain dicts: the frame imports nothing from the engine. ``scope`` has the filters
(consultation, event, theme, territory: slugs; since, until: dates, with ``since_datetime`` and
``until_datetime``; ``consultations.export_scope.dated()`` filters by both), ``personal_data``, ``open_data`` and ``pseudonym(user_pk)``.
"""

from collections import Counter

from django.db.models import Count, Max, Min, Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from .export_scope import dated
from .identity import public_name
from .models import (
    Consultation,
    Event,
    EventResource,
    EventSession,
    EventStatus,
    Registration,
    RegistrationStatus,
)

ALL_FILTERS = ["consultation", "event", "since", "until", "theme", "territory"]


def _event_filters(scope, prefix=""):
    """Q of the scope's filters on an event reached through ``prefix``."""
    q = Q()
    if scope.consultation:
        q &= Q(**{f"{prefix}consultation__slug": scope.consultation})
    if scope.event:
        q &= Q(**{f"{prefix}slug": scope.event})
    if scope.theme:
        q &= Q(**{f"{prefix}theme__slug": scope.theme})
    if scope.territory:
        q &= Q(**{f"{prefix}territory__slug": scope.territory})
    if scope.open_data:
        q &= Q(**{f"{prefix}status__in": [EventStatus.PUBLISHED, EventStatus.CANCELLED]})
    return q


# Registrations and attendance: the only dataset with personal data.


def registrations(scope):
    queryset = Registration.objects.filter(_event_filters(scope, "event__")).order_by("event_id", "queued_at", "pk")
    queryset = dated(queryset, scope, "queued_at")
    related = ["event"] + (["user"] if scope.personal_data else [])
    return queryset.select_related(*related)


def registration_row(registration, scope):
    row = {
        "event": registration.event.slug,
        "event_title": registration.event.title,
        "participant": scope.pseudonym(registration.user_id),
        "status": registration.get_status_display(),
        "registered_at": registration.queued_at,
        "cancelled_at": registration.cancelled_at,
        "attended": registration.attended,
        "attended_at": registration.attended_at,
    }
    if scope.personal_data:
        row["name"] = public_name(registration.user)
        row["email"] = registration.user.email
    return row


REGISTRATION_COLUMNS = [
    ("event", _("Event (identifier)")),
    ("event_title", _("Event")),
    ("participant", _("Participant (pseudonym)")),
    {"key": "name", "label": _("Name"), "personal": True},
    {"key": "email", "label": _("Email"), "personal": True},
    ("status", _("Status")),
    ("registered_at", _("Registered at")),
    ("cancelled_at", _("Cancelled at")),
    ("attended", _("Attended")),
    ("attended_at", _("Present since")),
]


# Events, one row each, with their dates and head counts.


def events(scope):
    queryset = Event.objects.filter(_event_filters(scope)).annotate(
        first_start=Min("sessions__starts_at"),
        last_end=Max("sessions__ends_at"),
        session_count=Count("sessions", distinct=True),
        registered=Count("registrations", filter=Q(registrations__status=RegistrationStatus.CONFIRMED), distinct=True),
        waiting=Count("registrations", filter=Q(registrations__status=RegistrationStatus.WAITING), distinct=True),
        attended=Count("registrations", filter=Q(registrations__attended=True), distinct=True),
    )
    queryset = dated(queryset, scope, "first_start")
    return queryset.select_related("theme", "territory", "consultation").order_by("first_start", "pk")


def event_row(event, scope):
    return {
        "event": event.slug,
        "title": event.title,
        "kind": event.get_kind_display(),
        "theme": event.theme.name,
        "territory": event.territory.name if event.territory else "",
        "consultation": event.consultation.slug if event.consultation else "",
        "status": event.get_status_display(),
        "first_start": event.first_start,
        "last_end": event.last_end,
        "sessions": event.session_count,
        "capacity": event.capacity,
        "registered": event.registered,
        "waiting": event.waiting,
        "attended": event.attended,
    }


EVENT_COLUMNS = [
    ("event", _("Event (identifier)"), {"description": _("Stable identifier of the event in its address.")}),
    ("title", _("Title")),
    ("kind", _("Kind")),
    ("theme", _("Theme")),
    ("territory", _("Territory")),
    ("consultation", _("Consultation")),
    ("status", _("Status")),
    ("first_start", _("Starts"), {"description": _("Start of the first session, ISO 8601.")}),
    ("last_end", _("Ends"), {"description": _("End of the last session, ISO 8601.")}),
    ("sessions", _("Sessions")),
    ("capacity", _("Capacity")),
    ("registered", _("Registered"), {"description": _("Confirmed registrations.")}),
    ("waiting", _("Waiting list")),
    ("attended", _("Attended"), {"description": _("People marked present.")}),
]


def sessions(scope):
    queryset = EventSession.objects.filter(_event_filters(scope, "event__"))
    queryset = dated(queryset, scope, "starts_at")
    return queryset.select_related("event").order_by("starts_at", "pk")


def session_row(session, scope):
    return {
        "event": session.event.slug,
        "event_title": session.event.title,
        "title": session.title,
        "starts_at": session.starts_at,
        "ends_at": session.ends_at,
        "online": session.is_online,
        "city": session.city,
        "place": session.place,
    }


SESSION_COLUMNS = [
    ("event", _("Event (identifier)")),
    ("event_title", _("Event")),
    ("title", _("Session")),
    ("starts_at", _("Starts")),
    ("ends_at", _("Ends")),
    ("online", _("Online")),
    ("city", _("City")),
    ("place", _("Place")),
]

DATASETS = [
    {
        "name": "registrations",
        "label": _("Event registrations and attendance"),
        "description": _("One row per person and event: status, dates, attendance."),
        "columns": REGISTRATION_COLUMNS,
        "queryset": registrations,
        "row": registration_row,
        "filters": ALL_FILTERS,
        "personal_data": True,
    },
    {
        "name": "events",
        "label": _("Events"),
        "description": _("One row per event, with its dates and head counts."),
        "columns": EVENT_COLUMNS,
        "queryset": events,
        "row": event_row,
        "filters": ALL_FILTERS,
        "open_data": True,
    },
    {
        "name": "event_sessions",
        "label": _("Event sessions"),
        "description": _("One row per session of an event: when and where."),
        "columns": SESSION_COLUMNS,
        "queryset": sessions,
        "row": session_row,
        "filters": ALL_FILTERS,
        "open_data": True,
    },
]


# Statistics: a function(period) -> {"figures": [...], "tables": [...]} (docs/exports.md).


def frame_statistics(period):
    # Held: started within the year and before now, so next month's events don't count yet.
    until = min(period.end, timezone.now())
    held = list(
        Event.objects.filter(status=EventStatus.PUBLISHED)
        .annotate(first_start=Min("sessions__starts_at"))
        .filter(first_start__gte=period.start, first_start__lt=until)
        .annotate(
            registered=Count("registrations", filter=Q(registrations__status=RegistrationStatus.CONFIRMED), distinct=True),
            waiting=Count("registrations", filter=Q(registrations__status=RegistrationStatus.WAITING), distinct=True),
            attended=Count("registrations", filter=Q(registrations__attended=True), distinct=True),
        )
        .select_related("theme", "territory")
        .order_by("first_start", "pk")
    )
    attendees = (
        Registration.objects.filter(event__in=[event.pk for event in held], attended=True)
        .values("user").distinct().count()
    )
    registrants = (
        Registration.objects.filter(event__in=[event.pk for event in held], status=RegistrationStatus.CONFIRMED)
        .values("user").distinct().count()
    )
    publications = EventResource.objects.filter(event__in=[event.pk for event in held]).count()
    by_kind = Counter(event.get_kind_display() for event in held)
    by_theme = Counter(event.theme.name for event in held)
    by_territory = Counter(event.territory.name if event.territory else str(_("No territory")) for event in held)
    by_month = Counter(date_format(timezone.localtime(event.first_start), "Y-m") for event in held)
    consultations = (
        Consultation.objects.public()
        .annotate(
            event_count=Count("events", distinct=True),
            registered=Count(
                "events__registrations",
                filter=Q(events__registrations__status=RegistrationStatus.CONFIRMED),
                distinct=True,
            ),
        )
        .order_by("title")
    )

    def counted(name, title, label, counter):
        return {
            "name": name,
            "title": title,
            "columns": [("label", label), ("count", _("Events"))],
            "rows": [{"label": key, "count": value} for key, value in sorted(counter.items())],
            "chart": ("label", "count"),
        }

    return {
        "figures": [
            (_("Rendez-vous held"), len(held)),
            (_("People registered"), registrants),
            (_("Participants present"), attendees),
            (_("Registrations"), sum(event.registered for event in held)),
            (_("Publications (replays, syntheses, documents)"), publications),
        ],
        "tables": [
            {
                "name": "participants_per_event",
                "title": _("Participants per event"),
                "columns": [
                    ("event", _("Event")),
                    ("date", _("Date")),
                    ("registered", _("Registered")),
                    ("waiting", _("Waiting list")),
                    ("attended", _("Attended")),
                ],
                "rows": [
                    {
                        "event": event.title,
                        "date": date_format(timezone.localtime(event.first_start), "DATE_FORMAT"),
                        "registered": event.registered,
                        "waiting": event.waiting,
                        "attended": event.attended,
                    }
                    for event in held
                ],
                "chart": ("event", "attended"),
            },
            counted("events_per_month", _("Events held per month"), _("Month"), by_month),
            counted("events_per_kind", _("Events held per kind"), _("Kind"), by_kind),
            counted("events_per_theme", _("Events held per theme"), _("Theme"), by_theme),
            counted("events_per_territory", _("Events held per territory"), _("Territory"), by_territory),
            {
                "name": "consultations",
                "title": _("Consultations and their participation"),
                "columns": [
                    ("consultation", _("Consultation")),
                    ("events", _("Events")),
                    ("registered", _("Registered")),
                ],
                "rows": [
                    {"consultation": c.title, "events": c.event_count, "registered": c.registered}
                    for c in consultations
                ],
                "chart": ("consultation", "registered"),
            },
        ],
    }


STATISTICS = [frame_statistics]

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import services
from .conf import get_setting
from .display import for_event_cards
from .filters import EventFilter
from .ical import event_calendar, programme_calendar
from .models import Event, EventSession, Registration, RegistrationStatus, Theme
from .registry import registry
from .page_cache import visitor_cached


def programme_queryset():
    return events_with_details().published()


def events_with_details():
    return (
        Event.objects.select_related("theme")
        .prefetch_related(
            Prefetch("sessions", queryset=EventSession.objects.order_by("starts_at")),
            "partners",
            "resources",
        )
    )


@visitor_cached
def programme(request):
    event_filter = EventFilter(request.GET, queryset=programme_queryset(), request=request)
    page = Paginator(event_filter.qs, get_setting("PROGRAMME_PAGE_SIZE")).get_page(request.GET.get("page"))
    for_event_cards(page.object_list)
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "consultations/programme.html",
        {
            "filter": event_filter,
            "page": page,
            "past": event_filter.period == "past",
            "query": query.urlencode(),
            "themes": Theme.objects.all(),
            "cities": EventSession.objects.exclude(city="").order_by("city").values_list("city", flat=True).distinct(),
        },
    )


def _visible_event(request, slug):
    event = get_object_or_404(events_with_details(), slug=slug)
    if not request.user.has_perm("consultations.view_event", event):
        raise Http404
    return event


@visitor_cached
def event_detail(request, slug):
    event = _visible_event(request, slug)
    registration = None
    if request.user.is_authenticated:
        registration = (
            Registration.objects.with_waiting_position().filter(event=event, user=request.user).first()
        )
    closed = services.registration_closed_reason(event)
    return render(
        request,
        "consultations/event_detail.html",
        {
            "event": event,
            "registration": registration if registration and registration.is_active else None,
            "closed_reason": closed[0] if closed else None,
            "seats_left": services.seats_left(event),
            "can_see_links": registration is not None and registration.status == RegistrationStatus.CONFIRMED,
            "is_past": all(s.ends_at < timezone.now() for s in event.sessions.all()),
            "event_tools_at_top": registry.event_tools_at_top(),
            "event_tools": registry.event_tools_after(),
        },
    )


@login_required
@require_POST
def register(request, slug):
    event = _visible_event(request, slug)
    try:
        registration = services.register(event, request.user)
    except services.RegistrationRefused as refusal:
        messages.error(request, refusal.message)
    else:
        if registration.status == RegistrationStatus.WAITING:
            messages.info(request, _("The event is full: you are on the waiting list. We will email you if a seat frees up."))
        else:
            messages.success(request, _("You are registered. A confirmation email is on its way."))
    return redirect(event)


@login_required
@require_POST
def cancel(request, slug):
    event = _visible_event(request, slug)
    try:
        services.cancel_registration(event, request.user)
    except services.RegistrationRefused as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(request, _("Your registration has been cancelled."))
    next_url = request.POST.get("next")
    if next_url == "my_registrations":
        return redirect("consultations:my_registrations")
    return redirect(event)


@login_required
def my_registrations(request):
    registrations = (
        Registration.objects.with_waiting_position()
        .filter(user=request.user)
        .exclude(status=RegistrationStatus.CANCELLED)
        .select_related("event", "event__theme")
        .prefetch_related(Prefetch("event__sessions", queryset=EventSession.objects.order_by("starts_at")))
        .order_by("-queued_at")
    )
    return render(request, "consultations/my_registrations.html", {"registrations": registrations})


@login_required
def event_registrations(request, slug):
    event = get_object_or_404(Event, slug=slug)
    if not request.user.has_perm("consultations.view_event_registrations", event):
        raise PermissionDenied
    registrations = event.registrations.select_related("user").order_by("status", "queued_at")
    return render(
        request,
        "consultations/event_registrations.html",
        {"event": event, "registrations": registrations},
    )


def _ics_response(calendar, filename):
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def programme_ics(request):
    events = programme_queryset().filter(sessions__isnull=False).distinct()
    return _ics_response(programme_calendar(events, request=request), "programme.ics")


def event_ics(request, slug):
    event = _visible_event(request, slug)
    return _ics_response(event_calendar(event, request=request), f"{event.slug}.ics")

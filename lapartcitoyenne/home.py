"""What the home page shows: where to take part now, what is coming, and a few figures.

Each block is one or two queries whatever the number of rows (tests assert it). The live room and the
proposals are optional apps: a block whose app is not installed is left out. The figures come from
the statistics hooks (``staff.statistics``) and are cached: computing them reads every app's tables.
"""

from urllib.parse import urlencode

from django.apps import apps
from django.conf import settings
from django.shortcuts import resolve_url
from django.core.cache import cache
from django.db.models import Prefetch, Q
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from consultations.consultation_views import consultation_queryset
from consultations.display import for_event_cards
from consultations.models import EventSession, EventStatus
from consultations.plugins import optional_reverse
from consultations.views import programme_queryset

LIVE_ROOMS = 3
CONSULTATIONS = 3
PROPOSALS = 4
EVENTS = 3
FIGURES_CACHE_SECONDS = 10 * 60

# The statistics figures the home page adds up, by their label in the apps' STATISTICS hooks.
PARTICIPANT_FIGURES = [_("Participants present")]
CONTRIBUTION_FIGURES = [_("Proposals"), _("Comments"), _("Live room messages"), _("Live room questions")]
EVENT_FIGURES = [_("Rendez-vous held")]


def live_now(now):
    """Rooms one can join now (``Room.can_be_joined``): open ones, and those of a session today."""
    if not apps.is_installed("participation.live"):
        return []
    room_model = apps.get_model("live", "Room")
    end_of_today = timezone.localtime(now).replace(hour=23, minute=59, second=59)
    candidates = (
        room_model.objects.filter(event__status=EventStatus.PUBLISHED)
        .filter(
            Q(state="open")
            | Q(state="scheduled", opens_at__lte=now) & (Q(closes_at__isnull=True) | Q(closes_at__gt=now))
            | Q(state="scheduled", event__sessions__starts_at__lte=end_of_today, event__sessions__ends_at__gt=now)
        )
        .distinct()
        .select_related("event", "event__theme")
        .prefetch_related(Prefetch("event__sessions", queryset=EventSession.objects.order_by("starts_at")))
        .order_by("event__title", "pk")[: LIVE_ROOMS * 3]
    )
    return [room for room in candidates if room.can_be_joined(now)][:LIVE_ROOMS]


def open_consultations(user, now):
    found = consultation_queryset(user).open(now).order_by("last_end", "pk")[:CONSULTATIONS]
    return [{"consultation": c, "current": c.current_step(now), "next": c.next_step(now)} for c in found]


def recent_proposals(user):
    if not apps.is_installed("participation.proposals"):
        return []
    proposal_model = apps.get_model("proposals", "Proposal")
    return list(
        proposal_model.objects.visible_to(user)
        .select_related("author", "council", "consultation")
        .order_by("-created_at", "-pk")[:PROPOSALS]
    )


def next_events(now):
    return for_event_cards(list(programme_queryset().upcoming(now).order_by("first_start", "pk")[:EVENTS]))


def _total(figures, wanted):
    labels = {str(label) for label in wanted}
    values = [value for label, value in figures if str(label) in labels]
    return sum(values) if values else None


def figures(now):
    """This year's rendez-vous, participants and contributions, from the statistics hooks."""
    year = timezone.localtime(now).year
    key = f"home-figures:{year}:{translation.get_language()}"
    found = cache.get(key)
    if found is None:
        from .staff.statistics import Period, collect

        all_figures, _tables = collect(Period(year))
        found = {
            "year": year,
            "events": _total(all_figures, EVENT_FIGURES),
            "participants": _total(all_figures, PARTICIPANT_FIGURES),
            "contributions": _total(all_figures, CONTRIBUTION_FIGURES),
        }
        cache.set(key, found, FIGURES_CACHE_SECONDS)
    return found


def propose_url(user):
    """« Propose an initiative »: the form, or for a visitor the log-in that comes back to it."""
    form = optional_reverse("proposals:create")
    if not form or user.is_authenticated:
        return form
    return f"{resolve_url(settings.LOGIN_URL)}?{urlencode({'next': form})}"


def home_context(request):
    now = timezone.now()
    return {
        "propose_url": propose_url(request.user),
        "live_rooms": live_now(now),
        "consultations": open_consultations(request.user, now),
        "proposals": recent_proposals(request.user),
        "upcoming": next_events(now),
        "figures": figures(now),
    }

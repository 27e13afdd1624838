from django.db.models import Prefetch
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, permissions, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle

from . import services
from .filters import MONTH_PATTERN, EventFilter
from .models import EventKind, EventSession, Registration, RegistrationStatus
from .serializers import (
    EventDetailSerializer,
    EventListSerializer,
    RefusalSerializer,
    RegistrationSerializer,
    SessionSerializer,
)
from .views import programme_queryset

PERIODS = ("upcoming", "past", "all")
PERIOD = OpenApiParameter(
    "period", str, enum=PERIODS, description="Upcoming (default), past or all events."
)


def _refused(refusal):
    code = status.HTTP_409_CONFLICT if refusal.code in ("already_registered", "full", "not_registered") else status.HTTP_400_BAD_REQUEST
    if refusal.code in ("unverified", "blocked"):
        code = status.HTTP_403_FORBIDDEN
    return Response({"detail": refusal.message, "code": refusal.code}, status=code)


def _represent(registration):
    """The registration as it stands now, with its place on the waiting list."""
    return RegistrationSerializer(Registration.objects.with_waiting_position().get(pk=registration.pk)).data


MONTH = OpenApiParameter(
    "month", str, pattern=MONTH_PATTERN, description="Events with a session in this month (YYYY-MM)."
)


KIND = OpenApiParameter(
    "kind", str, enum=["", *EventKind.values], description="Kind of event; empty: all kinds."
)


@extend_schema_view(list=extend_schema(parameters=[PERIOD, MONTH, KIND]))
class EventViewSet(viewsets.ReadOnlyModelViewSet):
    """The programme: published events with their sessions."""

    lookup_field = "slug"
    # Any value reaches the view, so a malformed slug gets a JSON 404 rather than the site's page.
    lookup_value_regex = "[^/]+"
    filterset_class = EventFilter

    def get_queryset(self):
        # The period and its order come with the filters (consultations.filters.EventFilter).
        return programme_queryset()

    def filter_queryset(self, queryset):
        # The list's filters (a period by default) do not hide one item from its own address.
        return super().filter_queryset(queryset) if self.action == "list" else queryset

    def get_serializer_class(self):
        return EventDetailSerializer if self.action == "retrieve" else EventListSerializer

    def get_throttles(self):
        if self.action in ("register", "cancel"):
            self.throttle_scope = "write"
            return [ScopedRateThrottle()]
        return super().get_throttles()

    @extend_schema(
        request=None,
        # 400 and 403 answers are documented for every endpoint (lapartcitoyenne.api_schema).
        responses={201: RegistrationSerializer, 409: RefusalSerializer},
    )
    @action(detail=True, methods=["post"], permission_classes=[permissions.IsAuthenticated])
    def register(self, request, slug=None):
        """Register the signed-in person (or put them on the waiting list)."""
        try:
            registration = services.register(self.get_object(), request.user)
        except services.RegistrationRefused as refusal:
            return _refused(refusal)
        return Response(_represent(registration), status=status.HTTP_201_CREATED)

    @extend_schema(
        request=None,
        responses={200: RegistrationSerializer, 409: RefusalSerializer},
    )
    @action(detail=True, methods=["post"], permission_classes=[permissions.IsAuthenticated])
    def cancel(self, request, slug=None):
        """Cancel the signed-in person's registration; the waiting list moves up."""
        try:
            cancellation = services.cancel_registration(self.get_object(), request.user)
        except services.RegistrationRefused as refusal:
            return _refused(refusal)
        return Response(_represent(cancellation.registration))


class SessionViewSet(viewsets.ReadOnlyModelViewSet):
    """Sessions of published events, in time order."""

    serializer_class = SessionSerializer
    lookup_value_regex = "[^/]+"

    def get_queryset(self):
        return (
            EventSession.objects.filter(event__in=programme_queryset().values("pk"))
            .select_related("event")
            .order_by("starts_at", "pk")
        )


class MyRegistrationViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    """The signed-in person's current registrations."""

    serializer_class = RegistrationSerializer
    permission_classes = [permissions.IsAuthenticated]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Registration.objects.none()
        return (
            Registration.objects.with_waiting_position()
            .filter(user=self.request.user)
            .exclude(status=RegistrationStatus.CANCELLED)
            .select_related("event")
            .prefetch_related(Prefetch("event__sessions"))
            .order_by("-queued_at", "pk")
        )

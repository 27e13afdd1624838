"""API of consultations: list, detail with steps and tools, join and leave."""

from django.db.models import Prefetch
from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, permissions, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle

from . import services
from .filters import ConsultationApiFilter
from .models import Consultation, Follow, Step
from .serializers import (
    ConsultationDetailSerializer,
    ConsultationListSerializer,
    FollowSerializer,
    RefusalSerializer,
)

PERIOD = OpenApiParameter(
    "period", str, enum=["open", "upcoming", "closed", "all"], description="Open now, upcoming, closed, or all (default)."
)


def consultations_for(user):
    return (
        Consultation.objects.visible_to(user)
        .select_related("theme", "territory")
        .prefetch_related(
            Prefetch("steps", queryset=Step.objects.select_related("consultation").order_by("position", "starts_at"))
        )
    )


@extend_schema_view(list=extend_schema(parameters=[PERIOD]))
class ConsultationViewSet(viewsets.ReadOnlyModelViewSet):
    """Consultations the person may see: drafts and others' private consultations are not found."""

    lookup_field = "slug"
    lookup_value_regex = "[-a-zA-Z0-9_]+"
    filterset_class = ConsultationApiFilter

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Consultation.objects.none()
        consultations = consultations_for(self.request.user)
        # The period comes with the filters (consultations.filters.ConsultationApiFilter).
        return consultations.order_by("-created_at", "pk")

    def filter_queryset(self, queryset):
        # The list's filters (a period by default) do not hide one item from its own address.
        return super().filter_queryset(queryset) if self.action == "list" else queryset

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "now": timezone.now()}

    def get_serializer_class(self):
        return ConsultationDetailSerializer if self.action == "retrieve" else ConsultationListSerializer

    def get_throttles(self):
        if self.action in ("join", "leave"):
            self.throttle_scope = "write"
            return [ScopedRateThrottle()]
        return super().get_throttles()

    @extend_schema(request=None, responses={201: FollowSerializer, 200: FollowSerializer, 403: RefusalSerializer, 404: RefusalSerializer})
    @action(detail=True, methods=["post"], permission_classes=[permissions.IsAuthenticated])
    def join(self, request, slug=None):
        """Join (follow) the consultation: it shows in the person's space, step openings come by email."""
        try:
            membership, created = services.follow(self.get_object(), request.user)
        except services.FollowRefused as refusal:
            return Response({"detail": refusal.message, "code": refusal.code}, status=status.HTTP_403_FORBIDDEN)
        return Response(
            FollowSerializer(membership).data, status=status.HTTP_201_CREATED if created else status.HTTP_200_OK
        )

    @extend_schema(request=None, responses={204: None, 404: RefusalSerializer, 409: RefusalSerializer})
    @action(detail=True, methods=["post"], permission_classes=[permissions.IsAuthenticated])
    def leave(self, request, slug=None):
        """Leave the consultation."""
        try:
            services.unfollow(self.get_object(), request.user)
        except services.FollowRefused as refusal:
            return Response({"detail": refusal.message, "code": refusal.code}, status=status.HTTP_409_CONFLICT)
        return Response(status=status.HTTP_204_NO_CONTENT)


class MyConsultationViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    """The consultations the signed-in person joined."""

    serializer_class = FollowSerializer
    permission_classes = [permissions.IsAuthenticated]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Follow.objects.none()
        return Follow.objects.filter(user=self.request.user).select_related("consultation").order_by("-created_at", "pk")

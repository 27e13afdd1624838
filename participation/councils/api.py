from django.db.models import Prefetch
from drf_spectacular.utils import extend_schema
from rest_framework import permissions, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle

from consultations.parsers import BoundedJSONParser
from consultations.moderation import can_moderate

from . import services
from .models import Council, Membership
from consultations.refusals import Refused, refused_response
from .serializers import (
    CouncilDetailSerializer,
    CouncilSerializer,
    JoinRequestSerializer,
    MembershipSerializer,
    RefusalSerializer,
)


class CouncilViewSet(viewsets.ReadOnlyModelViewSet):
    """Verified citizen councils, with the members who chose to appear."""

    lookup_field = "slug"
    lookup_value_regex = "[^/]+"
    parser_classes = [BoundedJSONParser]

    def get_queryset(self):
        # A hidden council leaves the list; its own address answers with the marker, as its page does.
        councils = Council.objects.verified() if self.action == "retrieve" else Council.objects.listed()
        councils = councils.select_related("neighbourhood", "commune").order_by("name", "pk")
        if self.action == "retrieve":
            councils = councils.prefetch_related(
                Prefetch("memberships", queryset=Membership.objects.select_related("user"))
            )
        return councils

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "moderates": can_moderate(self.request.user)}

    def get_serializer_class(self):
        return CouncilDetailSerializer if self.action == "retrieve" else CouncilSerializer

    def get_throttles(self):
        if self.action == "join":
            self.throttle_scope = "write"
            return [ScopedRateThrottle()]
        return super().get_throttles()

    @extend_schema(
        request=JoinRequestSerializer,
        responses={201: MembershipSerializer, 409: RefusalSerializer},
    )
    @action(detail=True, methods=["post"], permission_classes=[permissions.IsAuthenticated])
    def join(self, request, slug=None):
        """Ask to join the council; its managers accept or decline."""
        payload = JoinRequestSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        try:
            membership = services.request_membership(
                request.user, self.get_object(), payload.validated_data["show_on_page"]
            )
        except Refused as refusal:
            return refused_response(refusal)
        return Response(MembershipSerializer(membership).data, status=status.HTTP_201_CREATED)

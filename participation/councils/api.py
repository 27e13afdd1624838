from django.db.models import Prefetch
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import permissions, status, viewsets
from rest_framework.exceptions import NotFound
from rest_framework.decorators import action
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle

from consultations.parsers import BoundedJSONParser
from consultations.models import Territory, TerritoryKind
from consultations.moderation import can_moderate

from . import services
from .models import Council, Membership
from consultations.refusals import Refused, refused_response
from .serializers import (
    CouncilDetailSerializer,
    CouncilRequestSerializer,
    CouncilSerializer,
    JoinRequestSerializer,
    ManagedMembershipSerializer,
    MembershipSerializer,
    RefusalSerializer,
    VerificationSerializer,
)

WRITE_ACTIONS = ("create", "join", "accept_member", "remove_member", "verification")
MEMBERSHIP = OpenApiParameter("membership", int, OpenApiParameter.PATH, description="Id of the membership.")


class CouncilViewSet(viewsets.ReadOnlyModelViewSet):
    """Verified citizen councils, with the members who chose to appear; asking for a council, joining
    it, its managers' handling of members and the staff's verification, as on the pages."""

    lookup_field = "slug"
    lookup_value_regex = "[^/]+"
    parser_classes = [BoundedJSONParser]

    def get_queryset(self):
        # A hidden council leaves the list; its own address answers with the marker, as its page does.
        # A council not verified yet is found by its managers and staff only (get_object).
        councils = Council.objects.listed() if self.action == "list" else Council.objects.all()
        councils = councils.select_related("neighbourhood", "commune").order_by("name", "pk")
        if self.action == "retrieve":
            councils = councils.prefetch_related(
                Prefetch("memberships", queryset=Membership.objects.select_related("user"))
            )
        return councils

    def get_object(self):
        council = super().get_object()
        if not self.request.user.has_perm("councils.view_council", council):
            raise NotFound()
        return council

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "moderates": can_moderate(self.request.user)}

    def get_serializer_class(self):
        return CouncilDetailSerializer if self.action == "retrieve" else CouncilSerializer

    def get_throttles(self):
        if self.action in WRITE_ACTIONS:
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

    @extend_schema(request=CouncilRequestSerializer, responses={201: CouncilDetailSerializer, 409: RefusalSerializer})
    def create(self, request):
        """Ask for a new council: its author becomes its first manager, staff verify it."""
        payload = CouncilRequestSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        data = dict(payload.validated_data)
        for name, kind in (("neighbourhood", TerritoryKind.QPV), ("commune", TerritoryKind.COMMUNE)):
            data[name] = self._territory(data[name], kind)
        council = services.request_council(request.user, **data)
        return Response(CouncilDetailSerializer(council, context=self.get_serializer_context()).data,
                        status=status.HTTP_201_CREATED)

    def _territory(self, slug, kind):
        if not slug:
            return None
        territory = Territory.objects.filter(slug=slug, kind=kind).first()
        if territory is None:
            raise Refused(_("This territory does not exist."), "not_found", 404)
        return territory

    def _managed(self, request):
        council = self.get_object()
        if not request.user.has_perm("councils.manage_members", council):
            raise Refused(_("Only the council's managers can do this."), "not_manager", 403)
        return council

    def _membership(self, council, membership):
        membership = str(membership)
        found = None
        if membership.isascii() and membership.isdigit() and len(membership) <= 18:
            found = Membership.objects.select_related("user", "council").filter(pk=int(membership), council=council).first()
        if found is None:
            raise Refused(_("This membership does not exist."), "not_found", 404)
        return found

    @extend_schema(responses={200: ManagedMembershipSerializer(many=True)})
    @action(detail=True, methods=["get"], permission_classes=[permissions.IsAuthenticated])
    def members(self, request, slug=None):
        """The managers' view: every membership, requests to accept included."""
        council = self._managed(request)
        memberships = council.memberships.select_related("user").order_by("-role", "created_at", "pk")
        return Response(ManagedMembershipSerializer(memberships, many=True).data)

    @extend_schema(request=None, parameters=[MEMBERSHIP], responses={200: ManagedMembershipSerializer, 409: RefusalSerializer})
    @action(detail=True, methods=["post"], url_path=r"members/(?P<membership>[^/.]+)/accept",
            permission_classes=[permissions.IsAuthenticated])
    def accept_member(self, request, slug=None, membership=None):
        """A manager (or staff) accepts a request to join."""
        council = self._managed(request)
        accepted = services.accept_member(request.user, self._membership(council, membership))
        return Response(ManagedMembershipSerializer(accepted).data)

    @extend_schema(request=None, parameters=[MEMBERSHIP], responses={204: None, 409: RefusalSerializer})
    @action(detail=True, methods=["delete"], url_path=r"members/(?P<membership>[^/.]+)",
            permission_classes=[permissions.IsAuthenticated])
    def remove_member(self, request, slug=None, membership=None):
        """A manager (or staff) removes a member or declines a request; anyone may leave."""
        services.remove_member(request.user, self._membership(self.get_object(), membership))
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(request=VerificationSerializer, responses={200: CouncilDetailSerializer})
    @action(detail=True, methods=["post"], permission_classes=[permissions.IsAuthenticated])
    def verification(self, request, slug=None):
        """Staff verify a requested council (its members join the members' group) or reject it."""
        payload = VerificationSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        council = services.verify_council(
            request.user, self.get_object(), approve=payload.validated_data["decision"] == "approve"
        )
        return Response(CouncilDetailSerializer(council, context=self.get_serializer_context()).data)

"""The moderation over the API: citizens report; moderators work the queue and block; staff read the log."""

from django.contrib.auth import get_user_model
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, permissions, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle

from consultations.params import parse_id
from consultations.parsers import BoundedJSONParser
from consultations.api_permissions import has_rule
from consultations.serializers import RefusalSerializer
from consultations.refusals import Refused, refused_response

from . import services
from .filters import ActionFilter, CaseFilter
from .models import Action, Block, Case, Source
from .serializers import (
    ActionSerializer,
    BlockCreateSerializer,
    BlockSerializer,
    BulkDecisionSerializer,
    BulkResultSerializer,
    CaseDetailSerializer,
    CaseSerializer,
    DecisionSerializer,
    LiftSerializer,
    ReportCreateSerializer,
    ReportReceiptSerializer,
    ReviewRequestSerializer,
)

REFUSALS = {400: RefusalSerializer, 403: RefusalSerializer, 404: RefusalSerializer, 409: RefusalSerializer}


class WriteThrottled:
    def get_throttles(self):
        if self.request.method == "POST":
            self.throttle_scope = "write"
            return [ScopedRateThrottle()]
        return super().get_throttles()


class ReportViewSet(WriteThrottled, viewsets.GenericViewSet):
    """Report content to the moderators, with a reason and an optional note (one report per person and item)."""

    permission_classes = [permissions.IsAuthenticated]
    parser_classes = [BoundedJSONParser]
    serializer_class = ReportCreateSerializer
    queryset = Case.objects.none()

    @extend_schema(request=ReportCreateSerializer, responses={201: ReportReceiptSerializer, **REFUSALS})
    def create(self, request):
        payload = ReportCreateSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        data = payload.validated_data
        try:
            services.report(request.user, data["kind"], data["object_id"], data["reason"], data["note"])
        except Refused as refusal:
            return refused_response(refusal)
        receipt = {"kind": data["kind"], "object_id": data["object_id"],
                   "detail": _("Thank you: the moderators will look at your report.")}
        return Response(receipt, status=status.HTTP_201_CREATED)


class CaseViewSet(WriteThrottled, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """The moderation queue: by default the items to handle, newest activity first."""

    permission_classes = [permissions.IsAuthenticated, has_rule("moderation.moderate")]
    parser_classes = [BoundedJSONParser]
    serializer_class = CaseSerializer
    filterset_class = CaseFilter
    queryset = Case.objects.select_related("author", "consultation", "event")

    def get_serializer_class(self):
        return CaseDetailSerializer if self.action == "retrieve" else CaseSerializer

    def get_queryset(self):
        if self.action == "retrieve":
            return self.queryset.prefetch_related("reports__reporter")
        return self.queryset

    @extend_schema(request=DecisionSerializer, responses={200: CaseSerializer, **REFUSALS})
    @action(detail=True, methods=["post"])
    def decision(self, request, pk=None):
        """Hide (a reason is required: the author receives it), restore, dismiss the reports, or approve."""
        case = self.get_object()
        payload = DecisionSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        data = payload.validated_data
        try:
            case = services.DECISIONS[data["decision"]](request.user, case, data["reason"], Source.API)
        except Refused as refusal:
            return refused_response(refusal)
        return Response(CaseSerializer(case).data)

    @extend_schema(request=BulkDecisionSerializer, responses={200: BulkResultSerializer, **REFUSALS})
    @action(detail=False, methods=["post"])
    def bulk(self, request):
        """One decision on several cases at once, all or nothing."""
        payload = BulkDecisionSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        data = payload.validated_data
        try:
            count = services.decide_many(request.user, data["cases"], data["decision"], data["reason"], Source.API)
        except Refused as refusal:
            return refused_response(refusal)
        return Response({"decided": count})


class MyCaseViewSet(WriteThrottled, viewsets.GenericViewSet):
    """The author of hidden content asks, once, for a review."""

    permission_classes = [permissions.IsAuthenticated]
    parser_classes = [BoundedJSONParser]
    serializer_class = ReviewRequestSerializer
    queryset = Case.objects.none()

    @extend_schema(request=ReviewRequestSerializer, responses={200: CaseSerializer, **REFUSALS})
    @action(detail=True, methods=["post"])
    def review(self, request, pk=None):
        pk = parse_id(pk)
        case = Case.objects.filter(pk=pk, author_id=request.user.pk).first() if pk else None
        if case is None:
            return refused_response(Refused(_("This content does not exist."), "not_found", 404))
        payload = ReviewRequestSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        try:
            case = services.request_review(request.user, case, payload.validated_data["note"])
        except Refused as refusal:
            return refused_response(refusal)
        return Response(CaseSerializer(case).data)


class BlockViewSet(WriteThrottled, mixins.ListModelMixin, viewsets.GenericViewSet):
    """People blocked by the moderation, newest first; block a person, or lift a block early."""

    permission_classes = [permissions.IsAuthenticated, has_rule("moderation.moderate")]
    parser_classes = [BoundedJSONParser]
    serializer_class = BlockSerializer
    queryset = Block.objects.select_related("user")

    @extend_schema(request=BlockCreateSerializer, responses={201: BlockSerializer, **REFUSALS})
    def create(self, request):
        payload = BlockCreateSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        data = payload.validated_data
        person = get_user_model().objects.filter(pk=data["user"]).first()
        if person is None:
            return refused_response(Refused(_("This person does not exist."), "not_found", 404))
        try:
            record = services.block(request.user, person, data["reason"], days=data["days"], source=Source.API)
        except Refused as refusal:
            return refused_response(refusal)
        return Response(BlockSerializer(record).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=LiftSerializer, responses={200: BlockSerializer, **REFUSALS})
    @action(detail=True, methods=["post"])
    def lift(self, request, pk=None):
        record = self.get_object()
        payload = LiftSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        try:
            record = services.lift(request.user, record, payload.validated_data["reason"], source=Source.API)
        except Refused as refusal:
            return refused_response(refusal)
        return Response(BlockSerializer(record).data)


class ActionViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    """The moderation log (staff): every action, in the queue, the API and live rooms, newest first."""

    permission_classes = [permissions.IsAuthenticated, has_rule("moderation.read_log")]
    serializer_class = ActionSerializer
    filterset_class = ActionFilter
    queryset = Action.objects.select_related("actor", "target_user")

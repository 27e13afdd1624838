from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, permissions, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.parsers import MultiPartParser
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.throttling import ScopedRateThrottle

from consultations.api_pagination import KeysetPaginationMixin
from consultations.pagination import EstimatedCountPaginator
from consultations.params import BIGINT_MAX, parse_id, parse_int
from consultations.parsers import BoundedJSONParser
from consultations.models import Consultation, Territory, Theme
from consultations.moderation import can_moderate, visible_to
from participation.councils.models import Council
from consultations.refusals import Refused, refused_response
from consultations.serializers import RefusalSerializer

from . import keyset, services
from .filters import ORDERS, RANDOM_PRIME, ProposalFilter, order_proposals
from .models import Proposal, ProposalState
from .serializers import (
    AnswerSerializer,
    FollowStateSerializer,
    ProposalDetailSerializer,
    ProposalEditSerializer,
    ProposalSerializer,
    ProposalUploadSerializer,
    ProposalWriteSerializer,
    SupportSerializer,
    SupportStateSerializer,
    WithdrawSerializer,
)
from .views import detail_queryset, list_queryset

SEED = OpenApiParameter(
    "seed", {"type": "integer", "format": "int64", "minimum": -BIGINT_MAX, "maximum": BIGINT_MAX},
    description="Seed of the random order: the same seed gives the same order.",
)
# Empty values mean "no filter", as the HTML form sends them.
CHOICE_PARAMETERS = [
    OpenApiParameter("state", str, enum=["", *ProposalState.values], description="State; empty: all states."),
    OpenApiParameter("order", str, enum=["", *(value for value, _label in ORDERS)], description="Order; empty: newest."),
    OpenApiParameter(
        "initiatives", str, enum=["", "true", "false"],
        description="true: standalone citizen initiatives only; false: proposals of consultations only.",
    ),
]
# 400, 403 and 404 answers are documented for every endpoint by the site (lapartcitoyenne.api_schema).
REFUSALS = {409: RefusalSerializer}

WRITE_ACTIONS = ("create", "partial_update", "withdraw", "support", "unsupport", "answer", "follow", "unfollow")


class ProposalPagination(KeysetPaginationMixin, api_settings.DEFAULT_PAGINATION_CLASS or PageNumberPagination):
    """The host's pagination, counting as the page does not: exactly up to 1,000 proposals, by the
    planner's estimate past them (PostgreSQL), so that no request counts 200,000 rows; and a cursor
    (``?cursor=``, the page's ``next_cursor``) for deep pages in the orders with an index."""

    django_paginator_class = EstimatedCountPaginator

    def keyset_order(self, request, view):
        field = keyset.KEYS.get(request.query_params.get("order") or "newest")
        return (field, True) if field else None


@extend_schema_view(list=extend_schema(parameters=[SEED, *CHOICE_PARAMETERS]))
class ProposalViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Proposals and citizen initiatives: the list takes the page's filters, search and orders."""

    filterset_class = ProposalFilter
    pagination_class = ProposalPagination
    permission_classes = [permissions.IsAuthenticatedOrReadOnly]
    # Any value reaches the view, so a malformed id gets a JSON 404 rather than the site's page.
    lookup_value_regex = "[^/]+"
    # No urlencoded form: it cannot carry the attachment the schema would then promise.
    parser_classes = [BoundedJSONParser, MultiPartParser]

    def get_queryset(self):
        if self.action == "retrieve":
            # As on the page: a hidden proposal answers with its marker, a pending one to its author.
            return detail_queryset()
        return list_queryset(self.request.user)

    def get_object(self):
        proposal = super().get_object()
        if not visible_to(proposal, self.request.user):
            raise NotFound()
        return proposal

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "moderates": can_moderate(self.request.user)}

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        if self.action == "list":
            seed = self._seed()  # validated even when the order is not random
            if self.request.query_params.get("order") == "random":
                queryset = order_proposals(queryset, "random", seed)
        return queryset

    def _seed(self):
        raw = self.request.query_params.get("seed")
        if raw is None:
            return 7919
        seed = parse_int(raw, minimum=-BIGINT_MAX)
        if seed is None:
            raise ValidationError({"seed": [_("The seed must be a whole number.")]})
        return seed % (RANDOM_PRIME - 2) + 2

    def _detail(self, proposal):
        return ProposalDetailSerializer(proposal, context=self.get_serializer_context()).data

    def get_serializer_class(self):
        return ProposalSerializer if self.action == "list" else ProposalDetailSerializer

    def get_throttles(self):
        if self.action in WRITE_ACTIONS:
            self.throttle_scope = "write"
            return [ScopedRateThrottle()]
        return super().get_throttles()

    def _proposal(self, pk):
        pk = parse_id(pk)
        proposal = Proposal.objects.select_related("consultation").filter(pk=pk).first() if pk else None
        if proposal is None:
            raise Refused(services_not_found(), "not_found", 404)
        return proposal

    def _related(self, data):
        """Slugs of the payload turned into objects; an unknown slug is a 404 with a reason."""
        lookups = {
            "consultation": (Consultation.objects.public(), _("This consultation does not exist.")),
            "council": (Council.objects.all(), _("This council does not exist.")),
            "theme": (Theme.objects.all(), _("This theme does not exist.")),
            "territory": (Territory.objects.all(), _("This territory does not exist.")),
        }
        resolved = dict(data)
        for name, (queryset, message) in lookups.items():
            if name not in data:
                continue
            slug = data[name]
            if not slug:
                resolved[name] = None
                continue
            resolved[name] = queryset.filter(slug=slug).first()
            if resolved[name] is None:
                raise Refused(message, "not_found", 404)
        return resolved

    @extend_schema(
        request={"application/json": ProposalWriteSerializer, "multipart/form-data": ProposalUploadSerializer},
        responses={201: ProposalDetailSerializer, **REFUSALS, 413: RefusalSerializer, 415: RefusalSerializer},
    )
    def create(self, request):
        payload = ProposalUploadSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        try:
            proposal = services.create_proposal(request.user, **self._related(payload.validated_data))
        except Refused as refusal:
            return refused_response(refusal)
        return Response(self._detail(proposal), status=status.HTTP_201_CREATED)

    @extend_schema(request=ProposalEditSerializer, responses={200: ProposalDetailSerializer, **REFUSALS})
    def partial_update(self, request, pk=None):
        try:
            proposal = self._proposal(pk)
            payload = ProposalEditSerializer(data=request.data, partial=True)
            payload.is_valid(raise_exception=True)
            data = {
                "title": proposal.title, "body": proposal.body, "theme": proposal.theme, "territory": proposal.territory,
                **self._related(payload.validated_data),
            }
            proposal = services.edit_proposal(request.user, proposal, **data)
        except Refused as refusal:
            return refused_response(refusal)
        return Response(self._detail(proposal))

    @extend_schema(request=WithdrawSerializer, responses={200: ProposalDetailSerializer, **REFUSALS})
    @action(detail=True, methods=["post"], permission_classes=[permissions.IsAuthenticated], parser_classes=[BoundedJSONParser])
    def withdraw(self, request, pk=None):
        """Withdraw one's own proposal, with a reason shown on its page."""
        payload = WithdrawSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        try:
            proposal = services.withdraw_proposal(request.user, self._proposal(pk), payload.validated_data["reason"])
        except Refused as refusal:
            return refused_response(refusal)
        return Response(self._detail(proposal))

    def _support_state(self, proposal, supported):
        proposal.refresh_from_db(fields=["support_count"])
        return SupportStateSerializer({"proposal": proposal.pk, "support_count": proposal.support_count, "supported": supported}).data

    @extend_schema(request=SupportSerializer, responses={201: SupportStateSerializer, **REFUSALS})
    @action(detail=True, methods=["post"], permission_classes=[permissions.IsAuthenticated], parser_classes=[BoundedJSONParser])
    def support(self, request, pk=None):
        """Support the proposal (or, with "council", on behalf of a council one belongs to)."""
        payload = SupportSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        try:
            proposal = self._proposal(pk)
            services.cast_support(request.user, proposal, self._related(payload.validated_data).get("council"))
        except Refused as refusal:
            return refused_response(refusal)
        return Response(self._support_state(proposal, True), status=status.HTTP_201_CREATED)

    @extend_schema(request=SupportSerializer, responses={200: SupportStateSerializer, **REFUSALS})
    @support.mapping.delete
    def unsupport(self, request, pk=None):
        """Withdraw one's support while the supports are open."""
        payload = SupportSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        try:
            proposal = self._proposal(pk)
            services.withdraw_support(request.user, proposal, self._related(payload.validated_data).get("council"))
        except Refused as refusal:
            return refused_response(refusal)
        return Response(self._support_state(proposal, False))

    @extend_schema(request=AnswerSerializer, responses={200: ProposalDetailSerializer, **REFUSALS})
    @action(detail=True, methods=["post"], permission_classes=[permissions.IsAuthenticated], parser_classes=[BoundedJSONParser])
    def answer(self, request, pk=None):
        """Staff: publish the official answer with the state it gives; the author, the supporters and
        the followers are told by email."""
        payload = AnswerSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        proposal = services.answer_proposal(request.user, self._proposal(pk), **payload.validated_data)
        return Response(self._detail(proposal))

    @extend_schema(request=None, responses={201: FollowStateSerializer, **REFUSALS})
    @action(detail=True, methods=["post"], permission_classes=[permissions.IsAuthenticated])
    def follow(self, request, pk=None):
        """Follow the proposal: an email when it gets its official answer."""
        proposal = self._proposal(pk)
        services.follow(request.user, proposal, True)
        return Response({"proposal": proposal.pk, "following": True}, status=status.HTTP_201_CREATED)

    @extend_schema(request=None, responses={200: FollowStateSerializer, **REFUSALS})
    @follow.mapping.delete
    def unfollow(self, request, pk=None):
        """Stop following the proposal."""
        proposal = self._proposal(pk)
        services.follow(request.user, proposal, False)
        return Response({"proposal": proposal.pk, "following": False})


def services_not_found():
    from django.utils.translation import gettext

    return gettext("This proposal does not exist.")

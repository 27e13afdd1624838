"""API of participatory budgets: read for everyone, vote for citizens, review and results for staff.

Every refusal is a ``Refused`` from the services, answered ``{detail, code}`` in French by
``consultations.api_errors``.
"""

from django.db.models import Prefetch
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import permissions, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle

from consultations.models import Consultation
from consultations.params import BIGINT_MAX, int_param
from consultations.refusals import Refused
from consultations.serializers import RefusalSerializer

from . import services
from .models import Budget, Envelope, Feasibility, Project
from .results import envelope_results
from .serializers import (
    BallotInSerializer,
    BallotSerializer,
    BudgetSerializer,
    CodeBallotInSerializer,
    CodesInSerializer,
    CodesOutSerializer,
    DecisionInSerializer,
    EnvelopeResultSerializer,
    MethodInSerializer,
    ProjectInSerializer,
    ProjectSerializer,
    ReviewInSerializer,
)

WRITES = ("submit", "review", "ballot", "code_ballot", "paper_ballot", "codes", "count", "method", "decide", "publish")
REFUSALS = {400: RefusalSerializer, 401: RefusalSerializer, 403: RefusalSerializer, 409: RefusalSerializer}


def visible_budgets(user):
    return Budget.objects.filter(step__consultation__in=Consultation.objects.visible_to(user).values("pk"))


class WriteThrottled:
    def get_throttles(self):
        if self.action in WRITES:
            self.throttle_scope = "write"
            return [ScopedRateThrottle()]
        return super().get_throttles()


def _valid(serializer_class, data):
    incoming = serializer_class(data=data)
    incoming.is_valid(raise_exception=True)
    return incoming.validated_data


class BudgetViewSet(WriteThrottled, viewsets.ReadOnlyModelViewSet):
    """Budgets of the consultations the person may see, with their envelopes."""

    serializer_class = BudgetSerializer
    permission_classes = [permissions.AllowAny]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Budget.objects.none()
        return (
            visible_budgets(self.request.user)
            .select_related("step__consultation")
            .prefetch_related(Prefetch("envelopes", queryset=Envelope.objects.select_related("territory")))
            .order_by("step__starts_at", "pk")
        )

    def _require(self, perm, budget, message):
        if not self.request.user.has_perm(perm, budget):
            raise Refused(message, "forbidden", status=403 if self.request.user.is_authenticated else 401)

    @extend_schema(responses={200: EnvelopeResultSerializer(many=True), 404: RefusalSerializer})
    @action(detail=True, methods=["get"])
    def results(self, request, pk=None):
        """Votes per project (online and in person) and the winners by both rules, once published."""
        budget = self.get_object()
        if not request.user.has_perm("budgets.view_results", budget):
            raise Refused(_("The results are not published yet."), "not_published", status=404)
        return Response(EnvelopeResultSerializer(envelope_results(budget), many=True).data)

    @extend_schema(request=ProjectInSerializer, responses={201: ProjectSerializer, **REFUSALS})
    @action(detail=True, methods=["post"])
    def submit(self, request, pk=None):
        """Submit a project to one of the budget's envelopes while projects are being submitted."""
        budget = self.get_object()
        data = _valid(ProjectInSerializer, request.data)
        envelope = budget.envelopes.filter(pk=data["envelope"]).first()
        if envelope is None:
            raise Refused(_("This envelope is not in this budget."), "unknown_envelope")
        project = services.submit_project(
            envelope, request.user, title=data["title"], description=data["description"], cost_cents=data["cost_cents"]
        )
        return Response(ProjectSerializer(project).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=CodesInSerializer, responses={201: CodesOutSerializer, **REFUSALS})
    @action(detail=True, methods=["post"])
    def codes(self, request, pk=None):
        """Print one-time voting codes for an envelope (staff and the stand's facilitators)."""
        budget = self.get_object()
        self._require("budgets.print_codes", budget, _("Only staff and the stand's facilitators print voting codes."))
        data = _valid(CodesInSerializer, request.data)
        envelope = budget.envelopes.filter(pk=data["envelope"]).first()
        if envelope is None:
            raise Refused(_("This envelope is not in this budget."), "unknown_envelope")
        made = services.print_codes(envelope, data["count"], by=request.user)
        return Response({"codes": [services.display_code(code.code) for code in made]}, status=status.HTTP_201_CREATED)

    @extend_schema(request=None, responses={200: BudgetSerializer, **REFUSALS})
    @action(detail=True, methods=["post"])
    def count(self, request, pk=None):
        """Count the votes by both rules (staff)."""
        budget = services.count(self.get_object(), request.user)
        return Response(self.get_serializer(budget).data)

    @extend_schema(request=MethodInSerializer, responses={200: BudgetSerializer, **REFUSALS})
    @action(detail=True, methods=["post"])
    def method(self, request, pk=None):
        """Choose the official rule (staff)."""
        budget = self.get_object()
        self._require("budgets.manage_results", budget, _("Only staff manage the results."))
        data = _valid(MethodInSerializer, request.data)
        return Response(self.get_serializer(services.choose_method(budget, data["official_method"], request.user)).data)

    @extend_schema(request=DecisionInSerializer, responses={200: ProjectSerializer, **REFUSALS})
    @action(detail=True, methods=["post"])
    def decide(self, request, pk=None):
        """Mark a project winner or not by hand, with a public reason (staff); ``winner: null`` undoes it."""
        budget = self.get_object()
        self._require("budgets.manage_results", budget, _("Only staff manage the results."))
        data = _valid(DecisionInSerializer, request.data)
        project = Project.objects.filter(pk=data["project"], envelope__budget=budget).select_related("envelope__budget").first()
        if project is None:
            raise Refused(_("This project is not in this budget."), "unknown_project", status=404)
        return Response(ProjectSerializer(services.decide_winner(project, data["winner"], data["reason"], request.user)).data)

    @extend_schema(request=None, responses={200: BudgetSerializer, **REFUSALS})
    @action(detail=True, methods=["post"])
    def publish(self, request, pk=None):
        """Publish the results once the vote is over and counted (staff)."""
        return Response(self.get_serializer(services.publish_results(self.get_object(), request.user)).data)


ID = {"type": "integer", "format": "int64", "minimum": 1, "maximum": BIGINT_MAX}
BUDGET = OpenApiParameter("budget", ID, description="Id of a budget.")
ENVELOPE = OpenApiParameter("envelope", ID, description="Id of an envelope.")
FEASIBILITY = OpenApiParameter("feasibility", str, enum=["", *Feasibility.values], description="Feasibility.")


@extend_schema_view(list=extend_schema(parameters=[BUDGET, ENVELOPE, FEASIBILITY]))
class ProjectViewSet(WriteThrottled, viewsets.ReadOnlyModelViewSet):
    serializer_class = ProjectSerializer
    permission_classes = [permissions.AllowAny]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Project.objects.none()
        projects = Project.objects.filter(envelope__budget__in=visible_budgets(self.request.user).values("pk"))
        params = self.request.query_params
        for name, lookup in (("budget", "envelope__budget_id"), ("envelope", "envelope_id")):
            value = int_param(params.get(name), name, minimum=1)
            if value is not None:
                projects = projects.filter(**{lookup: value})
        feasibility = params.get("feasibility")
        if feasibility:
            if feasibility not in Feasibility.values:
                raise Refused(
                    _("feasibility: choose one of %(values)s.") % {"values": ", ".join(Feasibility.values)}, "invalid"
                )
            projects = projects.filter(feasibility=feasibility)
        return projects.order_by("envelope_id", "title", "pk")

    @extend_schema(request=ReviewInSerializer, responses={200: ProjectSerializer, **REFUSALS})
    @action(detail=True, methods=["post"])
    def review(self, request, pk=None):
        """Mark the project feasible (with its estimated cost) or not, with a public reason."""
        project = self.get_object()
        data = _valid(ReviewInSerializer, request.data)
        project = services.review_project(
            project, request.user, feasible=data["feasible"], reason=data["reason"],
            estimated_cost_cents=data.get("estimated_cost_cents"),
        )
        return Response(self.get_serializer(project).data)


class EnvelopeViewSet(WriteThrottled, viewsets.GenericViewSet):
    """Voting in an envelope: one's own ballot, a ballot with a code, a paper ballot at the stand."""

    queryset = Envelope.objects.none()
    permission_classes = [permissions.AllowAny]
    serializer_class = BallotSerializer

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Envelope.objects.none()
        return Envelope.objects.filter(budget__in=visible_budgets(self.request.user).values("pk")).select_related(
            "budget__step__consultation", "territory"
        )

    @extend_schema(methods=["GET"], responses={200: BallotSerializer, **REFUSALS, 404: RefusalSerializer})
    @extend_schema(methods=["POST"], request=BallotInSerializer, responses={200: BallotSerializer, 201: BallotSerializer, **REFUSALS})
    @action(detail=True, methods=["get", "post"])
    def ballot(self, request, pk=None):
        """GET: my ballot in the envelope. POST: cast or replace it (``confirm: false`` keeps it a draft)."""
        envelope = self.get_object()
        if request.method == "GET":
            if not request.user.is_authenticated:
                raise Refused(_("Log in to vote, or vote with the code you were given."), "not_authenticated", status=401)
            mine = services.my_ballot(envelope, request.user)
            if mine is None:
                raise Refused(_("You have not voted in this envelope yet."), "no_ballot", status=404)
            return Response(BallotSerializer(mine).data)
        data = _valid(BallotInSerializer, request.data)
        ballot, created = services.cast_ballot(envelope, request.user, data["projects"], confirm=data["confirm"])
        ballot = services.my_ballot(envelope, request.user)
        return Response(BallotSerializer(ballot).data, status=status.HTTP_201_CREATED if created else status.HTTP_200_OK)

    @extend_schema(request=CodeBallotInSerializer, responses={201: BallotSerializer, **REFUSALS})
    @action(detail=True, methods=["post"], url_path="code-ballot")
    def code_ballot(self, request, pk=None):
        """Vote once with a one-time code, without an account."""
        envelope = self.get_object()
        data = _valid(CodeBallotInSerializer, request.data)
        ballot = services.cast_code_ballot(envelope, data["code"], data["projects"])
        return Response(BallotSerializer(ballot).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=CodeBallotInSerializer, responses={201: BallotSerializer, **REFUSALS})
    @action(detail=True, methods=["post"], url_path="paper-ballot")
    def paper_ballot(self, request, pk=None):
        """Record a paper ballot and its code at the polling stand (staff and the stand's facilitators)."""
        envelope = self.get_object()
        if not request.user.is_authenticated:
            raise Refused(_("Only staff and the stand's facilitators record paper ballots."), "forbidden", status=401)
        data = _valid(CodeBallotInSerializer, request.data)
        ballot = services.cast_code_ballot(envelope, data["code"], data["projects"], recorded_by=request.user)
        return Response(BallotSerializer(ballot).data, status=status.HTTP_201_CREATED)

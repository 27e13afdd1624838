"""API of questionnaires: questions, answering, my answers, published results."""

from django.db.models import Prefetch
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import permissions, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle

from consultations.models import Consultation
from consultations.serializers import RefusalSerializer

from . import services
from .filters import QuestionnaireFilter
from .models import Choice, Question, Questionnaire
from .results import questionnaire_results
from .serializers import (
    AnswersInSerializer,
    MyAnswersSerializer,
    QuestionnaireDetailSerializer,
    QuestionnaireListSerializer,
    ResultsSerializer,
)

CONSULTATION = OpenApiParameter("consultation", str, description="Slug of a consultation.")
REFUSAL_STATUS = {"not_authenticated": 401, "unverified": 403, "blocked": 403, "closed": 403, "invalid": 400}


@extend_schema_view(list=extend_schema(parameters=[CONSULTATION]))
class QuestionnaireViewSet(viewsets.ReadOnlyModelViewSet):
    """Questionnaires of the consultations the person may see."""

    filterset_class = QuestionnaireFilter

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Questionnaire.objects.none()
        visible = Consultation.objects.visible_to(self.request.user).values("pk")
        questionnaires = (
            Questionnaire.objects.filter(step__consultation__in=visible)
            .select_related("step__consultation")
            # Whether a step is open depends on its siblings (consultations.models.open_step).
            .prefetch_related("step__consultation__steps")
            .order_by("step__starts_at", "pk")
        )
        if self.action == "retrieve":
            questionnaires = questionnaires.prefetch_related(
                Prefetch(
                    "questions",
                    queryset=Question.objects.order_by("position", "pk").prefetch_related(
                        Prefetch("choices", queryset=Choice.objects.order_by("position", "pk"))
                    ),
                )
            )
        return questionnaires

    def get_serializer_class(self):
        return QuestionnaireDetailSerializer if self.action == "retrieve" else QuestionnaireListSerializer

    def get_throttles(self):
        if self.action == "answer":
            self.throttle_scope = "write"
            return [ScopedRateThrottle()]
        return super().get_throttles()

    def _my_answers(self, questionnaire):
        mine = services.my_answers(questionnaire, self.request.user)
        if mine is None:
            return None
        return MyAnswersSerializer(
            {
                "submitted_at": mine["response"].submitted_at,
                "updated_at": mine["response"].updated_at,
                "answers": [{"question": q, "value": v} for q, v in mine["values"].items()],
            }
        ).data

    @extend_schema(
        request=AnswersInSerializer,
        responses={200: MyAnswersSerializer, 201: MyAnswersSerializer, 400: RefusalSerializer, 403: RefusalSerializer},
    )
    @action(detail=True, methods=["post"], permission_classes=[permissions.IsAuthenticated])
    def answer(self, request, pk=None):
        """Answer (or change one's answers to) the questionnaire while its step is open."""
        questionnaire = self.get_object()
        incoming = AnswersInSerializer(data=request.data)
        if not incoming.is_valid():
            return Response(
                {"detail": _("The answers are not in a valid format."), "code": "invalid", "errors": {}},
                status=status.HTTP_400_BAD_REQUEST,
            )
        raw = {item["question"]: item["value"] for item in incoming.validated_data["answers"]}
        try:
            _saved, created = services.submit_answers(questionnaire, request.user, raw)
        except services.AnswersRefused as refused:
            return Response(
                {"detail": refused.message, "code": refused.code, "errors": {str(k): v for k, v in refused.errors.items()}},
                status=REFUSAL_STATUS.get(refused.code, 400),
            )
        return Response(
            self._my_answers(questionnaire), status=status.HTTP_201_CREATED if created else status.HTTP_200_OK
        )

    @extend_schema(responses={200: MyAnswersSerializer, 404: RefusalSerializer})
    @action(detail=True, methods=["get"], url_path="my-answers", permission_classes=[permissions.IsAuthenticated])
    def my_answers(self, request, pk=None):
        """The signed-in person's answers."""
        data = self._my_answers(self.get_object())
        if data is None:
            return Response(
                {"detail": _("You have not answered this questionnaire yet."), "code": "not_answered"},
                status=status.HTTP_404_NOT_FOUND,
            )
        return Response(data)

    @extend_schema(responses={200: ResultsSerializer, 404: RefusalSerializer})
    @action(detail=True, methods=["get"])
    def results(self, request, pk=None):
        """The results, once staff publish them."""
        questionnaire = self.get_object()
        if not request.user.has_perm("surveys.view_results", questionnaire):
            return Response(
                {"detail": _("The results are not published yet."), "code": "not_published"},
                status=status.HTTP_404_NOT_FOUND,
            )
        return Response(ResultsSerializer(questionnaire_results(questionnaire)).data)

"""Questionnaire responses, declared for the export engine (docs/exports.md).

One row per respondent and one column per question. With a consultation in the scope, the columns
are its questionnaires' questions; without one, every questionnaire's questions, each prefixed with
its questionnaire's title, and a respondent's row fills only the columns of their questionnaire.
"""

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from .models import Answer, Question, QuestionKind, Questionnaire, Response, Selection

# Joins the items of a multiple choice or a ranking (in rank order) within one cell.
SEPARATOR = " | "


def _questionnaires(scope):
    queryset = Questionnaire.objects.all()
    if scope.consultation:
        queryset = queryset.filter(step__consultation__slug=scope.consultation)
    return queryset


def question_key(question):
    return f"q{question.pk}"


def columns(scope):
    questions = list(
        Question.objects.filter(questionnaire__in=_questionnaires(scope))
        .select_related("questionnaire")
        .order_by("questionnaire_id", "position", "pk")
    )
    several = len({question.questionnaire_id for question in questions}) > 1
    fixed = [
        ("questionnaire", _("Questionnaire")),
        ("respondent", _("Respondent (pseudonym)"), {"public": False}),
        ("submitted_at", _("Submitted at")),
        ("updated_at", _("Updated at")),
    ]
    return fixed + [
        (question_key(question), f"{question.questionnaire.title} — {question.label}" if several else question.label)
        for question in questions
    ]


def responses(scope):
    queryset = Response.objects.filter(questionnaire__in=_questionnaires(scope))
    if scope.since:
        queryset = queryset.filter(submitted_at__gte=scope.since_datetime)
    if scope.until:
        queryset = queryset.filter(submitted_at__lte=scope.until_datetime)
    selections = Selection.objects.select_related("choice").order_by("rank", "choice__position", "choice_id")
    answers = Answer.objects.select_related("question").prefetch_related(Prefetch("selections", queryset=selections))
    return (
        queryset.select_related("questionnaire")
        .prefetch_related(Prefetch("answers", queryset=answers))
        .order_by("questionnaire_id", "pk")
    )


def answer_value(answer):
    kind = answer.question.kind
    if kind == QuestionKind.SCALE:
        return answer.number
    if kind in (QuestionKind.SHORT_TEXT, QuestionKind.LONG_TEXT):
        return answer.text
    return SEPARATOR.join(selection.choice.label for selection in answer.selections.all())


def response_row(response, scope):
    row = {
        "questionnaire": response.questionnaire.title,
        "respondent": scope.pseudonym(response.user_id),
        "submitted_at": response.submitted_at,
        "updated_at": response.updated_at,
    }
    for answer in response.answers.all():
        row[question_key(answer.question)] = answer_value(answer)
    return row


DATASETS = [
    {
        "name": "questionnaire_responses",
        "label": _("Questionnaire responses"),
        "description": _(
            "One row per respondent, one column per question. Choose a consultation to get only its "
            "questionnaires; otherwise every question of every questionnaire has its own column."
        ),
        "columns": columns,
        "queryset": responses,
        "row": response_row,
        "filters": ["consultation", "since", "until"],
        "personal_data": False,
        "open_data": False,
    },
]

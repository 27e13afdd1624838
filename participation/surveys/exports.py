"""Questionnaire responses, declared for the export engine (docs/exports.md).

One row per respondent and one column per question. With a consultation in the scope, the columns
are its questionnaires' questions; without one, every questionnaire's questions, each prefixed with
its questionnaire's title, and a respondent's row fills only the columns of their questionnaire.
"""

from itertools import batched

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from consultations.export_scope import dated

from .models import Answer, Choice, Question, QuestionKind, Questionnaire, Response, Selection

# Joins the items of a multiple choice or a ranking (in rank order) within one cell.
SEPARATOR = " | "
# Respondents whose answers are read at a time by response_values: a few hundred rows of plain values
# in memory, whatever the number of questions.
BATCH = 500
SELECTION_ORDER = ("rank", "choice__position", "choice_id")


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


def _responses(scope):
    queryset = Response.objects.filter(questionnaire__in=_questionnaires(scope))
    queryset = dated(queryset, scope, "submitted_at")
    return queryset.order_by("questionnaire_id", "pk")


def responses(scope):
    queryset = _responses(scope)
    selections = Selection.objects.select_related("choice").order_by(*SELECTION_ORDER)
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


FIXED = {"questionnaire": "questionnaire__title", "respondent": "user_id", "submitted_at": "submitted_at",
         "updated_at": "updated_at"}


def response_values(scope, keys, chunk_size):
    """The rows of ``response_row`` as plain values in column order, without model instances: the
    respondents by ``values_list``, then per batch of them their answers and the choices picked,
    pivoted into the question columns. Memory stays that of one batch (the prefetch of model
    instances held 2,000 respondents' answers, questions, selections and choices at once)."""
    index = {key: position for position, key in enumerate(keys)}
    fixed = [(index[key], path) for key, path in FIXED.items() if key in index]
    kinds = {
        pk: (index[f"q{pk}"], kind)
        for pk, kind in Question.objects.filter(questionnaire__in=_questionnaires(scope)).values_list("pk", "kind")
        if f"q{pk}" in index
    }
    # The choices' labels once per export (a few per question), not joined into every batch's query.
    labels = dict(Choice.objects.filter(question_id__in=list(kinds)).values_list("pk", "label"))
    texts = (QuestionKind.SHORT_TEXT, QuestionKind.LONG_TEXT)
    plain = (QuestionKind.SCALE, *texts)
    pseudonym_at = index.get("respondent")
    width = len(keys)
    responses = _responses(scope).values_list("pk", *(path for _position, path in fixed))
    for batch in batched(responses.iterator(chunk_size=chunk_size), BATCH):
        ids = [response[0] for response in batch]
        # Small results: read at once (a server-side cursor per batch would cost more than it holds).
        answers = list(Answer.objects.filter(response_id__in=ids).order_by().values_list(
            "pk", "response_id", "question_id", "number", "text"))
        with_choices = [answer[0] for answer in answers if answer[2] in kinds and kinds[answer[2]][1] not in plain]
        picked = {}
        if with_choices:
            # By the answers' own keys, not a join on the respondents: the index on answer_id serves it.
            selections = (
                Selection.objects.filter(answer_id__in=with_choices)
                .order_by("answer_id", *SELECTION_ORDER).values_list("answer_id", "choice_id")
            )
            # A choice of another question (clean_answers refuses it) is left blank, not an export failed.
            for answer_id, choice_id in selections:
                picked.setdefault(answer_id, []).append(labels.get(choice_id, ""))
        rows = {}
        for response in batch:
            row = [None] * width
            for (position, _path), value in zip(fixed, response[1:]):
                row[position] = value
            if pseudonym_at is not None:
                row[pseudonym_at] = scope.pseudonym(row[pseudonym_at])
            rows[response[0]] = row
        for answer_id, response_id, question_id, number, text in answers:
            if question_id not in kinds:
                continue
            position, kind = kinds[question_id]
            if kind == QuestionKind.SCALE:
                value = number
            elif kind in texts:
                value = text
            else:
                value = SEPARATOR.join(picked.get(answer_id, ()))
            rows[response_id][position] = value
        yield from rows.values()


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
        "values": response_values,
        "filters": ["consultation", "since", "until"],
        "personal_data": False,
        "open_data": False,
    },
]

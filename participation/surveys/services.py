"""Answering a questionnaire: checked and saved in one transaction."""

from django.db import transaction
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _

from consultations.moderation import ModerationStatus, not_citizen_refusal

from .models import Answer, Choice, Question, QuestionKind, Response, Selection
from .validation import clean_answers
from consultations import page_cache


class AnswersRefused(Exception):
    """Answers that cannot be saved: a message for the person, and per-question errors if any."""

    def __init__(self, message, code, errors=None):
        super().__init__(message)
        self.message = message
        self.code = code
        self.errors = errors or {}


def questions_of(questionnaire):
    return Question.objects.filter(questionnaire=questionnaire).prefetch_related(
        Prefetch("choices", queryset=Choice.objects.order_by("position", "pk"))
    )


def refusal_reason(questionnaire, user):
    """Why the person cannot answer now, or None."""
    if not user.is_authenticated:
        return _("Log in to answer this questionnaire."), "not_authenticated"
    if not user.has_perm("surveys.answer_questionnaire", questionnaire):
        if user.has_perm("surveys.view_questionnaire", questionnaire) and questionnaire.step.is_open():
            return not_citizen_refusal(user, _("Please verify your email address before answering."), "answer")
        return _("This questionnaire is not open for answers."), "closed"
    return None


@transaction.atomic
def submit_answers(questionnaire, user, raw):
    """Save the person's answers, replacing earlier ones; refuse everything if one is invalid."""
    reason = refusal_reason(questionnaire, user)
    if reason:
        raise AnswersRefused(*reason)
    questions = list(questions_of(questionnaire))
    cleaned, errors = clean_answers(questions, raw)
    if errors:
        raise AnswersRefused(_("Some answers need your attention."), "invalid", errors)
    response, created = Response.objects.select_for_update().get_or_create(
        questionnaire=questionnaire, user=user
    )
    hidden_questions = set()
    if not created:
        # Answers are replaced; one the moderation hid stays hidden under its new row.
        hidden_questions = set(
            response.answers.filter(moderation_status=ModerationStatus.HIDDEN).values_list("question_id", flat=True)
        )
        response.answers.all().delete()
        response.updated_at = timezone.now()
        response.save(update_fields=["updated_at"])
    by_id = {question.pk: question for question in questions}
    answers, picks = [], []
    for question_id, value in cleaned.items():
        question = by_id[question_id]
        answer = Answer(response=response, question=question)
        if question_id in hidden_questions:
            answer.moderation_status = ModerationStatus.HIDDEN
        if question.kind in (QuestionKind.SHORT_TEXT, QuestionKind.LONG_TEXT):
            answer.text = value
        elif question.kind == QuestionKind.SCALE:
            answer.number = value
        answers.append(answer)
        if question.kind == QuestionKind.SINGLE_CHOICE:
            picks.append((answer, [(value, None)]))
        elif question.kind == QuestionKind.MULTIPLE_CHOICE:
            picks.append((answer, [(choice, None) for choice in value]))
        elif question.kind == QuestionKind.RANKING:
            picks.append((answer, [(choice, rank) for rank, choice in enumerate(value, start=1)]))
    Answer.objects.bulk_create(answers)
    Selection.objects.bulk_create(
        Selection(answer=answer, choice_id=choice_id, rank=rank)
        for answer, choices in picks
        for choice_id, rank in choices
    )
    return response, created


def my_answers(questionnaire, user):
    """The person's answers as raw values ({question id: value}), as the API and the form take them."""
    if not user.is_authenticated:
        return None
    response = (
        Response.objects.filter(questionnaire=questionnaire, user=user)
        .prefetch_related(
            Prefetch("answers", queryset=Answer.objects.select_related("question").prefetch_related(
                Prefetch("selections", queryset=Selection.objects.order_by("rank", "choice__position", "choice_id"))
            ))
        )
        .first()
    )
    if response is None:
        return None
    values = {}
    for answer in response.answers.all():
        kind = answer.question.kind
        chosen = [selection.choice_id for selection in answer.selections.all()]
        if kind in (QuestionKind.SHORT_TEXT, QuestionKind.LONG_TEXT):
            values[answer.question_id] = answer.text
        elif kind == QuestionKind.SCALE:
            values[answer.question_id] = answer.number
        elif kind == QuestionKind.SINGLE_CHOICE:
            values[answer.question_id] = chosen[0] if chosen else None
        else:
            values[answer.question_id] = chosen
    return {"response": response, "values": values}


@transaction.atomic
def publish_results(questionnaire, now=None):
    if questionnaire.results_published_at is None:
        questionnaire.results_published_at = now or timezone.now()
        questionnaire.save(update_fields=["results_published_at"])
        page_cache.invalidate()

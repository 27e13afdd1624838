"""Results of a questionnaire, in a constant number of queries whatever the number of answers."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Avg, Count

from consultations.moderation import ModerationStatus

from .models import Answer, QuestionKind, Response, Selection
from .services import questions_of


@dataclass
class Bar:
    label: str
    count: int
    percent: int
    extra: str = ""


@dataclass(frozen=True)
class FreeText:
    """An answer's text in the results, with its id so that a reader can report it."""

    pk: int
    text: str

    def __str__(self):
        return self.text


@dataclass
class QuestionResult:
    question: object
    answered: int
    bars: list = field(default_factory=list)
    texts: list = field(default_factory=list)
    average: float | None = None


def _percent(count, total):
    return round(100 * count / total) if total else 0


def questionnaire_results(questionnaire):
    questions = list(questions_of(questionnaire))
    answered = dict(
        Answer.objects.filter(question__questionnaire=questionnaire)
        .values_list("question")
        .annotate(n=Count("pk"))
    )
    picks = {
        (row["choice"]): row
        for row in Selection.objects.filter(answer__question__questionnaire=questionnaire)
        .values("choice")
        .annotate(n=Count("pk"), mean_rank=Avg("rank"))
    }
    scales = defaultdict(dict)
    for question_id, number, n in (
        Answer.objects.filter(question__questionnaire=questionnaire, question__kind=QuestionKind.SCALE)
        .values_list("question", "number")
        .annotate(n=Count("pk"))
    ):
        scales[question_id][number] = n
    texts = defaultdict(list)
    for question_id, pk, text in (
        Answer.objects.filter(question__questionnaire=questionnaire, question__kind__in=[QuestionKind.SHORT_TEXT, QuestionKind.LONG_TEXT])
        .exclude(text="")
        .exclude(moderation_status=ModerationStatus.HIDDEN)
        .order_by("question", "pk")
        .values_list("question", "pk", "text")
    ):
        texts[question_id].append(FreeText(pk, text))

    results = []
    for question in questions:
        total = answered.get(question.pk, 0)
        result = QuestionResult(question=question, answered=total, texts=texts.get(question.pk, []))
        if question.kind in (QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE):
            result.bars = [
                Bar(choice.label, picks.get(choice.pk, {}).get("n", 0), _percent(picks.get(choice.pk, {}).get("n", 0), total))
                for choice in question.choices.all()
            ]
        elif question.kind == QuestionKind.RANKING:
            # Items in order of their average rank; the bar shows a Borda-like score out of 100.
            size = len(question.choices.all())
            bars = []
            for choice in question.choices.all():
                row = picks.get(choice.pk, {})
                mean = row.get("mean_rank")
                score = round(100 * (size - mean + 1) / size) if mean and size else 0
                bars.append((mean or size + 1, Bar(choice.label, row.get("n", 0), score, f"{mean:.1f}" if mean else "")))
            result.bars = [bar for _mean, bar in sorted(bars, key=lambda item: item[0])]
        elif question.kind == QuestionKind.SCALE:
            counts = scales.get(question.pk, {})
            result.bars = [
                Bar(str(value), counts.get(value, 0), _percent(counts.get(value, 0), total))
                for value in question.scale_values()
            ]
            if total:
                result.average = sum(value * n for value, n in counts.items()) / total
        results.append(result)
    return {"questions": results, "respondents": Response.objects.filter(questionnaire=questionnaire).count()}

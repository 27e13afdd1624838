"""The questionnaire page's form: reads posted fields into raw answers and renders them back.

Each question is named ``q<id>``; a ranking posts one ``q<id>_c<choice id>`` rank per item.
Whatever the person typed is shown again next to the errors, so nothing is lost.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from consultations.params import parse_int

from .models import QuestionKind
from .validation import clean_answers


@dataclass
class Option:
    value: str
    label: str
    checked: bool = False
    id: str = ""


@dataclass
class QuestionView:
    question: object
    name: str
    text: str = ""
    options: list = field(default_factory=list)
    rows: list = field(default_factory=list)  # ranking: (choice, name, rank options)
    errors: list = field(default_factory=list)

    @property
    def kind(self):
        return self.question.kind


def _posted_ranking(question, data):
    ranks, errors = {}, []
    for choice in question.choices.all():
        rank = data.get(f"{question.field_name}_c{choice.pk}", "")
        number = parse_int(rank.strip())
        if number is not None:
            ranks[choice.pk] = number
    if len(set(ranks.values())) != len(ranks):
        errors.append(_("Each item can only have one rank, and each rank only one item."))
    ordered = [choice_id for choice_id, _rank in sorted(ranks.items(), key=lambda item: item[1])]
    return ordered, ranks, errors


class AnswerSheet:
    def __init__(self, questions, data=None, initial=None):
        self.questions = list(questions)
        self.data = data
        self.initial = initial or {}
        self.cleaned = {}
        self.errors = {}
        self._ranks = {}

    def raw_answers(self):
        raw = {}
        for question in self.questions:
            name = question.field_name
            if question.kind == QuestionKind.MULTIPLE_CHOICE:
                raw[question.pk] = self.data.getlist(name)
            elif question.kind == QuestionKind.RANKING:
                ordered, ranks, errors = _posted_ranking(question, self.data)
                self._ranks[question.pk] = ranks
                if errors:
                    self.errors[question.pk] = errors
                raw[question.pk] = ordered
            else:
                raw[question.pk] = self.data.get(name, "")
        return raw

    def is_valid(self):
        raw = self.raw_answers()
        cleaned, errors = clean_answers(self.questions, raw)
        for question_id, messages in errors.items():
            self.errors.setdefault(question_id, messages)
        self.cleaned = cleaned
        return not self.errors

    def add_errors(self, errors):
        for question_id, messages in errors.items():
            self.errors.setdefault(question_id, messages)

    def _current(self, question):
        if self.data is not None:
            if question.kind == QuestionKind.MULTIPLE_CHOICE:
                return self.data.getlist(question.field_name)
            if question.kind == QuestionKind.RANKING:
                return {str(k): str(v) for k, v in self._ranks.get(question.pk, {}).items()}
            return self.data.get(question.field_name, "")
        value = self.initial.get(question.pk)
        if value is None:
            return [] if question.kind == QuestionKind.MULTIPLE_CHOICE else ({} if question.kind == QuestionKind.RANKING else "")
        if question.kind == QuestionKind.MULTIPLE_CHOICE:
            return [str(item) for item in value]
        if question.kind == QuestionKind.RANKING:
            return {str(choice): str(rank) for rank, choice in enumerate(value, start=1)}
        return str(value)

    def views(self):
        result = []
        for question in self.questions:
            current = self._current(question)
            view = QuestionView(question=question, name=question.field_name, errors=self.errors.get(question.pk, []))
            if question.kind in (QuestionKind.SHORT_TEXT, QuestionKind.LONG_TEXT):
                view.text = current
            elif question.kind in (QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE):
                chosen = current if isinstance(current, list) else [current]
                view.options = [
                    Option(str(c.pk), c.label, str(c.pk) in chosen, f"{question.field_name}_{c.pk}")
                    for c in question.choices.all()
                ]
            elif question.kind == QuestionKind.SCALE:
                view.options = [
                    Option(str(v), str(v), str(v) == current, f"{question.field_name}_{v}")
                    for v in question.scale_values()
                ]
            else:
                size = len(question.choices.all())
                for choice in question.choices.all():
                    rank = current.get(str(choice.pk), "")
                    ranks = [Option(str(n), str(n), str(n) == rank) for n in range(1, size + 1)]
                    view.rows.append((choice, f"{question.field_name}_c{choice.pk}", ranks))
            result.append(view)
        return result

"""Checking answers, one code path for the page and the API.

Raw answers are ``{question_id: value}``: a string for text, a choice id for a single choice, a
list of choice ids for a multiple choice, a number for a scale, and for a ranking the list of
choice ids from first to last. Anything else is an error for that question, never an exception.
"""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from consultations.params import BIGINT_MAX, parse_int

from .models import QuestionKind

SHORT_TEXT_MAX = 300
LONG_TEXT_MAX = 5000


def _as_int(value):
    return parse_int(value.strip() if isinstance(value, str) else value, minimum=-BIGINT_MAX)


def _is_empty(value):
    return value is None or value == "" or value == [] or (isinstance(value, str) and not value.strip())


def _clean_text(question, value):
    if not isinstance(value, str) or "\x00" in value:
        return None, _("Enter some text.")
    value = value.strip()
    limit = SHORT_TEXT_MAX if question.kind == QuestionKind.SHORT_TEXT else LONG_TEXT_MAX
    if len(value) > limit:
        return None, _("Write at most %(limit)d characters (you wrote %(length)d).") % {
            "limit": limit,
            "length": len(value),
        }
    return value, None


def _clean_single(question, value, choice_ids):
    choice = _as_int(value)
    if choice not in choice_ids:
        return None, _("Pick one of the proposed answers.")
    return choice, None


def _clean_multiple(question, value, choice_ids):
    values = value if isinstance(value, list) else [value]
    picked = [_as_int(item) for item in values]
    if any(item not in choice_ids for item in picked):
        return None, _("Pick among the proposed answers.")
    picked = list(dict.fromkeys(picked))
    if question.max_choices and len(picked) > question.max_choices:
        return None, ngettext(
            "Pick at most %(max)d answer (you picked %(count)d).",
            "Pick at most %(max)d answers (you picked %(count)d).",
            question.max_choices,
        ) % {"max": question.max_choices, "count": len(picked)}
    return picked, None


def _clean_scale(question, value):
    number = _as_int(value)
    if number is None or not question.scale_min <= number <= question.scale_max:
        return None, _("Pick a value from %(min)d to %(max)d.") % {
            "min": question.scale_min,
            "max": question.scale_max,
        }
    return number, None


def _clean_ranking(question, value, choice_ids):
    if not isinstance(value, list):
        return None, _("Give a rank to the items.")
    ranked = [_as_int(item) for item in value]
    if any(item not in choice_ids for item in ranked):
        return None, _("Rank only the proposed items.")
    if len(set(ranked)) != len(ranked):
        return None, _("Each item can only have one rank, and each rank only one item.")
    if question.required and len(ranked) != len(choice_ids):
        return None, _("Give a rank to every item.")
    return ranked, None


def clean_answers(questions, raw):
    """Return (cleaned, errors): cleaned maps question id to value; errors maps it to messages."""
    cleaned, errors = {}, {}
    for question in questions:
        value = raw.get(question.pk)
        if _is_empty(value):
            if question.required:
                errors[question.pk] = [_("This question is required.")]
            continue
        choice_ids = [choice.pk for choice in question.choices.all()]
        if question.kind in (QuestionKind.SHORT_TEXT, QuestionKind.LONG_TEXT):
            result, error = _clean_text(question, value)
        elif question.kind == QuestionKind.SINGLE_CHOICE:
            result, error = _clean_single(question, value, choice_ids)
        elif question.kind == QuestionKind.MULTIPLE_CHOICE:
            result, error = _clean_multiple(question, value, choice_ids)
        elif question.kind == QuestionKind.SCALE:
            result, error = _clean_scale(question, value)
        else:
            result, error = _clean_ranking(question, value, choice_ids)
        if error:
            errors[question.pk] = [error]
        elif not _is_empty(result):
            cleaned[question.pk] = result
        elif question.required:
            errors[question.pk] = [_("This question is required.")]
    return cleaned, errors

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from consultations.registry import registry
from participation.surveys import services
from participation.surveys.models import Answer, Response, Selection

from .fixtures import make_consultation, make_questionnaire, make_user, valid_raw

pytestmark = pytest.mark.django_db


def test_the_plugin_registers_its_tool_for_questionnaire_steps():
    tool = registry.get("surveys")
    assert tool.actions_for("questionnaire") == ("answer",)
    assert tool.actions_for("proposals") == ()


def test_a_citizen_answers_once_and_can_change_the_answers(survey):
    questionnaire, q, choices = survey
    citizen = make_user()
    _response, created = services.submit_answers(questionnaire, citizen, valid_raw(q, choices))
    assert created
    changed = valid_raw(q, choices) | {q["single"].pk: choices["single"][1].pk, q["scale"].pk: 2}
    _response, created = services.submit_answers(questionnaire, citizen, changed)
    assert not created
    assert Response.objects.filter(questionnaire=questionnaire, user=citizen).count() == 1
    mine = services.my_answers(questionnaire, citizen)["values"]
    assert mine[q["single"].pk] == choices["single"][1].pk
    assert mine[q["scale"].pk] == 2
    assert mine[q["ranking"].pk] == [c.pk for c in reversed(choices["ranking"])]
    assert Answer.objects.filter(response__user=citizen).count() == 6
    assert Selection.objects.filter(answer__question=q["multiple"]).count() == 2


@pytest.mark.parametrize(
    "moment, allowed",
    [(timedelta(days=-2), False), (timedelta(days=1), True), (timedelta(days=11), False)],
    ids=["before", "during", "after"],
)
def test_answers_are_taken_only_while_the_step_is_open(moment, allowed):
    start = timezone.now().replace(microsecond=0)
    questionnaire, q, choices = make_questionnaire(starts_at=start, ends_at=start + timedelta(days=10))
    citizen = make_user()
    with time_machine.travel(start + moment, tick=False):
        if allowed:
            services.submit_answers(questionnaire, citizen, valid_raw(q, choices))
        else:
            with pytest.raises(services.AnswersRefused) as refused:
                services.submit_answers(questionnaire, citizen, valid_raw(q, choices))
            assert refused.value.code == "closed"
            assert refused.value.message == "Ce questionnaire n’est pas ouvert aux réponses."
    assert Response.objects.filter(user=citizen).exists() == allowed


def test_a_consultation_that_does_not_use_the_tool_takes_no_answer():
    questionnaire, q, choices = make_questionnaire(consultation=make_consultation(tools=[]))
    with pytest.raises(services.AnswersRefused):
        services.submit_answers(questionnaire, make_user(), valid_raw(q, choices))


@pytest.mark.parametrize(
    "key, value, message",
    [
        ("short", "", "Cette question est obligatoire."),
        ("short", "x" * 301, "Écrivez au plus 300 caractères (vous en avez écrit 301)."),
        ("single", 999999, "Choisissez l’une des réponses proposées."),
        ("multiple", "three", "Choisissez parmi les réponses proposées."),
        ("scale", 9, "Choisissez une valeur de 1 à 5."),
        ("scale", True, "Choisissez une valeur de 1 à 5."),
        ("ranking", {"a": 1}, "Donnez un rang aux éléments."),
    ],
)
def test_bad_answers_are_refused_with_a_message_for_their_question(survey, key, value, message):
    questionnaire, q, choices = survey
    raw = valid_raw(q, choices) | {q[key].pk: value}
    with pytest.raises(services.AnswersRefused) as refused:
        services.submit_answers(questionnaire, make_user(), raw)
    assert refused.value.errors == {q[key].pk: [message]}
    assert not Response.objects.exists()


def test_multiple_choice_keeps_its_maximum(survey):
    questionnaire, q, choices = survey
    raw = valid_raw(q, choices) | {q["multiple"].pk: [c.pk for c in choices["multiple"][:3]]}
    with pytest.raises(services.AnswersRefused) as refused:
        services.submit_answers(questionnaire, make_user(), raw)
    assert refused.value.errors[q["multiple"].pk] == ["Choisissez au plus 2 réponses (vous en avez choisi 3)."]


def test_a_required_ranking_needs_every_item_and_no_duplicate(survey):
    questionnaire, q, choices = survey
    first, second, _third = choices["ranking"]
    for value in ([first.pk, second.pk], [first.pk, first.pk, second.pk]):
        with pytest.raises(services.AnswersRefused) as refused:
            services.submit_answers(questionnaire, make_user(), valid_raw(q, choices) | {q["ranking"].pk: value})
        assert q["ranking"].pk in refused.value.errors


def test_an_optional_question_may_be_left_empty(survey):
    questionnaire, q, choices = survey
    raw = valid_raw(q, choices)
    del raw[q["long"].pk]
    services.submit_answers(questionnaire, make_user(), raw)
    assert not Answer.objects.filter(question=q["long"]).exists()

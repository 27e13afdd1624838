import pytest
from django.utils import timezone

from consultations.models import Consultation
from participation.surveys.demo import load_demo
from participation.surveys.models import Question, QuestionKind, Questionnaire

from .fixtures import make_user

pytestmark = pytest.mark.django_db


def test_demo_loads_twice_with_every_question_kind_and_an_open_questionnaire(client_as):
    now = timezone.now()
    load_demo(now)
    load_demo(now)
    assert Consultation.objects.count() == 3
    assert set(Question.objects.values_list("kind", flat=True)) == set(QuestionKind.values)
    open_ones = [q for q in Questionnaire.objects.select_related("step") if q.step.is_open(now)]
    assert len(open_ones) == 1
    assert client_as(make_user()).get(open_ones[0].get_absolute_url()).status_code == 200
    assert client_as(None).get("/consultations/?period=closed").status_code == 200

import pytest

from participation.surveys import services
from participation.surveys.results import questionnaire_results

from .fixtures import make_user, valid_raw

pytestmark = pytest.mark.django_db


def test_scale_average_and_ranking_order(survey):
    questionnaire, q, choices = survey
    first, second, third = choices["ranking"]
    for scale, ranking in ((2, [first, second, third]), (4, [first, third, second]), (5, [second, first, third])):
        raw = valid_raw(q, choices) | {q["scale"].pk: scale, q["ranking"].pk: [c.pk for c in ranking]}
        services.submit_answers(questionnaire, make_user(), raw)
    results = {r.question.pk: r for r in questionnaire_results(questionnaire)["questions"]}
    scale = results[q["scale"].pk]
    assert round(scale.average, 2) == 3.67
    assert [(bar.label, bar.count, bar.percent) for bar in scale.bars] == [
        ("1", 0, 0), ("2", 1, 33), ("3", 0, 0), ("4", 1, 33), ("5", 1, 33),
    ]
    ranking = results[q["ranking"].pk]
    # Average ranks: first 1.3, second 2.0, third 2.7: listed best first.
    assert [(bar.label, bar.extra) for bar in ranking.bars] == [("Emploi", "1.3"), ("Logement", "2.0"), ("Transports", "2.7")]

import pytest

from consultations.models import Visibility
from participation.surveys import services

from .fixtures import make_consultation, make_questionnaire, make_user, valid_raw

pytestmark = pytest.mark.django_db


def api_answers(raw):
    return {"answers": [{"question": question, "value": value} for question, value in raw.items()]}


def test_questions_come_with_their_choices(survey, client_as):
    questionnaire, q, choices = survey
    data = client_as(None).get(f"/api/questionnaires/{questionnaire.pk}/").json()
    assert [question["kind"] for question in data["questions"]] == [
        "short_text", "long_text", "single_choice", "multiple_choice", "scale", "ranking",
    ]
    assert data["questions"][3]["max_choices"] == 2
    assert [c["label"] for c in data["questions"][2]["choices"]] == ["Oui", "Non"]
    assert data["is_open"] is True


def test_answer_then_read_my_answers_then_change_them(survey, client_as):
    questionnaire, q, choices = survey
    client = client_as(make_user())
    url = f"/api/questionnaires/{questionnaire.pk}/"
    assert client.get(url + "my-answers/").status_code == 404
    response = client.post(url + "answer/", api_answers(valid_raw(q, choices)), content_type="application/json")
    assert response.status_code == 201
    response = client.post(
        url + "answer/",
        api_answers(valid_raw(q, choices) | {q["scale"].pk: 5}),
        content_type="application/json",
    )
    assert response.status_code == 200
    mine = {a["question"]: a["value"] for a in client.get(url + "my-answers/").json()["answers"]}
    assert mine[q["scale"].pk] == 5


def test_invalid_answers_come_back_as_errors_per_question(survey, client_as):
    questionnaire, q, choices = survey
    raw = valid_raw(q, choices) | {q["scale"].pk: "beaucoup"}
    response = client_as(make_user()).post(
        f"/api/questionnaires/{questionnaire.pk}/answer/", api_answers(raw), content_type="application/json"
    )
    assert response.status_code == 400
    assert response.json() == {
        "detail": "Certaines réponses demandent votre attention.",
        "code": "invalid",
        "errors": {str(q["scale"].pk): ["Choisissez une valeur de 1 à 5."]},
    }


@pytest.mark.parametrize("body", [{}, {"answers": "x"}, {"answers": [{"question": "a"}]}, [1, 2]])
def test_malformed_bodies_are_a_400_not_a_crash(survey, client_as, body):
    questionnaire, _q, _choices = survey
    response = client_as(make_user()).post(
        f"/api/questionnaires/{questionnaire.pk}/answer/", body, content_type="application/json"
    )
    assert response.status_code == 400
    assert response.json()["code"] == "invalid"


def test_results_are_not_found_until_published(survey, client_as):
    questionnaire, q, choices = survey
    services.submit_answers(questionnaire, make_user(), valid_raw(q, choices))
    url = f"/api/questionnaires/{questionnaire.pk}/results/"
    assert client_as(None).get(url).json()["code"] == "not_published"
    services.publish_results(questionnaire)
    data = client_as(None).get(url).json()
    assert data["respondents"] == 1
    single = next(r for r in data["questions"] if r["kind"] == "single_choice")
    assert single["bars"][0] == {"label": "Oui", "count": 1, "percent": 100, "average_rank": ""}


def test_draft_questionnaires_are_not_listed_nor_found(client_as):
    hidden, _q, _c = make_questionnaire(consultation=make_consultation(visibility=Visibility.DRAFT))
    shown, _q, _c = make_questionnaire()
    client = client_as(make_user())
    ids = [item["id"] for item in client.get("/api/questionnaires/").json()["results"]]
    assert ids == [shown.pk]
    assert client.get(f"/api/questionnaires/{hidden.pk}/").status_code == 404


@pytest.mark.parametrize("size", [1, 5])
def test_questionnaire_list_queries_do_not_grow(size, client_as, django_assert_max_num_queries):
    for _ in range(size):
        make_questionnaire()
    client = client_as(make_user())
    with django_assert_max_num_queries(6):
        assert client.get("/api/questionnaires/").status_code == 200

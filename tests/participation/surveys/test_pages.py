import pytest
from django.utils import timezone

from consultations.models import Visibility
from participation.surveys import services
from participation.surveys.models import Response

from .fixtures import ROLES, make_consultation, make_questionnaire, make_user, valid_post, valid_raw

pytestmark = pytest.mark.django_db


def test_the_consultation_page_shows_the_questionnaire_in_its_step(survey, client_as):
    questionnaire, _q, _choices = survey
    page = client_as(make_user()).get(questionnaire.step.consultation.get_absolute_url())
    assert page.status_code == 200
    assert "Répondre au questionnaire" in page.content.decode()
    assert questionnaire.get_absolute_url() in page.content.decode()


def test_the_consultation_page_hides_the_tool_when_staff_did_not_choose_it(client_as):
    questionnaire, _q, _choices = make_questionnaire(consultation=make_consultation(tools=[]))
    page = client_as(make_user()).get(questionnaire.step.consultation.get_absolute_url())
    assert questionnaire.get_absolute_url() not in page.content.decode()


def test_a_citizen_answers_through_the_form_then_changes_the_answers(survey, client_as):
    questionnaire, q, choices = survey
    citizen = make_user()
    client = client_as(citizen)
    response = client.post(questionnaire.get_absolute_url(), valid_post(q, choices), follow=True)
    assert "Merci, vos réponses sont enregistrées." in response.content.decode()
    page = client.get(questionnaire.get_absolute_url()).content.decode()
    assert 'value="La Source"' in page  # the form comes back filled in
    assert "Enregistrer mes nouvelles réponses" in page
    changed = valid_post(q, choices) | {q["short"].field_name: "Les Clos"}
    response = client.post(questionnaire.get_absolute_url(), changed, follow=True)
    assert "Vos réponses ont été modifiées." in response.content.decode()
    assert services.my_answers(questionnaire, citizen)["values"][q["short"].pk] == "Les Clos"
    assert Response.objects.filter(user=citizen).count() == 1


def test_errors_are_shown_next_to_their_question_and_nothing_typed_is_lost(survey, client_as):
    questionnaire, q, choices = survey
    data = valid_post(q, choices) | {
        q["short"].field_name: "",
        q["multiple"].field_name: [str(c.pk) for c in choices["multiple"][:3]],
    }
    data[q["long"].field_name] = "Un texte long & précieux"
    response = client_as(make_user()).post(questionnaire.get_absolute_url(), data)
    assert response.status_code == 400
    page = response.content.decode()
    assert "Cette question est obligatoire." in page
    assert "Choisissez au plus 2 réponses (vous en avez choisi 3)." in page
    assert "Un texte long &amp; précieux</textarea>" in page
    short_block = page.split(f'id="question-{q["short"].pk}"')[1].split('class="question')[0]
    assert "Cette question est obligatoire." in short_block
    assert f'aria-describedby="{q["short"].field_name}-error"' in short_block
    for choice in choices["multiple"][:3]:
        assert f'value="{choice.pk}" checked' in page
    assert not Response.objects.exists()


def test_duplicate_ranks_are_refused_on_the_page(survey, client_as):
    questionnaire, q, choices = survey
    data = valid_post(q, choices)
    for choice in choices["ranking"]:
        data[f"{q['ranking'].field_name}_c{choice.pk}"] = "1"
    page = client_as(make_user()).post(questionnaire.get_absolute_url(), data).content.decode()
    assert "Chaque élément ne peut avoir qu’un rang, et chaque rang qu’un élément." in page


@pytest.mark.parametrize("role", ROLES)
def test_who_may_answer(role, survey, person, client_as):
    questionnaire, q, choices = survey
    user = person(role)
    response = client_as(user).post(questionnaire.get_absolute_url(), valid_post(q, choices))
    if role == "visitor":
        assert response.status_code == 302 and "next=" in response["Location"]
    else:
        assert response.status_code == 302
        assert Response.objects.filter(user=user).exists()


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("visibility", [Visibility.DRAFT, Visibility.PRIVATE])
def test_a_hidden_consultation_hides_its_questionnaire(role, visibility, person, client_as):
    questionnaire, q, choices = make_questionnaire(consultation=make_consultation(visibility=visibility))
    user = person(role)
    page = client_as(user).get(questionnaire.get_absolute_url())
    assert page.status_code == (200 if role == "staff" else 404)


def test_a_member_of_a_private_consultation_answers(client_as):
    consultation = make_consultation(visibility=Visibility.PRIVATE)
    questionnaire, q, choices = make_questionnaire(consultation=consultation)
    member = make_user()
    consultation.members.add(member)
    client_as(member).post(questionnaire.get_absolute_url(), {})
    assert client_as(member).get(questionnaire.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("role", ROLES)
def test_results_are_seen_by_staff_first_then_by_everyone_once_published(role, survey, person, client_as):
    questionnaire, q, choices = survey
    services.submit_answers(questionnaire, make_user(), valid_raw(q, choices))
    client = client_as(person(role))
    assert client.get(questionnaire.get_results_url()).status_code == (200 if role == "staff" else 404)
    services.publish_results(questionnaire)
    assert client.get(questionnaire.get_results_url()).status_code == 200


def test_results_show_counts_and_percentages_as_text_and_list_free_texts(survey, client_as):
    questionnaire, q, choices = survey
    for single, text in ((0, "Jardins"), (0, "Bus"), (1, "")):
        raw = valid_raw(q, choices) | {q["single"].pk: choices["single"][single].pk, q["long"].pk: text}
        services.submit_answers(questionnaire, make_user(), raw)
    services.publish_results(questionnaire, now=timezone.now())
    page = client_as(None).get(questionnaire.get_results_url()).content.decode()
    assert "3 personnes ont répondu." in page
    oui = page.split("<th scope=\"row\">Oui</th>")[1]
    assert "<td>2</td><td>67 %</td>" in oui.replace("\n", "").replace("        ", "")
    assert 'width="67"' in oui
    assert "Jardins" in page and "Bus" in page
    assert "<svg" in page and 'aria-hidden="true"' in page


@pytest.mark.parametrize("answers", [1, 6])
def test_results_page_queries_do_not_grow_with_answers(answers, client_as, django_assert_max_num_queries):
    questionnaire, q, choices = make_questionnaire()
    for _ in range(answers):
        services.submit_answers(questionnaire, make_user(), valid_raw(q, choices))
    services.publish_results(questionnaire)
    client = client_as(None)
    with django_assert_max_num_queries(12):
        assert client.get(questionnaire.get_results_url()).status_code == 200

"""Polls on the pages: answered without JavaScript, shown on the projection, kept in the transcript,
read through the API; each in a number of queries that does not grow with the answers."""

import pytest
from django.urls import reverse

from participation.live import polls_services
from participation.live.models import Poll, PollAnswer, PollKind, PollOption, PollState
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def launched(room, facilitator, kind=PollKind.SINGLE, hidden=False, options=("Mobilité", "Logement")):
    return polls_services.create_poll(
        room.pk, facilitator, kind, "Quel thème ?", options if kind in ("single", "multiple") else (),
        results_hidden=hidden, launch=True,
    )


def answer_many(poll, count, **values):
    for _ in range(count):
        polls_services.answer_poll(poll.room_id, UserFactory(roles=["citizen"]), poll.pk, **values)


def test_a_participant_answers_and_changes_without_javascript(client_for, room, citizen, facilitator):
    poll = launched(room, facilitator)
    first, second = poll.options.all()
    client = client_for(citizen)
    url = reverse("live:room", args=[room.event.slug])
    page = client.get(url).content.decode()
    assert 'name="action" value="poll.answer"' in page and "Mobilité" in page
    response = client.post(url, {"action": "poll.answer", "poll": poll.pk, "options": [first.pk]})
    assert response.status_code == 302 and response["Location"].endswith("#live-poll")
    response = client.post(url, {"action": "poll.answer", "poll": poll.pk, "options": [second.pk]})
    assert response.status_code == 302
    answer = PollAnswer.objects.get(poll=poll, user=citizen)
    assert list(answer.options.all()) == [second]
    page = client.get(url).content.decode()
    assert "Modifier ma réponse" in page and f'value="{second.pk}" checked' in page


def test_a_refused_answer_shows_next_to_the_poll(client_for, room, citizen, facilitator):
    poll = launched(room, facilitator, kind=PollKind.SCALE)
    url = reverse("live:room", args=[room.event.slug])
    response = client_for(citizen).post(url, {"action": "poll.answer", "poll": poll.pk, "scale": 9})
    assert response.status_code == 400
    assert "Choisissez une valeur de 1 à 5." in response.content.decode()
    assert not PollAnswer.objects.exists()


def test_a_visitor_sees_the_poll_but_no_form(client, room, facilitator):
    launched(room, facilitator)
    page = client.get(reverse("live:room", args=[room.event.slug])).content.decode()
    assert "Quel thème ?" in page and 'value="poll.answer"' not in page


@pytest.mark.parametrize("size", [3, 12])
def test_projection_shows_the_current_poll_and_its_results(client, room, facilitator, size, django_assert_max_num_queries):
    poll = launched(room, facilitator)
    first = poll.options.first()
    answer_many(poll, size, options=[first.pk])
    with django_assert_max_num_queries(9):
        page = client.get(reverse("live:projection", args=[room.event.slug])).content.decode()
    assert "Quel thème ?" in page
    assert f"{size} réponses" in page and f"{size} (100 %)" in page


def test_projection_keeps_hidden_results_hidden(client, room, facilitator):
    poll = launched(room, facilitator, hidden=True)
    answer_many(poll, 2, options=[poll.options.first().pk])
    page = client.get(reverse("live:projection", args=[room.event.slug])).content.decode()
    assert "Les résultats seront affichés par l’animation." in page and "2 (100 %)" not in page


@pytest.mark.parametrize("size", [2, 8])
def test_transcript_lists_the_polls_with_their_results(client, room, facilitator, size, django_assert_max_num_queries):
    words = launched(room, facilitator, kind=PollKind.WORDS)
    answer_many(words, size, text="Écoute et confiance")
    polls_services.close_poll(room.pk, facilitator, words.pk)
    scale = launched(room, facilitator, kind=PollKind.SCALE)
    answer_many(scale, size, scale=4)
    Poll.objects.create(room=room, question="Jamais lancé", kind=PollKind.SCALE)
    with django_assert_max_num_queries(11):
        page = client.get(reverse("live:transcript", args=[room.event.slug])).content.decode()
    assert "Sondages" in page and "Jamais lancé" not in page
    assert f"écoute : {size}" in page and f"confiance : {size}" in page
    assert "Moyenne : 4 sur 5" in page


def test_the_api_lists_polls_with_results_as_the_caller_may_see_them(api_for, room, facilitator, citizen, django_assert_max_num_queries):
    shown = launched(room, facilitator)
    answer_many(shown, 3, options=[shown.options.first().pk])
    hidden = launched(room, facilitator, hidden=True)
    answer_many(hidden, 2, options=[hidden.options.first().pk])
    Poll.objects.create(room=room, question="Préparé", kind=PollKind.SCALE)
    url = reverse("live-room-polls", args=[room.event.slug])
    with django_assert_max_num_queries(12):
        data = api_for(citizen).get(url).json()
    by_question = {poll["id"]: poll for poll in data}
    assert set(by_question) == {shown.pk, hidden.pk}
    assert by_question[shown.pk]["results"]["total"] == 3
    assert "results" not in by_question[hidden.pk]
    data = api_for(facilitator).get(url).json()
    assert len(data) == 3
    assert [poll for poll in data if poll["id"] == hidden.pk][0]["results"]["total"] == 2


def test_one_answer_per_person_is_a_database_constraint(room, facilitator, citizen):
    from django.db import IntegrityError, transaction

    poll = launched(room, facilitator)
    PollAnswer.objects.create(poll=poll, user=citizen)
    with pytest.raises(IntegrityError), transaction.atomic():
        PollAnswer.objects.create(poll=poll, user=citizen)


def test_results_are_read_in_a_constant_number_of_queries(room, facilitator, django_assert_max_num_queries):
    from participation.live.poll_results import results_of

    polls = []
    for kind in PollKind.values:
        poll = launched(room, facilitator, kind=kind)
        polls.append(poll)
        if poll.kind == PollKind.WORDS:
            answer_many(poll, 3, text="vélo")
        elif poll.kind == PollKind.SCALE:
            answer_many(poll, 3, scale=2)
        else:
            answer_many(poll, 3, options=[PollOption.objects.filter(poll=poll).first().pk])
    with django_assert_max_num_queries(4):
        found = results_of(polls)
    assert all(result["total"] == 3 for result in found.values())
    assert Poll.objects.filter(state=PollState.OPEN).count() == 1  # launching one closed the one before

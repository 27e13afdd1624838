"""The room page (history without JavaScript), the projection page, the transcript and the API."""

import pytest
from django.urls import reverse

from participation.live import services
from participation.live.models import Status

from .factories import MessageFactory, QuestionFactory, RoomFactory


def fill(room, count):
    for n in range(count):
        MessageFactory(room=room, body=f"Message numéro {n}")
        QuestionFactory(room=room, body=f"Question numéro {n} ?", vote_count=n)


@pytest.mark.django_db
def test_room_page_reads_the_history_without_javascript(client, room):
    MessageFactory(room=room, body="Bonjour **le quartier**")
    MessageFactory(room=room, body="Message masqué", status=Status.HIDDEN)
    QuestionFactory(room=room, body="Question peu soutenue", vote_count=1)
    QuestionFactory(room=room, body="Question très soutenue", vote_count=5)
    response = client.get(reverse("live:room", args=[room.event.slug]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "<strong>le quartier</strong>" in html
    assert "Message masqué" not in html
    assert "Bonjour **le quartier**" not in html  # the history is not also shown as flash messages
    assert html.index("Question très soutenue") < html.index("Question peu soutenue")
    assert 'aria-live="polite"' in html
    assert '<meta http-equiv="refresh" content="30">' in html  # inside <noscript>
    assert "Connectez-vous pour participer." in html
    assert 'type="module"' in html and "<script>" not in html.split("live-i18n")[0].split("<body>")[1]
    assert "Animation" not in html


@pytest.mark.django_db
def test_room_page_shows_forms_to_citizens_and_the_console_to_facilitators(client_for, room, citizen, facilitator):
    html = client_for(citizen).get(reverse("live:room", args=[room.event.slug])).content.decode()
    assert "Votre message" in html and "Votre question" in html and 'id="live-console"' not in html
    html = client_for(facilitator).get(reverse("live:room", args=[room.event.slug])).content.decode()
    assert 'id="live-console"' in html and "Journal d’animation" in html
    # One button to open or close, saying what it would do.
    assert '<button type="button" id="live-toggle" data-room-state="closed">Fermer le salon</button>' in html
    assert ">Ouvrir le salon</button>" not in html


@pytest.mark.django_db
def test_private_room_page_is_forbidden_to_visitors(client):
    room = RoomFactory(is_public=False)
    assert client.get(reverse("live:room", args=[room.event.slug])).status_code == 403
    assert client.get(reverse("live:room", args=["inconnu"])).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("size", [3, 12])
def test_room_page_queries_do_not_grow_with_rows(client_for, room, facilitator, size, django_assert_max_num_queries):
    fill(room, size)
    MessageFactory(room=room, status=Status.PENDING)
    with django_assert_max_num_queries(34):  # the login in client_for counts, the upvotes one query, the sessions (video) one, the prepared polls two
        assert client_for(facilitator).get(reverse("live:room", args=[room.event.slug])).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("size", [3, 12])
def test_transcript_lists_visible_messages_and_answered_questions(client, room, size, django_assert_max_num_queries):
    fill(room, size)
    QuestionFactory(room=room, body="Réponse donnée en séance", answered=True)
    QuestionFactory(room=room, body="Restée sans réponse")
    with django_assert_max_num_queries(6):
        response = client.get(reverse("live:transcript", args=[room.event.slug]))
    html = response.content.decode()
    assert "Compte rendu du salon en direct" in html
    assert "Réponse donnée en séance" in html and "Restée sans réponse" not in html
    assert "Message numéro 0" in html


@pytest.mark.django_db
def test_projection_page_shows_the_projected_question(client, room, facilitator):
    question = QuestionFactory(room=room, body="Question projetée en grand")
    url = reverse("live:projection", args=[room.event.slug])
    assert "Aucune question à l’écran pour l’instant." in client.get(url).content.decode()
    services.feature_question(room.pk, facilitator, question.pk, "projected")
    assert "Question projetée en grand" in client.get(url).content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("size", [3, 12])
def test_api_history_and_questions(client, room, citizen, size, django_assert_max_num_queries):
    for n in range(size):
        services.post_message(room.pk, citizen, f"Message {n}") if n < 4 else MessageFactory(room=room)
        services.ask_question(room.pk, citizen, f"Question {n} ?") if n < 1 else None
    base = f"/api/live/rooms/{room.event.slug}/"
    with django_assert_max_num_queries(6):
        events = client.get(base + "events/?after=2").json()
    assert [e["seq"] for e in events] == list(range(3, room.events.count() + 1))
    assert events[0]["type"] == "message.created" and events[0]["data"]["message"]["body"] == "Message 1"
    with django_assert_max_num_queries(6):
        questions = client.get(base + "questions/").json()
    assert questions[0]["body"] == "Question 0 ?"
    assert client.get(base).json()["last_seq"] == room.events.count()


@pytest.mark.django_db
@pytest.mark.parametrize("size", [2, 6])
def test_api_room_list(client, size, django_assert_max_num_queries):
    for _ in range(size):
        RoomFactory()
    RoomFactory(is_public=False)
    with django_assert_max_num_queries(4):
        rooms = client.get("/api/live/rooms/").json()
    assert len(rooms) == size


@pytest.mark.django_db
def test_api_refuses_bad_input_with_a_french_detail(client, room):
    response = client.get(f"/api/live/rooms/{room.event.slug}/events/?after=-3")
    assert response.status_code == 400
    assert response.json()["detail"] == "« after » doit être un nombre entier."
    assert response.json()["code"] == "invalid"
    assert client.get("/api/live/rooms/inconnu/events/").status_code == 404
    private = RoomFactory(is_public=False)
    assert client.get(f"/api/live/rooms/{private.event.slug}/").status_code == 404


@pytest.mark.django_db
def test_api_hides_pending_messages_from_others(client_for, citizen, council_member, facilitator):
    room = RoomFactory(premoderated=True)
    room.event.facilitators.add(facilitator)
    services.post_message(room.pk, citizen, "En attente")
    url = f"/api/live/rooms/{room.event.slug}/events/"
    assert client_for(council_member).get(url).json() == []
    assert len(client_for(citizen).get(url).json()) == 1
    assert len(client_for(facilitator).get(url).json()) == 1


@pytest.mark.needs_apps("participation.moderation")
def test_participants_may_report_others_messages_and_questions(client_for, room, citizen, council_member, facilitator):
    theirs = MessageFactory(room=room, author=council_member, body="Un message de Karim")
    mine = MessageFactory(room=room, author=citizen, body="Mon propre message")
    question = QuestionFactory(room=room, author=council_member, body="Une question de Karim ?")
    url = reverse("live:room", args=[room.event.slug])
    page = client_for(citizen).get(url).content.decode()
    assert f"/moderation/signaler/live_message/{theirs.pk}/" in page
    assert f"/moderation/signaler/live_question/{question.pk}/" in page
    assert f"/moderation/signaler/live_message/{mine.pk}/" not in page
    assert "/moderation/signaler/live_message/0/" in page  # the address the script completes
    console = client_for(facilitator).get(url).content.decode()
    assert f"/moderation/signaler/live_message/{theirs.pk}/" not in console  # facilitators hide directly
    visitor = client_for(None).get(url).content.decode()
    assert f"/moderation/signaler/live_message/{theirs.pk}/" not in visitor


@pytest.mark.django_db
def test_api_keeps_the_reason_of_a_hide_for_the_author_and_the_facilitators(client_for, room, citizen, council_member, facilitator):
    message = MessageFactory(room=room, author=citizen, body="Hors de propos")
    services.moderate_message(room.pk, facilitator, message.pk, approve=False, reason="off_topic", note="Un mot")
    url = f"/api/live/rooms/{room.event.slug}/events/"
    kinds = lambda user: [e["type"] for e in client_for(user).get(url).json()]  # noqa: E731
    assert kinds(council_member) == ["message.hidden"]
    assert kinds(None) == ["message.hidden"]
    assert kinds(citizen) == kinds(facilitator) == ["message.hidden", "notice.hidden"]
    notice = client_for(citizen).get(url).json()[1]
    assert (notice["data"]["reason_label"], notice["data"]["note"]) == ("Hors sujet", "Un mot")

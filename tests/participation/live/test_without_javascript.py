"""The room without JavaScript: its forms POST to the room's page, which acts through the same
services as the websocket (rules, limits, sent once), redirects back (PRG) and shows the result,
or shows the page again with the refusal next to the form."""

import re
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from participation.live.models import EventKind, Message, Question, QuestionVote, RoomEvent, RoomState, Sanction, Status

from .factories import MessageFactory, QuestionFactory, RoomFactory
from .test_rules import EXPECTED, ROLES

pytestmark = pytest.mark.django_db


def url(room):
    return reverse("live:room", args=[room.event.slug])


def form_html(html, form_id):
    return re.search(rf'<form id="{form_id}".*?</form>', html, re.S).group(0)


def error_box(html, box_id):
    """The text of an error box next to a form."""
    return re.search(rf'<p id="{box_id}"[^>]*>(.*?)</p>', html, re.S).group(1).strip()


def test_every_form_posts_with_its_csrf_token(client_for, room, citizen):
    QuestionFactory(room=room, body="Une question à soutenir ?")
    html = client_for(citizen).get(url(room)).content.decode()
    forms = re.findall(r"<form\b[^>]*>.*?</form>", html, re.S)
    room_forms = [form for form in forms if "live-" in form or 'value="question.vote"' in form]
    assert len(room_forms) == 4  # message, question, upvote, and the poll answer (hidden until a poll opens)
    for form in room_forms:
        assert 'method="post"' in form and "csrfmiddlewaretoken" in form
    # A GET with the text, as the page used to send, saves nothing.
    client_for(citizen).get(url(room), {"body": "Perdu dans l'adresse"})
    assert not Message.objects.exists()


def test_a_message_is_saved_through_the_service_then_the_page_shows_it(client_for, room, citizen):
    client = client_for(citizen)
    response = client.post(url(room), {"action": "message.send", "body": "Bonjour **sans script**"})
    assert response.status_code == 302
    assert response["Location"] == url(room) + "#live-discussion"
    message = Message.objects.get()
    assert (message.author, message.status, message.body) == (citizen, Status.VISIBLE, "Bonjour **sans script**")
    # The same path as the websocket: an event every client is pushed.
    assert RoomEvent.objects.filter(room=room, kind=EventKind.MESSAGE_CREATED, message=message).exists()
    html = client.get(response["Location"]).content.decode()
    assert "<strong>sans script</strong>" in html


def test_the_same_form_posted_twice_is_saved_once(client_for, room, citizen):
    client = client_for(citizen)
    html = client.get(url(room)).content.decode()
    key = re.search(r'name="client_id" value="([0-9a-f-]+)"', form_html(html, "live-message-form")).group(1)
    for _ in range(2):
        assert client.post(url(room), {"action": "message.send", "body": "Un seul", "client_id": key}).status_code == 302
    assert Message.objects.count() == 1


@pytest.mark.parametrize(
    ("body", "status", "detail"),
    [
        ("   ", 400, "Écrivez d’abord quelque chose."),
        ("x" * 501, 400, "Votre texte dépasse 500 caractères."),
    ],
)
def test_a_refused_message_is_explained_next_to_its_form_with_the_text_kept(client_for, room, citizen, body, status, detail):
    response = client_for(citizen).post(url(room), {"action": "message.send", "body": body})
    html = response.content.decode()
    assert response.status_code == status
    assert error_box(html, "live-message-error") == detail
    assert 'role="alert"' in re.search(r'<p id="live-message-error"[^>]*>', html).group(0)
    form = form_html(html, "live-message-form")
    assert 'aria-invalid="true"' in form and 'aria-describedby="live-message-error"' in form
    assert f">{body}</textarea>" in form
    # Right under the discussion's list, before its form: not at the top of the page.
    assert html.index('id="live-messages"') < html.index('id="live-message-error"') < html.index('id="live-message-form"')
    assert not Message.objects.exists()


def test_the_pace_is_the_websockets(client_for, room, citizen):
    client = client_for(citizen)
    for n in range(5):
        assert client.post(url(room), {"action": "message.send", "body": f"Message {n}"}).status_code == 302
    response = client.post(url(room), {"action": "message.send", "body": "Un de trop"})
    assert response.status_code == 429 and response["Retry-After"] == "10"
    assert error_box(response.content.decode(), "live-message-error") == "Vous écrivez trop vite : attendez quelques secondes."
    assert Message.objects.count() == 5


def test_a_closed_room_or_a_muted_person_is_told_next_to_the_form(client_for, room, citizen, facilitator):
    Sanction.objects.create(
        room=room, user=citizen, kind="mute", until=timezone.now() + timedelta(minutes=10), author=facilitator,
        created_at=timezone.now(),
    )
    response = client_for(citizen).post(url(room), {"action": "message.send", "body": "Encore un mot"})
    assert response.status_code == 400
    assert error_box(response.content.decode(), "live-message-error").startswith("Vous êtes réduit·e au silence jusqu’au")
    closed = RoomFactory(state=RoomState.CLOSED)
    response = client_for(citizen).post(url(closed), {"action": "question.ask", "body": "Encore ouverte ?"})
    html = response.content.decode()
    assert response.status_code == 400
    assert error_box(html, "live-question-error") == "Le salon est fermé."
    assert not Message.objects.exists() and not Question.objects.exists()


@pytest.mark.parametrize("role", ROLES)
def test_who_may_post_is_rules_say(role, user_for_role, client_for, room):
    response = client_for(user_for_role(role)).post(url(room), {"action": "message.send", "body": "Bonjour"})
    may_write = EXPECTED[role][1]
    assert response.status_code == (302 if may_write else 400)
    assert Message.objects.exists() is may_write
    if not may_write:
        assert error_box(response.content.decode(), "live-message-error") == "Connectez-vous pour participer."


def test_a_private_room_refuses_a_visitors_post(client):
    room = RoomFactory(is_public=False)
    assert client.post(url(room), {"action": "message.send", "body": "Bonjour"}).status_code == 403
    assert not Message.objects.exists()


def test_a_post_without_the_csrf_token_is_refused(room, citizen):
    client = Client(enforce_csrf_checks=True)
    client.force_login(citizen)
    assert client.post(url(room), {"action": "message.send", "body": "Sans jeton"}).status_code == 403
    html = client.get(url(room)).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form_html(html, "live-message-form")).group(1)
    response = client.post(url(room), {"action": "message.send", "body": "Avec jeton", "csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert list(Message.objects.values_list("body", flat=True)) == ["Avec jeton"]


def test_a_question_is_asked_and_upvoted_then_shows_soutenue(client_for, room, citizen, council_member):
    client = client_for(citizen)
    response = client.post(url(room), {"action": "question.ask", "body": "Qui contacter à l'EPCI ?"})
    assert response.status_code == 302 and response["Location"].endswith("#live-questions-panel")
    theirs = QuestionFactory(room=room, author=council_member, body="Et le suivi ?")
    assert client.post(url(room), {"action": "question.vote", "question": theirs.pk}).status_code == 302
    assert QuestionVote.objects.filter(question=theirs, user=citizen).exists()
    html = client.get(url(room)).content.decode()
    item = re.search(rf'<li id="question-{theirs.pk}".*?</li>', html, re.S).group(0)
    assert 'data-voted="true"' in item
    assert re.search(r"<button[^>]*disabled[^>]*>Soutenue</button>", item)
    assert "Soutenir" not in item
    # Another person still gets the form to upvote it.
    other = client_for(council_member).get(url(room)).content.decode()
    assert re.search(r'value="question.vote">.*?>Soutenir</button>', other, re.S)
    # Upvoting again is refused next to the questions.
    response = client.post(url(room), {"action": "question.vote", "question": theirs.pk})
    assert response.status_code == 400
    assert error_box(response.content.decode(), "live-question-error") == "Vous avez déjà soutenu cette question."
    assert client.post(url(room), {"action": "question.vote", "question": "douze"}).status_code == 400


def test_an_unknown_action_changes_nothing(client_for, room, citizen):
    response = client_for(citizen).post(url(room), {"action": "room.update", "state": "closed"})
    assert response.status_code == 400
    assert error_box(response.content.decode(), "live-error") == "Action inconnue."
    room.refresh_from_db()
    assert room.state == RoomState.OPEN


def test_in_a_premoderated_room_the_author_sees_their_message_awaiting_approval(client_for, citizen, council_member):
    room = RoomFactory(premoderated=True)
    client = client_for(citizen)
    client.post(url(room), {"action": "message.send", "body": "À valider d'abord"})
    mine = client.get(url(room)).content.decode()
    assert "À valider d'abord" in mine and "En attente de validation" in mine
    assert "À valider d'abord" not in client_for(council_member).get(url(room)).content.decode()


def test_a_writer_page_does_not_refresh_itself_under_their_typing(client_for, client, room, citizen):
    MessageFactory(room=room)
    assert 'http-equiv="refresh"' not in client_for(citizen).get(url(room)).content.decode()
    assert 'http-equiv="refresh"' in client.get(url(room)).content.decode()

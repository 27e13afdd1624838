"""A person appears under their public name everywhere, never under their e-mail or its local part.

One resident, « Rose des Clos », signs up as ``jeanne.martin-secret@exemple.fr`` and takes part in
every way the site offers: a proposal, a support, comments (one hidden by a moderator), a council,
a live room (message, question, projected). Then each surface is read as each role would read it —
pages, API JSON, the live room's websocket frames, an export file, the e-mails sent — and must show
« Rose des Clos » and nothing of ``jeanne.martin-secret``.

Left out on purpose, as personal data shown to whom it belongs or must: the person's own pages
(« Mon compte », « Mes données »), and the staff's list and export of an event's registrants
(names and e-mails, logged; docs/consultations.md).
"""

import io
import json

import pytest
from asgiref.sync import sync_to_async
from django.core import mail
from django.test import Client
from django.urls import reverse

from participation.comments import services as comment_services
from participation.exports import engine
from participation.exports.registry import get_dataset
from participation.exports.scope import Scope
from participation.live import services as live_services
from participation.moderation import services as moderation_services
from tests.factories import UserFactory, with_totp
from tests.participation.councils.factories import CouncilFactory, MembershipFactory
from tests.participation.live.factories import RoomFactory
from tests.participation.live.wsclient import LiveClient
from tests.participation.moderation.helpers import reported_case
from tests.participation.proposals.factories import ProposalFactory, support

NAME = "Rose des Clos"
EMAIL = "jeanne.martin-secret@exemple.fr"
SECRETS = ("jeanne.martin-secret", "jeanne.martin", "martin-secret")


def assert_private(text, where, expect_name=True):
    for secret in SECRETS:
        assert secret not in text, f"{where} shows « {secret} »"
    if expect_name:
        assert NAME in text, f"{where} does not show the public name"


def build_world():
    rose = UserFactory(email=EMAIL, display_name=NAME)
    neighbour = UserFactory(display_name="Karim")
    facilitator = UserFactory(roles=["facilitator"])
    moderator = with_totp(UserFactory(roles=["moderator"]))
    staff = with_totp(UserFactory(is_staff=True))

    proposal = ProposalFactory(author=rose, title="Un jardin partagé au pied des tours")
    other = ProposalFactory(author=neighbour, title="Des bancs à l'ombre")
    support(other, rose)
    parent = comment_services.add_comment(neighbour, other, "Et près de l'école ?")
    comment_services.add_comment(rose, other, "Oui, et devant la crèche.", parent=parent)
    hidden = comment_services.add_comment(rose, other, "Un commentaire qu'un modérateur masque.")
    moderation_services.hide(moderator, reported_case(hidden), "Hors sujet")
    waiting = reported_case(comment_services.add_comment(rose, other, "Un avis signalé, en attente."))

    council = CouncilFactory(name="Conseil citoyen des Clos")
    MembershipFactory(council=council, user=rose)

    room = RoomFactory()
    room.event.facilitators.add(facilitator)
    live_services.post_message(room.pk, rose, "Bonjour à toutes et tous")
    question = live_services.ask_question(room.pk, rose, "Quand commencent les travaux ?")
    live_services.feature_question(room.pk, facilitator, question.pk, "projected")
    return {
        "rose": rose, "facilitator": facilitator, "moderator": moderator, "staff": staff,
        "proposal": proposal, "other": other, "council": council, "room": room, "case": waiting,
    }


@pytest.fixture
def world(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):  # the e-mail tasks run
        return build_world()


def client_of(user):
    client = Client(HTTP_ACCEPT_LANGUAGE="fr")
    if user is not None:
        client.force_login(user)
    return client


def pages(world):
    """(role, path, shows the name?) for every page where Rose's name appears to others."""
    slug = world["room"].event.slug
    return [
        ("visitor", reverse("proposals:list"), True),
        ("visitor", reverse("proposals:detail", args=[world["proposal"].pk]), True),
        ("visitor", reverse("proposals:detail", args=[world["other"].pk]), True),  # her comment
        ("visitor", world["council"].get_absolute_url(), False),  # members are shown to members
        ("visitor", reverse("live:room", args=[slug]), True),  # history, after a reload
        ("visitor", reverse("live:projection", args=[slug]), True),
        ("facilitator", reverse("live:room", args=[slug]), True),  # the console's buttons
        ("moderator", reverse("moderation:queue"), True),
        ("moderator", reverse("moderation:case", args=[world["case"].pk]), True),
        ("staff", reverse("moderation:log"), True),
        ("staff", world["council"].get_absolute_url(), True),
        ("staff", reverse("staff:statistics"), False),
    ]


def test_every_page_shows_the_public_name_and_never_the_email(world):
    for role, path, shows_name in pages(world):
        user = None if role == "visitor" else world[role]
        response = client_of(user).get(path)
        assert response.status_code == 200, (role, path, response.status_code)
        assert_private(response.text, f"{path} as {role}", expect_name=shows_name)


def test_every_api_answer_shows_the_public_name_and_never_the_email(world):
    slug = world["room"].event.slug
    other = world["other"]
    calls = [
        (None, "/api/proposals/", True),
        (None, f"/api/proposals/{world['proposal'].pk}/", True),
        (None, f"/api/comments/?target=proposals.proposal&object_id={other.pk}", True),
        (None, f"/api/councils/{world['council'].slug}/", False),
        (None, f"/api/live/rooms/{slug}/events/?after=0", True),
        (None, f"/api/live/rooms/{slug}/questions/", True),
        ("moderator", "/api/moderation/cases/", True),
        ("staff", "/api/moderation/log/", True),
    ]
    for role, path, shows_name in calls:
        response = client_of(world[role] if role else None).get(path)
        assert response.status_code == 200, (path, response.status_code, response.content[:200])
        text = json.dumps(response.json(), ensure_ascii=False)
        assert_private(text, f"{path} as {role or 'visitor'}", expect_name=shows_name)


def test_an_export_shows_the_public_name_and_never_the_email(world):
    buffer = io.BytesIO()
    engine.write(get_dataset("moderation_log"), Scope(personal_data=True), "csv", buffer)
    assert_private(buffer.getvalue().decode("utf-8-sig"), "the moderation log export")
    for name in ["proposals", "comments", "live_messages"]:
        buffer = io.BytesIO()
        engine.write(get_dataset(name), Scope(), "csv", buffer)  # pseudonymous: no name at all
        assert_private(buffer.getvalue().decode("utf-8-sig"), f"the {name} export", expect_name=False)


def test_every_email_shows_the_public_name_and_never_the_email(world):
    assert mail.outbox
    for message in mail.outbox:
        assert_private(f"{message.subject}\n{message.body}", f"the e-mail « {message.subject} »", expect_name=False)
    # The neighbour learns who replied to them, by name.
    (reply,) = [m for m in mail.outbox if "répondu" in m.subject]
    assert_private(f"{reply.subject}\n{reply.body}", "the reply e-mail")


@pytest.mark.asyncio
@pytest.mark.django_db(transaction=True)
async def test_live_frames_show_the_public_name_and_never_the_email(settings):
    settings.CHANNEL_LAYERS = {"default": {"BACKEND": "participation.live.layers.InMemoryChannelLayer"}}

    @sync_to_async
    def setup():
        rose = UserFactory(email=EMAIL, display_name=NAME)
        facilitator = UserFactory(roles=["facilitator"])
        room = RoomFactory()
        room.event.facilitators.add(facilitator)
        return rose, facilitator, room

    rose, facilitator, room = await setup()
    slug = room.event.slug
    visitor = await LiveClient.open(slug)
    console = await LiveClient.open(slug, facilitator)
    writer = await LiveClient.open(slug, rose)
    assert (await writer.act(type="message.send", body="Bonjour depuis les Clos"))["type"] == "ack"
    ask = await writer.act(type="question.ask", body="Qui s'occupe du jardin ?", ref="q")
    assert ask["type"] == "ack"
    frames = [await visitor.receive(), await visitor.receive()]
    question_id = frames[1]["data"]["question"]["id"]
    assert (await console.act(type="question.project", question=question_id, ref="p"))["type"] == "ack"
    frames.append(await visitor.receive())
    assert [frame["type"] for frame in frames] == ["message.created", "question.created", "question.projected"]
    assert frames[0]["data"]["message"]["author"]["name"] == NAME
    assert frames[1]["data"]["question"]["author"]["name"] == NAME
    late = await LiveClient.open(slug, after=0)  # a reconnecting client gets the same names
    frames += [await late.receive() for _ in range(3)]
    for frame in frames:
        assert_private(json.dumps(frame, ensure_ascii=False), f"the frame {frame['type']}")
    for client in (visitor, console, writer, late):
        await client.close()

"""After the session: one click drafts the event page's summary; staff edit it and publish it."""

import pytest
from django.urls import NoReverseMatch, reverse

from consultations.models import Event, EventResource
from consultations.recaps import compose, register_section, sections

from .factories import MessageFactory, QuestionFactory

pytestmark = pytest.mark.django_db


def _draft(client, room):
    return client.post(reverse("live:draft_summary", args=[room.event.slug]))


@pytest.mark.parametrize("role, status", [
    ("visitor", 403), ("citizen", 403), ("council_member", 403), ("moderator", 403), ("facilitator", 302), ("staff", 302),
])
def test_who_may_draft_the_summary(client_for, user_for_role, room, role, status):
    response = _draft(client_for(user_for_role(role)), room)
    assert response.status_code == status
    event = Event.objects.get(pk=room.event_id)
    assert bool(event.recap) == (status == 302) and not event.recap_published


def test_a_get_drafts_nothing(client_for, room, facilitator):
    assert client_for(facilitator).get(reverse("live:draft_summary", args=[room.event.slug])).status_code == 405


def test_the_draft_lists_answered_questions_the_transcript_and_the_replay(client_for, room, facilitator):
    room.event.replay_url = "https://video.exemple.fr/w/replay"
    room.event.save()
    QuestionFactory(room=room, body="Qui suit les *actions* ?", answered=True, author__display_name="Awa")
    QuestionFactory(room=room, body="Restée en suspens", answered=False)
    MessageFactory(room=room)
    response = _draft(client_for(facilitator), room)
    assert response["Location"] == reverse("live:transcript", args=[room.event.slug])
    recap = Event.objects.get(pk=room.event_id).recap
    assert "- Qui suit les \\*actions\\* ? (Awa)" in recap
    assert "Restée en suspens" not in recap
    assert f"/evenements/{room.event.slug}/direct/compte-rendu/)" in recap
    assert "(https://video.exemple.fr/w/replay)" in recap
    assert recap.index("Questions répondues") < recap.index("Compte rendu du salon") < recap.index("Rediffusion")


def test_staff_land_on_the_editor_where_the_host_routes_the_admin(client_for, room, staff):
    try:
        editor = reverse("admin:consultations_event_change", args=[room.event_id]) + "#id_recap"
    except NoReverseMatch:  # a host without the admin: back to the transcript
        editor = reverse("live:transcript", args=[room.event.slug])
    assert _draft(client_for(staff), room)["Location"] == editor


def test_published_summary_is_on_the_event_page_rendered_once_and_clean(client, room):
    event = room.event
    event.recap = "### Questions\n\n- **Claire** a répondu <script>alert(1)</script>"
    event.save()
    page = client.get(event.get_absolute_url()).content.decode()
    assert 'id="event-recap"' not in page  # a draft is not shown
    event.recap_published = True
    event.save()
    assert "<strong>Claire</strong>" in event.recap_html and "<script>" not in event.recap_html
    page = client.get(event.get_absolute_url()).content.decode()
    assert 'id="event-recap"' in page and "<strong>Claire</strong>" in page and "<script>alert" not in page


def test_a_tool_adds_its_part_through_the_registry(room):
    register_section("polls-test", lambda event: "### Sondages\n\n- 42 réponses", position=20)
    try:
        names = [section.name for section in sections()]
        assert names.index("live") < names.index("polls-test") < names.index("replay")
        assert "- 42 réponses" in compose(room.event)
    finally:
        from consultations import recaps

        recaps._sections.pop("polls-test")


@pytest.mark.parametrize("size", [2, 15])
def test_drafting_does_not_query_per_question(client_for, room, facilitator, size, django_assert_max_num_queries):
    for n in range(size):
        QuestionFactory(room=room, answered=True)
    EventResource.objects.create(event=room.event, kind=EventResource.Kind.REPLAY, title="Replay", url="https://vimeo.com/1")
    client = client_for(facilitator)
    with django_assert_max_num_queries(26):  # the same for 2 or 15 questions: session, rights, draft, sections (the polls one included)
        _draft(client, room)


def test_the_console_and_the_transcript_offer_it_to_facilitators_only(client_for, room, facilitator, citizen):
    for path in (reverse("live:room", args=[room.event.slug]), reverse("live:transcript", args=[room.event.slug])):
        assert "Rédiger le compte rendu" in client_for(facilitator).get(path).content.decode()
        assert "Rédiger le compte rendu" not in client_for(citizen).get(path).content.decode()


def test_the_draft_gives_the_polls_results_the_public_saw(client_for, room, facilitator):
    from participation.live import polls_services
    from participation.live.models import PollKind
    from tests.factories import UserFactory

    theme = polls_services.create_poll(room.pk, facilitator, PollKind.SINGLE, "Quel thème ?", ["Mobilité", "Logement"], launch=True)
    voters = [UserFactory(roles=["citizen"]) for _ in range(4)]
    for voter, option in zip(voters, [0, 0, 0, 1]):
        polls_services.answer_poll(room.pk, voter, theme.pk, [list(theme.options.all())[option].pk])
    secret = polls_services.create_poll(room.pk, facilitator, PollKind.WORDS, "Un mot caché ?", results_hidden=True, launch=True)
    polls_services.answer_poll(room.pk, voters[0], secret.pk, text="confidentiel")
    _draft(client_for(facilitator), room)
    recap = Event.objects.get(pk=room.event_id).recap
    assert "### Sondages de la séance" in recap
    assert "- Mobilité : 3 (75 %)" in recap and "- Logement : 1 (25 %)" in recap
    assert "confidentiel" not in recap and "Un mot caché" not in recap  # never revealed: not given
    assert recap.index("Compte rendu du salon") < recap.index("Sondages de la séance")

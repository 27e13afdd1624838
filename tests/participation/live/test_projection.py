"""The big screen: no site chrome, the featured question, the room's short address and its QR code."""

import pytest
from django.urls import reverse

from participation.live import services

from .factories import QuestionFactory, RoomFactory

pytestmark = pytest.mark.django_db


def _screen(client, room):
    return client.get(reverse("live:projection", args=[room.event.slug]))


def test_the_screen_has_no_site_chrome_and_a_qr_code_to_join(client, room):
    page = _screen(client, room).content.decode()
    assert 'class="live-screen"' in page and "projection.css" in page
    assert "Créer un compte" not in page and "<nav" not in page and "<footer class" not in page
    assert "Rejoindre le salon" in page
    assert f"testserver/direct/{room.pk}</p>" in page  # the short address, read aloud without https://
    assert page.count("<svg") == 1 and "<path" in page  # the QR code, drawn on the server


def test_the_qr_code_encodes_the_short_address(client, room):
    from participation.live.screen import qr_svg

    expected = qr_svg(f"http://testserver/direct/{room.pk}/")
    assert str(expected) in _screen(client, room).content.decode()


def test_the_screen_shows_the_projected_else_the_pinned_question(client, room, facilitator):
    pinned = QuestionFactory(room=room, body="Question épinglée")
    projected = QuestionFactory(room=room, body="Question projetée")
    services.feature_question(room.pk, facilitator, pinned.pk, "pinned")
    assert "Question épinglée" in _screen(client, room).content.decode()
    services.feature_question(room.pk, facilitator, projected.pk, "projected")
    page = _screen(client, room).content.decode()
    assert '<p id="live-projected-body">Question projetée</p>' in page
    assert '"pinned": {"id": %d, "body": "Question \\u00e9pingl\\u00e9e"' % pinned.pk in page  # for room.js


def test_the_screen_escapes_the_question(client, room, facilitator):
    question = QuestionFactory(room=room, body="<script>alert(1)</script>")
    services.feature_question(room.pk, facilitator, question.pk, "projected")
    page = _screen(client, room).content.decode()
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page


@pytest.mark.parametrize("role, public, status", [
    ("visitor", True, 302), ("visitor", False, 403), ("citizen", False, 302), ("facilitator", False, 302),
    ("moderator", False, 302), ("staff", False, 302),
])
def test_the_short_address_leads_to_the_room(client_for, user_for_role, role, public, status, facilitator):
    room = RoomFactory(is_public=public)
    room.event.facilitators.add(facilitator)
    response = client_for(user_for_role(role)).get(reverse("live:short", args=[room.pk]))
    assert response.status_code == status
    if status == 302:
        assert response["Location"] == reverse("live:room", args=[room.event.slug])


def test_the_screen_does_not_query_per_question(client, room, facilitator, django_assert_max_num_queries):
    for n in range(20):
        QuestionFactory(room=room)
    with django_assert_max_num_queries(4):
        _screen(client, room)

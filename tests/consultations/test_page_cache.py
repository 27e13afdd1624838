"""Anonymous visitors' pages come from the cache (consultations.page_cache); nobody else's do."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.contrib.messages import constants
from django.contrib.messages.storage.cookie import CookieStorage
from django.contrib.messages.storage.base import Message
from django.http import HttpResponse
from django.middleware.csrf import _unmask_cipher_token
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import timezone

from lapartcitoyenne.models import SiteSettings
from participation.moderation import services as moderation
from tests.participation.moderation.helpers import make_item, reported_case
from tests.participation.proposals.factories import ProposalFactory

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([A-Za-z0-9]{64})"')


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 30


def test_a_visitors_second_request_is_served_from_the_cache_without_a_query(django_assert_num_queries):
    proposal = ProposalFactory(title="Des bancs au square")
    first = Client().get(proposal.get_absolute_url())
    assert first.status_code == 200 and first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = Client().get(proposal.get_absolute_url())
    assert second["X-Page-Cache"] == "hit"
    assert "Des bancs au square" in second.text
    assert TOKEN.sub("", second.text) == TOKEN.sub("", first.text)
    assert {"Cookie", "HX-Request"} <= {v.strip() for v in second["Vary"].split(",")}
    assert second["Content-Language"] == first["Content-Language"]


@pytest.mark.parametrize("name", ["home", "proposals:list", "consultations:consultation_list", "consultations:programme",
                                  "accessibility", "legal", "sitemap", "privacy"])
def test_every_public_page_is_cached_for_visitors(name):
    SiteSettings.load()  # its row is made on first read, and a new row is a change of the site's texts
    url = reverse(name)
    assert Client().get(url)["X-Page-Cache"] == "miss"
    assert Client().get(url)["X-Page-Cache"] == "hit"


def test_signed_in_people_are_never_served_nor_stored(citizen):
    proposal = ProposalFactory()
    signed_in = Client()
    signed_in.force_login(citizen)
    first = signed_in.get(proposal.get_absolute_url())
    second = signed_in.get(proposal.get_absolute_url())
    assert "X-Page-Cache" not in first and "X-Page-Cache" not in second
    assert "private" in second["Cache-Control"]
    # What the signed-in person saw was not stored for the next visitor either.
    assert Client().get(proposal.get_absolute_url())["X-Page-Cache"] == "miss"
    # A signed-in person arriving after a visitor gets their own page, not the visitor's.
    assert reverse("profile") in signed_in.get(proposal.get_absolute_url()).text


def test_a_comment_hidden_by_moderation_vanishes_at_once_for_visitors(moderator):
    proposal = ProposalFactory()
    comment = make_item("comment", target=proposal, body="Un commentaire injurieux")
    assert "Un commentaire injurieux" in Client().get(proposal.get_absolute_url()).text
    assert Client().get(proposal.get_absolute_url())["X-Page-Cache"] == "hit"
    moderation.hide(moderator, reported_case(comment), "Propos injurieux")
    page = Client().get(proposal.get_absolute_url())
    assert page["X-Page-Cache"] == "miss"
    assert "Un commentaire injurieux" not in page.text


def test_a_staff_edit_of_a_consultation_shows_at_once(settings):
    from tests.factories import ConsultationFactory

    consultation = ConsultationFactory(title="Le parc du bas")
    url = consultation.get_absolute_url()
    assert "Le parc du bas" in Client().get(url).text
    consultation.title = "Le parc du haut"
    consultation.save()
    assert "Le parc du haut" in Client().get(url).text


def test_a_page_stays_at_most_page_cache_seconds(settings):
    settings.PAGE_CACHE_SECONDS = 5
    proposal = ProposalFactory(title="Avant")
    url = proposal.get_absolute_url()
    with time_machine.travel(timezone.now(), tick=False) as clock:
        assert "Avant" in Client().get(url).text
        type(proposal).objects.filter(pk=proposal.pk).update(title="Après")  # no invalidation: a count, a new comment
        clock.shift(timedelta(seconds=4))
        assert "Avant" in Client().get(url).text
        clock.shift(timedelta(seconds=2))
        page = Client().get(url)
    assert page["X-Page-Cache"] == "miss" and "Après" in page.text


def test_a_shorter_page_cache_seconds_applies_to_pages_stored_under_a_longer_one(settings):
    settings.PAGE_CACHE_SECONDS = 60
    proposal = ProposalFactory(title="Avant")
    url = proposal.get_absolute_url()
    with time_machine.travel(timezone.now(), tick=False) as clock:
        Client().get(url)
        type(proposal).objects.filter(pk=proposal.pk).update(title="Après")
        settings.PAGE_CACHE_SECONDS = 5
        clock.shift(timedelta(seconds=6))
        page = Client().get(url)
    assert page["X-Page-Cache"] == "miss" and "Après" in page.text


def test_two_invalidations_under_a_frozen_clock_both_take_effect(settings, moderator):
    settings.PAGE_CACHE_SECONDS = 5
    proposal = ProposalFactory()
    url = proposal.get_absolute_url()
    with time_machine.travel(timezone.now(), tick=False):
        for body in ("Premier propos injurieux", "Second propos injurieux"):
            comment = make_item("comment", target=proposal, body=body)
            Client().get(url)
            assert Client().get(url)["X-Page-Cache"] == "hit"
            moderation.hide(moderator, reported_case(comment), "Propos injurieux")
            assert body not in Client().get(url).text


def test_off_when_page_cache_seconds_is_zero(settings):
    settings.PAGE_CACHE_SECONDS = 0
    Client().get(reverse("home"))
    assert "X-Page-Cache" not in Client().get(reverse("home"))


def test_each_visitor_gets_their_own_csrf_token_and_can_post_with_it():
    alice, bob = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first, second = alice.get(reverse("home")), bob.get(reverse("home"))
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    tokens = {}
    for client, page in ((alice, first), (bob, second)):
        found = set(TOKEN.findall(page.text))
        assert found, "the page has a form with a CSRF token"
        cookie = client.cookies["csrftoken"].value
        assert {_unmask_cipher_token(token) for token in found} == {cookie}
        assert "Cookie" in page["Vary"]
        tokens[client] = found.pop()
    assert alice.cookies["csrftoken"].value != bob.cookies["csrftoken"].value
    setlang = reverse("set_language")
    assert bob.post(setlang, {"language": "en", "next": "/", "csrfmiddlewaretoken": tokens[alice]}).status_code == 403
    assert alice.post(setlang, {"language": "en", "next": "/", "csrfmiddlewaretoken": tokens[alice]}).status_code == 302
    assert bob.post(setlang, {"language": "en", "next": "/", "csrfmiddlewaretoken": tokens[bob]}).status_code == 302


def test_the_language_is_part_of_the_key():
    french = Client()
    english = Client()
    english.cookies["django_language"] = "en"
    french.get(reverse("home"))
    page = english.get(reverse("home"))
    assert page["X-Page-Cache"] == "miss" and page["Content-Language"] == "en"
    assert english.get(reverse("home"))["X-Page-Cache"] == "hit"


def _messages_cookie(text):
    request = RequestFactory().get("/")
    storage = CookieStorage(request)
    response = HttpResponse()
    storage._store([Message(constants.SUCCESS, text)], response)
    return response.cookies[storage.cookie_name].value


def test_a_visitor_with_a_pending_message_sees_it_and_it_is_not_stored():
    Client().get(reverse("home"))
    with_message = Client()
    with_message.cookies["messages"] = _messages_cookie("Votre message est envoyé.")
    page = with_message.get(reverse("home"))
    assert "X-Page-Cache" not in page
    assert "Votre message est envoyé." in page.text
    assert "Votre message est envoyé." not in Client().get(reverse("home")).text


def test_a_session_or_a_session_change_is_never_shared():
    url = reverse("proposals:list") + "?order=random"
    first = Client().get(url)  # the random order is kept in a new session
    assert "sessionid" in first.cookies and "X-Page-Cache" not in first
    assert "X-Page-Cache" not in Client().get(url)


def test_an_htmx_request_is_keyed_apart_from_the_page():
    url = reverse("proposals:list")
    assert Client().get(url)["X-Page-Cache"] == "miss"
    assert Client().get(url, headers={"HX-Request": "true"})["X-Page-Cache"] == "miss"
    assert Client().get(url, headers={"HX-Request": "true"})["X-Page-Cache"] == "hit"
    partial = reverse("comments:page", args=["proposals.proposal", ProposalFactory().pk])
    assert Client().get(partial, headers={"HX-Request": "true"})["X-Page-Cache"] == "miss"
    assert Client().get(partial)["X-Page-Cache"] == "miss"


def test_a_cached_page_gets_the_nonce_of_its_own_csp_header(settings):
    settings.ROOT_URLCONF = "tests.consultations.urls_page_cache"
    nonces = []
    for expected in ("miss", "hit"):
        page = Client().get("/avec-nonce/")
        assert page["X-Page-Cache"] == expected
        nonce = re.search(r'nonce="([^"]+)"', page.text).group(1)
        assert f"'nonce-{nonce}'" in page["Content-Security-Policy"]
        nonces.append(nonce)
    assert nonces[0] != nonces[1]


@pytest.mark.parametrize(("action", "before", "after"), [("unpublish", "public", "draft"), ("publish", "draft", "public")])
def test_the_admins_publish_and_unpublish_actions_show_at_once(admin_client_2fa, action, before, after):
    from tests.factories import ConsultationFactory

    consultation = ConsultationFactory(title="Le jardin partagé", visibility=before)
    url = consultation.get_absolute_url()
    visitor = Client()
    visitor.get(url)
    assert visitor.get(url).status_code == (200 if before == "public" else 404)
    response = admin_client_2fa.post(
        "/admin/consultations/consultation/", {"action": action, "_selected_action": [consultation.pk]}
    )
    assert response.status_code == 302
    assert visitor.get(url).status_code == (200 if after == "public" else 404)

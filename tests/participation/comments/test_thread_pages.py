"""A long discussion by pages: top-level comments by pages with all their replies, one flat list in
reading order, links that work without JavaScript and an htmx « More comments » that appends."""

import pytest
from django.urls import reverse

from participation.comments import services
from participation.comments.models import Comment
from tests.factories import UserFactory
from tests.participation.comments.factories import comment
from tests.participation.proposals.factories import ProposalFactory

pytestmark = [pytest.mark.django_db, pytest.mark.needs_apps("participation.proposals")]

PAGE = 5


@pytest.fixture(autouse=True)
def small_pages(settings):
    settings.PARTICIPATION = {**getattr(settings, "PARTICIPATION", {}), "COMMENT_PAGE_SIZE": PAGE}


def discussion(roots, author=None):
    """``roots`` top-level comments, each with a reply and a reply to the reply."""
    proposal, author = ProposalFactory(), author or UserFactory()
    for n in range(roots):
        root = comment(proposal, author, f"Avis n°{n}")
        reply = comment(proposal, author, f"Réponse à {n}", parent=root)
        comment(proposal, author, f"Sous-réponse à {n}", parent=reply)
    return proposal


def shown(html):
    return html.count('class="comment"')


@pytest.mark.parametrize("roots", [6, 40])
def test_a_page_of_the_thread_does_the_same_queries_whatever_its_length(roots, client_for, citizen, django_assert_max_num_queries):
    proposal = discussion(roots)
    client = client_for(citizen)
    client.get(proposal.get_absolute_url())
    with django_assert_max_num_queries(13):
        html = client.get(proposal.get_absolute_url()).content.decode()
    assert shown(html) == 3 * PAGE


def test_replies_follow_their_comment_with_their_depth(client_for):
    proposal = discussion(2)
    html = client_for(None).get(proposal.get_absolute_url()).content.decode()
    order = [html.index(text) for text in ("Avis n°0", "Réponse à 0", "Sous-réponse à 0", "Avis n°1")]
    assert order == sorted(order)
    assert html.count('data-depth="2"') == 2
    # One loop, no nested list per reply: the structure is said by a link to the comment replied to.
    assert html.count('class="comment-thread"') == 1
    reply = Comment.objects.get(body="Réponse à 0")
    assert f'href="#commentaire-{reply.parent_id}" class="in-reply-to"' in html


def test_without_javascript_the_links_walk_the_pages(client_for):
    proposal = discussion(PAGE + 2)
    client = client_for(None)
    first = client.get(proposal.get_absolute_url()).content.decode()
    assert 'href="?commentaires=2#commentaires"' in first and "Commentaires suivants" in first
    assert "Avis n°5" not in first
    second = client.get(proposal.get_absolute_url() + "?commentaires=2").content.decode()
    assert shown(second) == 3 * 2 and "Avis n°5" in second and "Avis n°6" in second
    assert 'href="?commentaires=1#commentaires"' in second and "Commentaires précédents" in second
    assert "Commentaires suivants" not in second


def test_with_htmx_more_comments_appends_the_next_page(client_for):
    proposal = discussion(PAGE * 2 + 1)
    client = client_for(None)
    first = client.get(proposal.get_absolute_url()).content.decode()
    fragment_url = reverse("comments:page", args=["proposals.proposal", proposal.pk])
    assert f'hx-get="{fragment_url}?commentaires=2"' in first and 'hx-swap="outerHTML"' in first
    fragment = client.get(fragment_url + "?commentaires=2", headers={"HX-Request": "true"}).content.decode()
    assert "<html" not in fragment and "Avis n°5" in fragment and shown(fragment) == 3 * PAGE
    # Appended below the first page: no link back up, and the link to the page after.
    assert "Commentaires précédents" not in fragment
    assert f'hx-get="{fragment_url}?commentaires=3"' in fragment


def test_the_fragment_follows_the_content_visibility(client_for):
    proposal = discussion(1)
    proposal.moderation_status = "pending"  # shows only to its author and the moderators
    proposal.save()
    url = reverse("comments:page", args=["proposals.proposal", proposal.pk])
    assert client_for(None).get(url).status_code == 404


def test_after_posting_the_citizen_lands_on_the_page_of_the_comment(client_for, citizen):
    proposal = discussion(PAGE + 1)
    response = client_for(citizen).post(
        reverse("comments:add", args=["proposals.proposal", proposal.pk]), {"body": "Le dernier mot"}
    )
    new = Comment.objects.get(body="Le dernier mot")
    assert response["Location"] == f"{proposal.get_absolute_url()}?commentaires=2#commentaire-{new.pk}"


def test_a_comment_link_finds_its_page(client_for):
    proposal = discussion(PAGE + 1)
    late_reply = Comment.objects.get(body="Sous-réponse à 5")
    response = client_for(None).get(late_reply.url)
    assert response["Location"] == f"{proposal.get_absolute_url()}?commentaires=2#commentaire-{late_reply.pk}"


def test_a_reply_is_filed_under_its_top_level_comment(citizen):
    proposal = ProposalFactory()
    root = services.add_comment(citizen, proposal, "Premier")
    reply = services.add_comment(UserFactory(), proposal, "Deuxième", parent=root)
    deeper = services.add_comment(citizen, proposal, "Troisième", parent=reply)
    assert (root.root_id, reply.root_id, deeper.root_id) == (None, root.pk, root.pk)

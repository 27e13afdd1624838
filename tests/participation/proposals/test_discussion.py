"""A proposal's discussion where the comments are installed: the thread under it, the count on its card."""

import pytest

from participation.comments.services import add_comment, delete_comment
from participation.proposals.demo import load_demo as load_proposals
from participation.proposals.models import Proposal
from tests.factories import UserFactory

from .factories import ProposalFactory

pytestmark = [pytest.mark.django_db, pytest.mark.needs_apps("participation.comments")]


def test_the_thread_shows_under_the_proposal_and_its_count_on_the_card(citizen, client_for):
    proposal = ProposalFactory(title="Un marché le dimanche")
    first = add_comment(citizen, proposal, "Bonne idée")
    add_comment(UserFactory(), proposal, "Et le samedi ?", parent=first)
    assert Proposal.objects.get(pk=proposal.pk).comment_count == 2
    page = client_for(None).get(proposal.get_absolute_url()).content.decode()
    assert "Discussion" in page and "Et le samedi ?" in page
    assert "2 commentaires" in client_for(None).get("/propositions/").content.decode()
    delete_comment(citizen, first)
    assert Proposal.objects.get(pk=proposal.pk).comment_count == 1


@pytest.mark.parametrize("size", [2, 12])
def test_the_detail_page_with_its_thread_does_a_constant_number_of_queries(
    size, client_for, citizen, django_assert_max_num_queries
):
    proposal = ProposalFactory()
    for n in range(size):
        parent = add_comment(UserFactory(), proposal, f"Commentaire {n}")
        add_comment(UserFactory(), proposal, f"Réponse {n}", parent=parent)
    client = client_for(citizen)
    # With the block check and the menu's roles; the thread is two: its top-level comments, their replies.
    with django_assert_max_num_queries(13):
        response = client.get(proposal.get_absolute_url())
    assert response.content.decode().count('class="comment"') == 2 * size


def test_the_demo_discussion_counts_on_its_proposal():
    from participation.comments.demo import load_demo as load_discussion

    load_proposals()
    load_discussion()
    load_discussion()
    garden = Proposal.objects.get(title__startswith="Un jardin partagé")
    assert garden.comment_count == 3

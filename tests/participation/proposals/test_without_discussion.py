"""Proposals where no discussion app is installed (a host without the comments): no thread, no count."""

import pytest

from consultations.discussions import discussions

from .factories import ProposalFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_discussion():
    render = discussions.unregister()
    yield
    if render is not None:
        discussions.register(render=render)


def test_the_proposal_page_and_card_show_no_discussion(client_for):
    proposal = ProposalFactory(title="Un marché le dimanche")
    page = client_for(None).get(proposal.get_absolute_url()).content.decode()
    assert "Un marché le dimanche" in page and 'id="commentaires"' not in page
    card = client_for(None).get("/propositions/").content.decode()
    assert "Un marché le dimanche" in card and "commentaire" not in card

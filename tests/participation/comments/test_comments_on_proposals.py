"""Comments on proposals: the proposal's comment count, its state, and councils named on its page."""

import pytest
from django.urls import reverse

from consultations.identity import public_name
from consultations.refusals import Refused
from participation.comments import services
from participation.comments.models import Comment
from participation.proposals.models import Proposal
from tests.factories import UserFactory
from tests.participation.councils.factories import CouncilFactory, member_of
from tests.participation.proposals.factories import ProposalFactory


def comment_count(proposal):
    return Proposal.objects.get(pk=proposal.pk).comment_count


def test_comments_thread_and_count_on_a_proposal(citizen, db):
    proposal = ProposalFactory()
    first = services.add_comment(citizen, proposal, "Très bonne idée", position="for")
    reply = services.add_comment(UserFactory(), proposal, "Je ne suis pas d’accord", parent=first, position="against")
    assert reply.depth == 1
    assert comment_count(proposal) == 2
    [root] = services.thread_for(proposal)
    assert root == first and root.children == [reply]
    services.delete_comment(citizen, first)
    assert comment_count(proposal) == 1


def test_a_withdrawn_proposal_takes_no_comment(citizen, db):
    proposal = ProposalFactory(state="withdrawn", withdrawal_reason="Doublon")
    with pytest.raises(Refused):
        services.add_comment(citizen, proposal, "Dommage")


def test_a_council_member_comments_on_behalf_of_the_council(council_member, client_for, db):
    council = CouncilFactory(name="Conseil citoyen de Tours – Le Sanitas")
    member_of(council, council_member)
    proposal = ProposalFactory()
    client_for(council_member).post(
        reverse("comments:add", args=["proposals.proposal", proposal.pk]),
        {"body": "Le conseil soutient l’idée", "council": council.pk, "position": "for"},
    )
    comment = Comment.objects.get()
    assert (comment.on_behalf_type.model, comment.on_behalf_id) == ("council", council.pk)
    page = client_for(None).get(proposal.get_absolute_url()).content.decode()
    assert "Conseil citoyen de Tours – Le Sanitas" in page and public_name(council_member) in page
    with pytest.raises(Refused) as refused:
        services.add_comment(UserFactory(), proposal, "Au nom du conseil", on_behalf_of=council)
    assert refused.value.message == "Vous n’êtes pas membre de ce conseil."


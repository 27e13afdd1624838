"""Role by role: who may propose, edit, withdraw, answer and support."""

import pytest

from consultations.models import StepKind
from tests.conftest import ROLES

from .factories import ProposalFactory, consultation_with_step

EXPECTED = {
    # role: (propose, support, answer)
    "visitor": (False, False, False),
    "citizen": (True, True, False),
    "council_member": (True, True, False),
    "facilitator": (True, True, False),
    "moderator": (True, True, False),
    "staff": (True, True, True),
}


@pytest.mark.parametrize("role", ROLES)
def test_role_matrix(role, user_for_role, db):
    from django.contrib.auth.models import AnonymousUser

    user = user_for_role(role) or AnonymousUser()
    proposal = ProposalFactory(consultation=None)
    propose, support, answer = EXPECTED[role]
    assert user.has_perm("proposals.add_proposal", None) is propose
    assert user.has_perm("proposals.support_proposal", proposal) is support
    assert user.has_perm("proposals.answer_proposal", proposal) is answer
    assert user.has_perm("proposals.change_proposal", proposal) is False
    assert user.has_perm("proposals.withdraw_proposal", proposal) is False


@pytest.mark.parametrize("role", [role for role in ROLES if role != "visitor"])
def test_every_signed_in_role_edits_and_withdraws_its_own(role, user_for_role, db):
    user = user_for_role(role)
    proposal = ProposalFactory(author=user)
    assert user.has_perm("proposals.change_proposal", proposal)
    assert user.has_perm("proposals.withdraw_proposal", proposal)


def test_unverified_accounts_do_nothing(unverified_user, db):
    proposal = ProposalFactory(consultation=None)
    assert not unverified_user.has_perm("proposals.add_proposal", None)
    assert not unverified_user.has_perm("proposals.support_proposal", proposal)


@pytest.mark.parametrize("kind, propose, support", [(StepKind.PROPOSALS, True, False), (StepKind.SUPPORTS, False, True)])
def test_steps_open_the_actions_of_the_registered_tool(kind, propose, support, citizen):
    consultation = consultation_with_step(kind)
    proposal = ProposalFactory(consultation=consultation, support_threshold=None)
    assert citizen.has_perm("proposals.add_proposal", consultation) is propose
    assert citizen.has_perm("proposals.support_proposal", proposal) is support


def test_a_consultation_without_the_tool_opens_nothing(citizen):
    consultation = consultation_with_step(StepKind.PROPOSALS)
    consultation.tools = []
    consultation.save()
    assert not citizen.has_perm("proposals.add_proposal", consultation)

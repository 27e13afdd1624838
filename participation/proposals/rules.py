"""Who may do what with proposals and supports: one predicate per question."""

import rules

from consultations.registry import is_action_open
from consultations.moderation import ModerationStatus, readable_by
from consultations.rules import is_citizen, is_staff_member

from .models import ProposalState


@rules.predicate
def is_proposal_author(user, proposal):
    return proposal is not None and user.is_authenticated and proposal.author_id == user.pk


@rules.predicate
def has_no_reaction(user, proposal):
    """Editing stays possible only while nobody has supported or commented it."""
    return proposal is not None and proposal.support_count == 0 and proposal.comment_count == 0


@rules.predicate
def is_not_hidden(user, proposal):
    return proposal is not None and proposal.moderation_status != ModerationStatus.HIDDEN


@rules.predicate
def is_readable(user, proposal):
    """The person may read the proposal itself: its consultation is visible to them, and the
    moderation neither holds it (a pending one: its author and moderators) nor hides it (a hidden
    one: moderators)."""
    return proposal is not None and readable_by(proposal, user)


@rules.predicate
def is_published(user, proposal):
    return proposal is not None and proposal.state == ProposalState.PUBLISHED


@rules.predicate
def is_withdrawable(user, proposal):
    return proposal is not None and proposal.state in (ProposalState.PUBLISHED, ProposalState.UNDER_REVIEW)


@rules.predicate
def proposing_is_open(user, consultation):
    """A standalone initiative (no consultation) is always possible; otherwise the step decides."""
    if consultation is None:
        return True
    return consultation.visibility == "public" and is_action_open(consultation, "proposals", "propose")


@rules.predicate
def support_period_is_open(user, proposal):
    """The consultation's supports step, or an initiative's collection period, whatever the proposal's state."""
    if proposal is None:
        return False
    if proposal.consultation_id is None:
        return proposal.collection_is_open
    return is_action_open(proposal.consultation, "proposals", "support")


@rules.predicate
def takes_supports(user, proposal):
    return proposal is not None and proposal.takes_supports


supporting_is_open = takes_supports & support_period_is_open


rules.add_perm("proposals.add_proposal", is_citizen & proposing_is_open)
rules.add_perm(
    "proposals.change_proposal", is_citizen & is_proposal_author & is_published & has_no_reaction & is_not_hidden
)
rules.add_perm("proposals.withdraw_proposal", is_citizen & is_proposal_author & is_withdrawable)
rules.add_perm("proposals.answer_proposal", is_staff_member)
rules.add_perm("proposals.support_proposal", is_citizen & is_readable & supporting_is_open)
rules.add_perm("proposals.follow_proposal", is_citizen & is_readable)

"""Who may do what with participatory budgets: one predicate per question.

The object is a budget, except for ``budgets.vote_in_envelope`` (an envelope) and
``budgets.follow_project`` (a project).
"""

import rules
from consultations.registry import is_action_open
from consultations.rules import is_citizen, is_staff_member, is_visible_consultation

from .models import Eligibility


def budget_of(obj):
    return getattr(obj, "budget", None) or getattr(getattr(obj, "envelope", None), "budget", None) or obj


@rules.predicate
def can_see_budget(user, obj):
    return is_visible_consultation(user, budget_of(obj).step.consultation)


@rules.predicate
def is_vote_open(user, obj):
    budget = budget_of(obj)
    return budget.step.is_open() and is_action_open(budget.step.consultation, "budgets", "vote")


@rules.predicate
def is_submission_open(user, obj):
    return is_action_open(budget_of(obj).step.consultation, "budgets", "submit_project")


@rules.predicate
def lives_in_envelope_territory(user, envelope):
    """Everyone votes, or the person's declared neighbourhood is the envelope's territory (or lies in it)."""
    if envelope.budget.eligibility == Eligibility.EVERYONE or envelope.territory_id is None:
        return True
    territory = getattr(user, "territory", None)
    while territory is not None:
        if territory.pk == envelope.territory_id:
            return True
        territory = territory.parent
    return False


@rules.predicate
def is_budget_reviewer(user, obj):
    return user.is_authenticated and budget_of(obj).reviewers.filter(pk=user.pk).exists()


@rules.predicate
def is_budget_facilitator(user, obj):
    return user.is_authenticated and budget_of(obj).facilitators.filter(pk=user.pk).exists()


@rules.predicate
def results_are_published(user, obj):
    return budget_of(obj).results_published_at is not None


rules.add_perm("budgets.view_budget", can_see_budget | is_staff_member)
rules.add_perm("budgets.submit_project", is_citizen & can_see_budget & is_submission_open)
rules.add_perm(
    "budgets.vote_in_envelope", is_citizen & can_see_budget & is_vote_open & lives_in_envelope_territory
)
rules.add_perm("budgets.review_projects", is_staff_member | is_budget_reviewer)
rules.add_perm("budgets.record_paper_ballots", is_staff_member | is_budget_facilitator)
rules.add_perm("budgets.print_codes", is_staff_member | is_budget_facilitator)
rules.add_perm("budgets.manage_results", is_staff_member)
rules.add_perm("budgets.view_results", (can_see_budget & results_are_published) | is_staff_member)
rules.add_perm("budgets.follow_project", is_citizen & can_see_budget)
rules.add_perm("budgets.post_update", is_staff_member)

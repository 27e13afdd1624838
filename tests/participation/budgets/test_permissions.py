"""Who may do what, role by role (DESIGN.md): visitor, citizen, council member, facilitator, moderator, staff.

A facilitator or reviewer has powers only where the budget names them; the matrix below is for people
it does not name, then for those it does.
"""

import pytest
from django.contrib.auth.models import AnonymousUser

from consultations.models import Visibility

from .fixtures import ROLES, make_user

pytestmark = pytest.mark.django_db

EXPECTED = {
    #                       view   vote   review record print  manage results follow update
    "visitor":             (True, False, False, False, False, False, False, False, False),
    "citizen":             (True, True, False, False, False, False, False, True, False),
    "council_member":      (True, True, False, False, False, False, False, True, False),
    "facilitator":         (True, True, False, False, False, False, False, True, False),
    "moderator":           (True, True, False, False, False, False, False, True, False),
    "staff":               (True, True, True, True, True, True, True, True, True),
}


def perms(user, budget, envelope, project):
    return (
        user.has_perm("budgets.view_budget", budget),
        user.has_perm("budgets.vote_in_envelope", envelope),
        user.has_perm("budgets.review_projects", budget),
        user.has_perm("budgets.record_paper_ballots", budget),
        user.has_perm("budgets.print_codes", budget),
        user.has_perm("budgets.manage_results", budget),
        user.has_perm("budgets.view_results", budget),
        user.has_perm("budgets.follow_project", project),
        user.has_perm("budgets.post_update", budget),
    )


@pytest.mark.parametrize("role", ROLES)
def test_role_matrix_of_an_open_public_budget(budget, role):
    budget_, (source, _clos), p = budget()
    user = AnonymousUser() if role == "visitor" else make_user(role)
    assert perms(user, budget_, source, p["jardin"]) == EXPECTED[role]


@pytest.mark.parametrize("role", ["citizen", "facilitator"])
def test_named_facilitators_and_reviewers_gain_only_their_task(budget, role):
    budget_, (source, _clos), p = budget()
    user = make_user(role)
    budget_.facilitators.add(user)
    budget_.reviewers.add(user)
    view, vote, review, record, print_, manage, results, follow, update = perms(user, budget_, source, p["jardin"])
    assert (review, record, print_) == (True, True, True)
    assert (manage, results, update) == (False, False, False)


@pytest.mark.parametrize("role", ROLES)
def test_nobody_but_staff_votes_in_or_sees_a_draft_consultation(budget, role):
    budget_, (source, _clos), _p = budget(visibility=Visibility.DRAFT)
    user = AnonymousUser() if role == "visitor" else make_user(role)
    assert user.has_perm("budgets.view_budget", budget_) is (role == "staff")
    assert user.has_perm("budgets.vote_in_envelope", source) is False


def test_an_unverified_account_does_not_vote(budget):
    _budget, (source, _clos), _p = budget()
    assert not make_user(verified=False).has_perm("budgets.vote_in_envelope", source)


def test_results_are_public_once_published(budget):
    budget_, _envelopes, _p = budget()
    budget_.results_published_at = budget_.step.ends_at
    budget_.save()
    assert AnonymousUser().has_perm("budgets.view_results", budget_)

"""Two managers leaving at once never leave a council without one (row locks): PostgreSQL only."""

import pytest
from django.db import connection

from consultations.refusals import Refused
from participation.councils import services
from participation.councils.models import MembershipRole

from ...concurrency import run_together
from ...factories import UserFactory
from .factories import CouncilFactory, member_of

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL's row locks and real concurrency"),
]


def _two_managers_at_once(removals):
    """removals(first, second) -> the two (manager, membership) removals to run together."""
    council = CouncilFactory()
    first, second = (member_of(council, UserFactory(), role=MembershipRole.MANAGER) for _ in range(2))
    results = run_together([lambda m=m, r=r: services.remove_member(m, r) for m, r in removals(first, second)])
    assert [r.code for r in results if isinstance(r, Refused)] == ["last_manager"]
    assert not [r for r in results if isinstance(r, Exception) and not isinstance(r, Refused)]
    assert council.memberships.accepted().filter(role=MembershipRole.MANAGER).count() == 1


@pytest.mark.parametrize("trial", range(20))
def test_two_managers_leaving_at_once_leave_one_behind(trial):
    _two_managers_at_once(lambda first, second: [(first.user, first), (second.user, second)])


def test_two_managers_removing_each_other_at_once_leave_one_behind():
    _two_managers_at_once(lambda first, second: [(first.user, second), (second.user, first)])

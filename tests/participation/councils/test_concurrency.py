"""Two managers leaving at once never leave a council without one (row locks): PostgreSQL only."""

import threading

import pytest
from django.db import close_old_connections, connection

from consultations.refusals import Refused
from participation.councils import services
from participation.councils.models import MembershipRole

from ...factories import UserFactory
from .factories import CouncilFactory, member_of

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL's row locks and real concurrency"),
]


def _run_at_once(actions):
    barrier = threading.Barrier(len(actions))
    refusals, errors = [], []

    def run(action):
        try:
            barrier.wait()
            action()
        except Refused as refusal:
            refusals.append(refusal.code)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=run, args=(action,)) for action in actions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors
    return refusals


@pytest.mark.parametrize("trial", range(20))
def test_two_managers_leaving_at_once_leave_one_behind(trial):
    council = CouncilFactory()
    first, second = (member_of(council, UserFactory(), role=MembershipRole.MANAGER) for _ in range(2))
    refusals = _run_at_once([
        lambda: services.remove_member(first.user, first),
        lambda: services.remove_member(second.user, second),
    ])
    assert refusals == ["last_manager"]
    assert council.memberships.accepted().filter(role=MembershipRole.MANAGER).count() == 1


def test_two_managers_removing_each_other_at_once_leave_one_behind():
    council = CouncilFactory()
    first, second = (member_of(council, UserFactory(), role=MembershipRole.MANAGER) for _ in range(2))
    refusals = _run_at_once([
        lambda: services.remove_member(first.user, second),
        lambda: services.remove_member(second.user, first),
    ])
    assert refusals == ["last_manager"]
    assert council.memberships.accepted().filter(role=MembershipRole.MANAGER).count() == 1

"""Concurrent supports on PostgreSQL: each thread has its own connection and transaction."""

import pytest
from django.db import connection

from consultations.models import StepKind
from consultations.refusals import Refused
from participation.proposals import services
from participation.proposals.models import Proposal, Support
from tests.concurrency import run_together
from tests.factories import UserFactory

from .factories import ProposalFactory, consultation_with_step

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks and real concurrency need PostgreSQL"),
    pytest.mark.django_db(transaction=True),
]


def test_fifty_concurrent_supports_by_one_user_leave_one_row():
    proposal = ProposalFactory(consultation=None)
    user = UserFactory()
    results = run_together([lambda: services.cast_support(user, proposal)] * 50)
    assert Support.objects.filter(proposal=proposal, user=user).count() == 1
    assert Proposal.objects.get(pk=proposal.pk).support_count == 1
    refusals = [r for r in results if isinstance(r, Refused)]
    assert len(refusals) == 49 and {r.code for r in refusals} == {"duplicate"}


def test_concurrent_supports_never_pass_the_limit():
    consultation = consultation_with_step(StepKind.SUPPORTS, support_limit=3)
    proposals = [ProposalFactory(consultation=consultation, support_threshold=None) for _ in range(12)]
    user = UserFactory()
    run_together([lambda p=p: services.cast_support(user, p) for p in proposals])
    assert Support.objects.filter(user=user).count() == 3
    assert sum(Proposal.objects.filter(pk__in=[p.pk for p in proposals]).values_list("support_count", flat=True)) == 3


def test_counters_equal_count_after_concurrent_supports_and_withdrawals():
    proposal = ProposalFactory(consultation=None)
    people = [UserFactory() for _ in range(24)]
    for person in people[:12]:
        services.cast_support(person, proposal)
    jobs = [lambda p=p: services.withdraw_support(p, proposal) for p in people[:12]]
    jobs += [lambda p=p: services.cast_support(p, proposal) for p in people[6:]]
    run_together(jobs)
    proposal.refresh_from_db()
    assert proposal.support_count == Support.objects.filter(proposal=proposal).count()

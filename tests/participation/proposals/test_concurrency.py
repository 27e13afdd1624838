"""Concurrent supports on PostgreSQL: each thread has its own connection and transaction."""

from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection
from django.utils import timezone

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


def test_concurrent_supports_crossing_the_threshold_tell_it_once():
    initiative = ProposalFactory(consultation=None, support_threshold=3)
    people = [UserFactory() for _ in range(8)]
    run_together([lambda p=p: services.cast_support(p, initiative) for p in people])
    recipients = [message.to[0] for message in mail.outbox]
    # One message each, to the author and those who had supported when the news went out (3 or more).
    assert len(recipients) == len(set(recipients)) >= 4
    assert initiative.author.email in recipients
    assert set(recipients) <= {initiative.author.email} | {p.email for p in people}
    assert Proposal.objects.get(pk=initiative.pk).threshold_reached_at is not None


def test_concurrent_runs_of_close_initiatives_tell_it_once(time_machine):
    initiative = ProposalFactory(consultation=None, collection_ends_at=timezone.now() + timedelta(hours=1))
    time_machine.move_to(timezone.now() + timedelta(hours=2))
    results = run_together([services.close_due_initiatives] * 4)
    assert sorted(results) == [0, 0, 0, 1]
    assert [message.to for message in mail.outbox] == [[initiative.author.email]]

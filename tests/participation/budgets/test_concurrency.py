"""Concurrent ballots on PostgreSQL: each thread has its own connection and transaction."""

import pytest
from django.db import connection
from django.db.models import Count, Sum

from consultations.refusals import Refused
from participation.budgets import services
from participation.budgets.models import Ballot, BallotLine
from tests.concurrency import run_together

from .fixtures import make_budget, make_user

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks and real concurrency need PostgreSQL"),
    pytest.mark.django_db(transaction=True),
]


def test_fifty_concurrent_ballots_by_one_person_leave_one_with_exact_lines():
    _budget, (source, _clos), p = make_budget()
    voter = make_user()
    choices = [[p["jardin"].pk], [p["bancs"].pk, p["jardin"].pk], [p["fresque"].pk], [p["bancs"].pk]]
    results = run_together([lambda c=choices[i % 4]: services.cast_ballot(source, voter, c) for i in range(50)])
    assert not [r for r in results if isinstance(r, Exception)]
    ballot = Ballot.objects.get(envelope=source, user=voter)
    lines = list(BallotLine.objects.filter(ballot=ballot).values_list("project_id", flat=True))
    assert sorted(lines) in [sorted(c) for c in choices]
    assert ballot.total_cents == sum(project.cost for project in source.projects.filter(pk__in=lines))


def test_totals_equal_the_ballots_under_concurrent_voters():
    _budget, (source, _clos), p = make_budget()
    voters = [make_user() for _ in range(30)]
    run_together([lambda v=v: services.cast_ballot(source, v, [p["jardin"].pk, p["bancs"].pk]) for v in voters])
    assert Ballot.objects.filter(envelope=source).count() == 30
    votes = dict(BallotLine.objects.filter(ballot__envelope=source).values_list("project").annotate(n=Count("pk")))
    assert votes == {p["jardin"].pk: 30, p["bancs"].pk: 30}
    assert Ballot.objects.filter(envelope=source).aggregate(total=Sum("total_cents"))["total"] == 30 * 700_000


def test_one_code_used_at_once_online_and_on_paper_votes_once():
    budget, (source, _clos), p = make_budget()
    staff = make_user("staff")
    [code] = services.print_codes(source, 1, by=staff)
    jobs = [lambda: services.cast_code_ballot(source, code.code, [p["jardin"].pk])] * 10
    jobs += [lambda: services.cast_code_ballot(source, code.code, [p["bancs"].pk], recorded_by=staff)] * 10
    results = run_together(jobs)
    assert Ballot.objects.filter(code=code).count() == 1
    refusals = [r for r in results if isinstance(r, Refused)]
    assert len(refusals) == 19 and {r.code for r in refusals} == {"code_used"}

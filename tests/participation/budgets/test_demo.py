"""The demo budgets load twice to the same rows, with both rules counted and every project state."""

import pytest

from participation.budgets.demo import load_demo
from participation.budgets.models import Ballot, Budget, Feasibility, Project, ProjectUpdate

pytestmark = pytest.mark.django_db


def test_the_demo_loads_twice_with_results_by_both_rules_and_every_state():
    load_demo()
    counts = (Budget.objects.count(), Project.objects.count(), Ballot.objects.count(), ProjectUpdate.objects.count())
    load_demo()
    assert (Budget.objects.count(), Project.objects.count(), Ballot.objects.count(), ProjectUpdate.objects.count()) == counts
    published = Budget.objects.get(results_published_at__isnull=False)
    assert published.envelopes.count() == 2
    assert set(Project.objects.values_list("feasibility", flat=True)) == set(Feasibility.values)
    assert Ballot.objects.filter(channel="paper", envelope__budget=published).count() == 23
    projects = Project.objects.filter(envelope__budget=published, feasibility="feasible")
    assert projects.filter(greedy_winner=True).exists() and projects.filter(equal_shares_winner=True).exists()
    assert set(projects.filter(greedy_winner=True)) != set(projects.filter(equal_shares_winner=True))
    assert {p.progress for p in projects if p.updates.exists()} == {"in_progress", "done"}
    assert Budget.objects.get(results_published_at__isnull=True).step.is_open()

"""Both result rules through pabutools, on instances whose winners are known, and the stored count."""

import pytest

from participation.budgets import services
from participation.budgets.results import count_votes, election, envelope_results, equal_shares_winners, greedy_winners


def test_greedy_and_equal_shares_differ_where_a_majority_would_take_everything():
    """Budget 100; A and B cost 50 and are approved by the same 60 voters; C costs 40, approved by the
    other 40. Greedy spends everything on the majority (A, B). Equal shares gives each voter 1: the
    60 pay A (50), leaving them 10 — not enough for B — and the 40 can pay C (40): A and C."""
    elec = election(100, {1: 50, 2: 50, 3: 40}, [{1, 2}] * 60 + [{3}] * 40)
    assert greedy_winners(elec) == {1, 2}
    assert equal_shares_winners(elec) == {1, 3}


def test_equal_shares_gives_each_district_its_share_where_greedy_serves_the_largest():
    """Budget 300, six projects of 90; voters in three districts of 50, 30 and 20, each approving its
    own district's projects (1-3, 4-5, 6). Greedy buys 1, 2, 3 for the largest district (270).
    Equal shares gives each voter 3: the 50 pay project 1 (1.80 each) and keep 60 in all, not
    enough for another; the 30 pay project 4 (3 each); the 20 hold 60 and cannot pay 90. The 120
    left then go, most votes first, to project 2: {1, 2, 4} — the second district gets a project."""
    costs = {pk: 90 for pk in range(1, 7)}
    ballots = [{1, 2, 3}] * 50 + [{4, 5}] * 30 + [{6}] * 20
    elec = election(300, costs, ballots)
    assert greedy_winners(elec) == {1, 2, 3}
    assert equal_shares_winners(elec) == {1, 2, 4}


def test_both_rules_agree_when_every_project_fits():
    elec = election(1000, {1: 100, 2: 200}, [{1}] * 3 + [{2}] * 2)
    assert greedy_winners(elec) == equal_shares_winners(elec) == {1, 2}


@pytest.mark.django_db
def test_the_count_separates_online_and_paper_votes_and_follows_the_official_rule(budget, person):
    budget_, (source, _clos), p = budget()
    staff = person("staff")
    for _ in range(3):
        services.cast_ballot(source, person(), [p["jardin"].pk, p["bancs"].pk])
    services.cast_ballot(source, person(), [p["fresque"].pk], confirm=False)  # a draft: not counted
    for code in services.print_codes(source, 2, by=staff):
        services.cast_code_ballot(source, code.code, [p["fresque"].pk, p["bancs"].pk], recorded_by=staff)
    count_votes(budget_)
    [first, _second] = envelope_results(budget_)
    by_title = {project.title: project for project in first["projects"]}
    assert (by_title["Bancs et ombrières"].votes_online, by_title["Bancs et ombrières"].votes_paper) == (3, 2)
    assert (by_title["Jardin partagé"].votes_online, by_title["Jardin partagé"].votes_paper) == (3, 0)
    assert (first["online"], first["paper"]) == (6, 4)
    assert [project.title for project in first["projects"]][0] == "Bancs et ombrières"
    assert by_title["Bancs et ombrières"].bar_percent == 100
    assert all(project.cost <= source.amount_cents for project in first["winners"])
    assert sum(project.cost for project in first["winners"]) <= source.amount_cents


def test_greedy_on_vote_tallies_gives_pabutools_greedy_on_every_ballot():
    """results.greedy_winners hands pabutools the votes per project; on seeded random elections it
    picks what pabutools' greedy picks from the full ballots."""
    import random

    from pabutools.election import Cost_Sat
    from pabutools.rules import greedy_utilitarian_welfare

    rng = random.Random(17)
    for _round in range(20):
        costs = {pk: rng.randrange(5, 60) for pk in range(1, 13)}
        ballots = [set(rng.sample(sorted(costs), rng.randrange(1, 5))) for _ in range(rng.randrange(5, 80))]
        elec = election(150, costs, ballots)
        full = {elec.by_id[p.name] for p in greedy_utilitarian_welfare(elec.instance, elec.profile, sat_class=Cost_Sat)}
        assert greedy_winners(elec) == full

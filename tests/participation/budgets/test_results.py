"""Both result rules on instances whose winners are known, against pabutools as the oracle, and the
stored count."""

import pytest

from participation.budgets import services
from participation.budgets.results import (
    count_votes,
    election,
    envelope_results,
    equal_shares_winners,
    grouped_ballots,
    greedy_winners,
)


def test_greedy_and_equal_shares_differ_where_a_majority_would_take_everything():
    """Budget 100; A and B cost 50 and are approved by the same 60 voters; C costs 40, approved by the
    other 40. Greedy spends everything on the majority (A, B). Equal shares gives each voter 1: the
    60 pay A (50), leaving them 10 — not enough for B — and the 40 can pay C (40): A and C, and
    no project fits in the 10 left, so add1 has nothing to complete."""
    elec = election(100, {1: 50, 2: 50, 3: 40}, [{1, 2}] * 60 + [{3}] * 40)
    assert greedy_winners(elec) == {1, 2}
    assert equal_shares_winners(elec) == {1, 3}


def test_equal_shares_gives_each_district_its_share_where_greedy_serves_the_largest():
    """Budget 300, six projects of 90; voters in three districts of 50, 30 and 20, each approving its
    own district's projects (1-3, 4-5, 6). Greedy buys 1, 2, 3 for the largest district (270).
    Equal shares gives each voter 3: the 50 pay project 1 (1.80 each) and keep 60 in all, not
    enough for another; the 30 pay project 4 (3 each); the 20 hold 60 and cannot pay 90: {1, 4},
    120 left. add1 raises each share by one unit until the envelope would not suffice; at 4 each
    the 50 pay 1 and 2 (1.80 each), the 30 pay 4, the 20 still hold only 80: {1, 2, 4}, 270, and
    no project of 90 fits in the 30 left, so it stops — the second district gets a project."""
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


def pabutools_election(vote):
    """The same vote in pabutools' terms, projects named so that its name tie-breaking follows the ids."""
    from pabutools.election import ApprovalMultiProfile, FrozenApprovalBallot, Instance, Project

    projects = {pk: Project(f"{pk:012d}", cost) for pk, cost in vote.costs.items()}
    instance = Instance(projects.values(), budget_limit=vote.amount)
    profile = ApprovalMultiProfile(instance=instance)
    for chosen, times in vote.groups.items():
        ballot = FrozenApprovalBallot(projects[pk] for pk in chosen if pk in projects)
        profile[ballot] = profile.get(ballot, 0) + times
    return instance, profile


def random_votes(seed, rounds, projects=12, max_voters=80):
    import random

    rng = random.Random(seed)
    for _round in range(rounds):
        count = rng.randrange(2, projects + 1)
        costs = {pk: rng.randrange(1, 40) * rng.choice([1, 1, 3]) for pk in range(1, count + 1)}
        ballots = [set(rng.sample(sorted(costs), rng.randrange(1, min(count, 5) + 1))) for _ in range(rng.randrange(1, max_voters))]
        yield election(rng.randrange(20, 200), costs, ballots)


def test_greedy_on_vote_tallies_gives_pabutools_greedy_on_every_ballot():
    """results.greedy_winners hands pabutools the votes per project; on seeded random elections it
    picks what pabutools' greedy picks from the full ballots."""
    from pabutools.election import Cost_Sat
    from pabutools.rules import greedy_utilitarian_welfare

    for vote in random_votes(17, 20):
        instance, profile = pabutools_election(vote)
        full = {int(p.name) for p in greedy_utilitarian_welfare(instance, profile, sat_class=Cost_Sat)}
        assert greedy_winners(vote) == full


def test_equal_shares_gives_pabutools_mes_with_add1_completion():
    """Our Method of Equal Shares over grouped ballots picks, on 300 seeded random elections (ties
    included: costs repeat, ballots repeat), what pabutools picks with cost satisfaction and the add1
    completion (voter_budget_increment=1), ballot by ballot."""
    from pabutools.election import Cost_Sat
    from pabutools.rules import method_of_equal_shares

    for vote in random_votes(2026, 300, projects=9, max_voters=30):
        instance, profile = pabutools_election(vote)
        oracle = method_of_equal_shares(instance, profile, sat_class=Cost_Sat, voter_budget_increment=1)
        assert equal_shares_winners(vote) == {int(p.name) for p in oracle}, vote


def test_equal_shares_gives_pabutools_mes_with_add1_on_larger_votes():
    """40 seeded elections of 50 to 400 voters over 8 to 19 projects, some far more popular than
    others, costs of 100 to 2,000 for envelopes of 2,000 to 8,000: add1 raises the share dozens of
    times, and the winners are still pabutools'."""
    import random

    from pabutools.election import Cost_Sat
    from pabutools.rules import method_of_equal_shares

    rng = random.Random(11)
    for _round in range(40):
        count = rng.randrange(8, 20)
        costs = {pk: rng.randrange(100, 2000) for pk in range(1, count + 1)}
        popularity = [1 / (rank + 1) ** 0.7 for rank in range(count)]
        ballots = [
            set(rng.choices(sorted(costs), popularity, k=rng.randrange(1, 6))) for _ in range(rng.randrange(50, 400))
        ]
        vote = election(rng.randrange(2000, 8000), costs, ballots)
        instance, profile = pabutools_election(vote)
        oracle = method_of_equal_shares(instance, profile, sat_class=Cost_Sat, voter_budget_increment=1)
        assert equal_shares_winners(vote) == {int(p.name) for p in oracle}, vote


def test_the_published_example_gives_five_red_and_five_blue():
    """The example of electowiki and Wikipedia (« Method of equal shares »): 100 voters, 51 approve
    the 10 red projects, 49 the 10 blue ones, each costs 1 € and the budget is 10 €. Each voter holds
    10 cents; the red buy 5 (1.96 cent each), the blue 4 (2.04 each): 9 €. add1 raises each share
    by one cent: at 11 cents the red still buy 5 and the blue 5 — 10 €, exhaustive: 5 and 5. A
    completion by the most votes would have given the tenth euro to a sixth red project."""
    red, blue = range(1, 11), range(11, 21)
    vote = election(1000, {pk: 100 for pk in [*red, *blue]}, [set(red)] * 51 + [set(blue)] * 49)
    winners = equal_shares_winners(vote)
    assert (len(winners & set(red)), len(winners & set(blue))) == (5, 5)
    assert winners == {1, 2, 3, 4, 5, 11, 12, 13, 14, 15}  # ties: the lowest ids first
    assert greedy_winners(vote) == set(red)

    from pabutools.election import Cost_Sat
    from pabutools.rules import completion_by_rule_combination, greedy_utilitarian_welfare, method_of_equal_shares

    instance, profile = pabutools_election(vote)
    by_greedy = completion_by_rule_combination(
        instance, profile, [method_of_equal_shares, greedy_utilitarian_welfare], [{"sat_class": Cost_Sat}] * 2
    )
    completed = {int(p.name) for p in by_greedy}
    assert (len(completed & set(red)), len(completed & set(blue))) == (6, 4)  # the previous count


def test_identical_ballots_grouped_give_the_same_winners_as_one_by_one():
    ballots = [{1, 2}] * 30 + [{3}] * 12 + [{2, 3}] * 5
    costs = {1: 40, 2: 35, 3: 30}
    grouped = election(90, costs, ballots)
    assert grouped.groups == {(1, 2): 30, (3,): 12, (2, 3): 5}
    instance, profile = pabutools_election(grouped)
    from pabutools.election import Cost_Sat
    from pabutools.rules import method_of_equal_shares

    oracle = method_of_equal_shares(instance, profile, sat_class=Cost_Sat, voter_budget_increment=1)
    assert equal_shares_winners(grouped) == {int(p.name) for p in oracle}


@pytest.mark.django_db
def test_the_ballots_are_read_grouped_from_the_database(budget, person):
    budget_, (source, _clos), p = budget()
    for _ in range(3):
        services.cast_ballot(source, person(), [p["jardin"].pk, p["bancs"].pk])
    services.cast_ballot(source, person(), [p["bancs"].pk, p["jardin"].pk])
    services.cast_ballot(source, person(), [p["fresque"].pk])
    services.cast_ballot(source, person(), [p["bancs"].pk], confirm=False)  # a draft: not counted
    assert grouped_ballots(source) == {
        tuple(sorted([p["jardin"].pk, p["bancs"].pk])): 4, (p["fresque"].pk,): 1,
    }

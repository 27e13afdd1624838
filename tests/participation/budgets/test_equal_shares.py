"""The parts of equal_shares.py that the whole-rule tests (test_results.py) reach only by chance."""

import random

import numpy as np

from participation.budgets import equal_shares


def water_level(budgets, weights, cost):
    """The cap alpha with sum(w * min(b, alpha)) == cost, by bisection: slow and obviously right."""
    low, high = 0.0, max(budgets)
    for _ in range(200):
        middle = (low + high) / 2
        if sum(w * min(b, middle) for b, w in zip(budgets, weights, strict=True)) >= cost:
            high = middle
        else:
            low = middle
    return high


def test_alpha_takes_the_sorted_way_when_the_poor_join_one_by_one():
    """Budgets 1, 2, 4, … 2^19: nearly all must pay everything they hold, each step of the poor/rich
    search adds one, so it gives up after a few and sorts; both ways find the water level."""
    budgets = np.asarray([2.0**k for k in range(20)])
    weights = np.ones(20)
    cost = float(budgets.sum()) - 3.0
    alpha = equal_shares._alpha(budgets, weights, float(weights.sum()), cost)
    assert abs(alpha - water_level(budgets, weights, cost)) < 1e-6
    assert abs(alpha - equal_shares._alpha_sorted(budgets, weights, cost)) < 1e-9


def test_alpha_on_random_budgets_is_the_water_level_or_none_when_unaffordable():
    rng = random.Random(3)
    for _round in range(200):
        size = rng.randrange(1, 30)
        budgets = np.asarray([rng.choice([rng.random() * 10, 1.5, 0.0]) for _ in range(size)])
        weights = np.asarray([float(rng.randrange(1, 5)) for _ in range(size)])
        cost = rng.random() * 60 + 0.01
        alpha = equal_shares._alpha(budgets, weights, float(weights.sum()), cost)
        if float((budgets * weights).sum()) < cost:
            assert alpha is None
        else:
            assert abs(alpha - water_level(budgets, weights, cost)) < 1e-6


def test_a_ballot_naming_a_project_off_the_ballot_still_counts_its_voter():
    """As pabutools keeps such a ballot, emptied: the voter takes a share that buys nothing."""
    vote = equal_shares.profile({1: 60, 2: 60}, {(1,): 1, (9,): 1, (2,): 1})
    assert vote.voters == 3 and vote.support == [1.0, 1.0]
    # Shares of 33.33 (then 34.33, …) pay neither alone until 60.33: then both, 120 > 100, so nothing.
    assert equal_shares.winners(100, vote) == set()


def test_no_voter_no_winner():
    assert equal_shares.winners(100, equal_shares.profile({1: 10}, {})) == set()

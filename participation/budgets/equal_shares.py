"""The Method of Equal Shares with the « add1 » completion, over grouped ballots.

This is the rule of equalshares.net and of the cities that use it, with pabutools' conventions
(``method_of_equal_shares(..., sat_class=Cost_Sat, voter_budget_increment=1)``), which the tests
use as the oracle:

- Every voter starts with an equal share ``b = envelope / voters`` of the envelope. A voter's
  satisfaction with a project is its cost (cost satisfaction), so a project's supporters pay it
  as equally as they can: each pays ``min(their budget, alpha)``, ``alpha`` as small as pays the cost.
  The project bought next is the one with the smallest ``rho = alpha / cost`` (the price of one euro
  of the voter's satisfaction); a project its supporters cannot pay any more drops out.
- add1 completion: the shares rarely spend the whole envelope, so the rule is run again with every
  voter's share raised by one unit of currency (one cent here: the amounts are cents), and again,
  keeping the last outcome that fits the envelope. It stops at an outcome that fits and leaves no
  supported project affordable with what is left (exhaustive), or before the first one that would
  cost more than the envelope.
- Ties (equal ``rho``): the project with the lowest id, i.e. submitted first — pabutools' default
  lexicographic tie-breaking on names that sort like the ids.

Speed: identical ballots are one group with a weight, and voters are arrays (numpy, which
pabutools already brings). A run evaluates a project from its supporters' budgets; a project's ``rho`` can only grow during a run (budgets only shrink), so, as pabutools does, a
project is re-evaluated only while its last ``rho`` could still beat the best of the round, and
its ``alpha`` is found in a few passes over its supporters, without sorting them. The completion
runs the rule once per cent of share, as its definition says: the outcome is not monotonic in the
share (a larger share can buy less), so a bisection over the shares could stop elsewhere than the
definition; a run is a few milliseconds on 100,000 ballots, so a few hundred runs are seconds.
Amounts are floats (pabutools uses exact fractions): two ``rho`` within ``TIE`` (relative) are a
tie, and affordability tolerates the same rounding, so that what exact fractions find equal stays
equal here.
"""

from dataclasses import dataclass

import numpy as np

TIE = 1e-9


@dataclass
class Profile:
    """The vote as arrays: projects sorted by id (their index breaks ties), groups of identical ballots."""

    ids: list
    costs: np.ndarray  # per project
    weights: np.ndarray  # per group: how many voters cast that ballot
    supporters: list  # per project: the indices of the groups that approve it
    supporter_weights: list  # per project: those groups' weights
    support: list  # per project: its number of voters
    voters: int


def profile(costs, groups):
    """costs: {project id: cost}; groups: {ballot (iterable of project ids): number of voters}.

    Projects on a ballot but not in ``costs`` are ignored; the voter still counts (pabutools keeps
    such ballots, emptied, in the profile)."""
    ids = sorted(costs)
    index = {pk: i for i, pk in enumerate(ids)}
    weights, group_of, project_of = [], [], []
    for ballot, weight in groups.items():
        g = len(weights)
        weights.append(weight)
        for pk in ballot:
            if pk in index:
                group_of.append(g)
                project_of.append(index[pk])
    group_of = np.asarray(group_of, dtype=np.int64)
    project_of = np.asarray(project_of, dtype=np.int64)
    order = np.argsort(project_of, kind="stable")
    bounds = np.searchsorted(project_of[order], np.arange(len(ids) + 1))
    by_project = group_of[order]
    weights = np.asarray(weights, dtype=np.float64)
    supporters = [by_project[bounds[j]:bounds[j + 1]] for j in range(len(ids))]
    return Profile(
        ids=ids,
        costs=np.asarray([costs[pk] for pk in ids], dtype=np.float64),
        weights=weights,
        supporters=supporters,
        supporter_weights=[weights[s] for s in supporters],
        support=[float(weights[s].sum()) for s in supporters],
        voters=int(weights.sum()),
    )


def _alpha(budgets, weights, total_weight, cost):
    """The smallest payment cap ``alpha`` with ``sum(weights * min(budgets, alpha)) >= cost``, or None
    when the supporters cannot pay the cost even together.

    Found as pabutools' ``affordability_poor_rich`` does: start with everyone paying an equal part;
    those who hold less pay all they hold and the others share the rest, until no one else is short.
    Each step is a pass over the supporters (no sort); a few steps are the rule, a sort the fallback."""
    # Products by (a * b).sum(), not @: BLAS threads on these short vectors cost more than they save.
    if float((budgets * weights).sum()) < cost * (1 - TIE):
        return None
    alpha, poor_count = cost / total_weight, 0
    for _step in range(8):
        poor = budgets < alpha
        count = int(np.count_nonzero(poor))
        if count == poor_count:
            return alpha
        poor_count = count
        poor_weights = weights[poor]
        richer = total_weight - float(poor_weights.sum())
        if richer <= 0:
            return float(budgets.max())  # rounding: they hold just the cost and pay all of it
        alpha = (cost - float((budgets[poor] * poor_weights).sum())) / richer
    return _alpha_sorted(budgets, weights, cost)


def _alpha_sorted(budgets, weights, cost):
    order = np.argsort(budgets, kind="stable")
    sorted_budgets, sorted_weights = budgets[order], weights[order]
    paid_by_poorer = np.concatenate(([0.0], np.cumsum(sorted_budgets * sorted_weights)[:-1]))
    richer_weight = np.cumsum(sorted_weights[::-1])[::-1]
    alphas = (cost - paid_by_poorer) / richer_weight
    fits = np.flatnonzero(alphas <= sorted_budgets)
    # Rounding can leave no index when the supporters hold just the cost: they pay all they hold.
    return float(alphas[fits[0]]) if len(fits) else float(sorted_budgets[-1])


def run(vote, share):
    """One run of the Method of Equal Shares with ``share`` per voter: the chosen project indices in
    the order bought."""
    budgets = np.full(len(vote.weights), float(share))
    costs = vote.costs
    # rho's lower bound per project: with everyone's full share, alpha = cost / supporters.
    bound = {j: 1.0 / vote.support[j] for j, s in enumerate(vote.supporters) if len(s)}
    chosen = []
    while bound:
        best, best_rho, best_alpha = None, np.inf, None
        for j in sorted(bound, key=lambda j: (bound[j], j)):
            if bound[j] > best_rho * (1 + TIE):
                break
            s = vote.supporters[j]
            alpha = _alpha(budgets[s], vote.supporter_weights[j], vote.support[j], costs[j])
            if alpha is None:
                del bound[j]  # budgets only shrink: it stays unaffordable for this run
                continue
            rho = bound[j] = alpha / costs[j]
            if rho < best_rho * (1 - TIE) or (rho <= best_rho * (1 + TIE) and j < best):
                best, best_rho, best_alpha = j, min(rho, best_rho), alpha
        if best is None:
            break
        s = vote.supporters[best]
        budgets[s] = np.maximum(budgets[s] - best_alpha, 0.0)
        del bound[best]
        chosen.append(best)
    return chosen


def winners(amount, vote, increment=1, stats=None):
    """The Method of Equal Shares completed by add1: the ids of the projects bought. ``stats``, a
    dict, receives the number of runs and the share of the outcome (for the benchmark)."""
    stats = {} if stats is None else stats
    if vote.voters == 0:
        return set()
    supported = [j for j, s in enumerate(vote.supporters) if len(s)]
    first = amount / vote.voters
    outcome, raised = run(vote, first), 0
    stats.update(runs=1, first_share=first, share=first)
    while True:
        spent = sum(int(vote.costs[j]) for j in outcome)
        if not any(spent + vote.costs[j] <= amount for j in supported if j not in outcome):
            break  # exhaustive
        raised += 1
        share = first + raised * increment  # not a running sum: no rounding drift over many runs
        following = run(vote, share)
        stats["runs"] += 1
        if sum(int(vote.costs[j]) for j in following) > amount:
            break  # the next share would overspend: keep the last outcome that fits
        outcome = following
        stats["share"] = share
    return {vote.ids[j] for j in outcome}

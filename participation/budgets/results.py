"""Counting a budget's votes: the greedy rule (by pabutools) and the Method of Equal Shares (ours).

- Greedy (« le plus de voix d'abord »): projects by number of votes, each taken while what is left
  of the envelope pays for it — pabutools' greedy utilitarian welfare with cost satisfaction, whose
  marginal gain per euro is exactly the number of votes, so it is fed the tallies, not the ballots.
- Method of Equal Shares (« parts égales »), completed by « add1 » as equalshares.net and the
  cities using it do: see equal_shares.py, which computes it over identical ballots grouped.

Ties go to the project with the lowest id (submitted first) under both rules. Only confirmed
ballots count. The count is written on the projects (votes, winners by each rule), so the result
pages and the API read stored figures.
"""

from collections import Counter
from dataclasses import dataclass

from django.db import transaction
from django.db.models import CharField, Count, Q, StringAgg, Value
from django.db.models.functions import Cast
from django.utils import timezone
from pabutools.election import ApprovalMultiProfile, Cost_Sat, FrozenApprovalBallot, Instance
from pabutools.election import Project as PbProject
from pabutools.rules import greedy_utilitarian_welfare

from . import equal_shares
from .models import BallotLine, Channel, Project
from .services import ballot_projects


@dataclass
class Vote:
    """One envelope's vote: the amount, the projects' costs and the distinct ballots with their counts."""

    amount: int
    costs: dict  # {project id: cents}
    groups: Counter  # {sorted tuple of project ids: number of ballots}


def _confirmed_lines(envelope):
    return BallotLine.objects.filter(ballot__envelope=envelope, ballot__confirmed_at__isnull=False).order_by()


def grouped_ballots(envelope):
    """{sorted tuple of project ids: number of ballots} of the envelope's confirmed ballots.

    The database gives one row per ballot, its projects joined in a string, so no model instance
    nor per-line row reaches Python; identical ballots collapse to one key as they stream in. Keys
    are tuples of shared ints (a frozenset of 8 ids weighs several times more)."""
    rows = (
        _confirmed_lines(envelope)
        .values("ballot_id")
        .annotate(chosen=StringAgg(Cast("project_id", CharField()), Value(",")))
        .values_list("chosen", flat=True)
    )
    ints, groups = {}, Counter()
    for chosen in rows.iterator(chunk_size=20000):
        groups[tuple(sorted(ints.setdefault(pk, int(pk)) for pk in chosen.split(",")))] += 1
    return groups


def election(amount_cents, costs, ballots):
    """costs: {project id: cents}; ballots: iterable of sets of project ids."""
    return Vote(amount_cents, dict(costs), Counter(tuple(sorted(chosen)) for chosen in ballots))


def _pb_name(pk):
    # Zero-padded, so that pabutools' tie-breaking on names follows the ids.
    return f"{pk:012d}"


def greedy_from_tallies(amount_cents, costs, votes):
    """votes: {project id: number of votes}. Greedy with cost satisfaction is additive, so pabutools
    gets one single-project ballot per project, weighted by its votes: the winners of every ballot."""
    projects = {pk: PbProject(_pb_name(pk), cost) for pk, cost in costs.items()}
    instance = Instance(projects.values(), budget_limit=amount_cents)
    tallies = ApprovalMultiProfile(instance=instance)
    for pk, times in votes.items():
        if pk in projects and times:
            tallies[FrozenApprovalBallot([projects[pk]])] = times
    return {int(p.name) for p in greedy_utilitarian_welfare(instance, tallies, sat_class=Cost_Sat)}


def greedy_winners(vote):
    votes = Counter()
    for chosen, times in vote.groups.items():
        for pk in chosen:
            votes[pk] += times
    return greedy_from_tallies(vote.amount, vote.costs, votes)


def equal_shares_winners(vote, stats=None):
    return equal_shares.winners(vote.amount, equal_shares.profile(vote.costs, vote.groups), stats=stats)


def tallies_of(envelope):
    """{project id: {"online": n, "paper": n}} of the confirmed ballots, counted by the database."""
    return {
        row["project_id"]: row
        for row in _confirmed_lines(envelope)
        .values("project_id")
        .annotate(
            online=Count("pk", filter=Q(ballot__channel=Channel.ONLINE)),
            paper=Count("pk", filter=Q(ballot__channel=Channel.PAPER)),
        )
        .order_by()
    }


def compute_envelope(envelope):
    projects = list(ballot_projects(envelope))
    costs = {p.pk: p.cost for p in projects}
    tallies = tallies_of(envelope)
    greedy = greedy_from_tallies(envelope.amount_cents, costs, {pk: r["online"] + r["paper"] for pk, r in tallies.items()})
    equal = equal_shares_winners(Vote(envelope.amount_cents, costs, grouped_ballots(envelope)))
    return projects, tallies, greedy, equal


@transaction.atomic
def count_votes(budget, now=None):
    """Count every envelope of the budget and write the figures on its projects."""
    for envelope in budget.envelopes.all():
        projects, votes, greedy, equal = compute_envelope(envelope)
        for project in projects:
            row = votes.get(project.pk, {})
            project.votes_online = row.get("online", 0)
            project.votes_paper = row.get("paper", 0)
            project.greedy_winner = project.pk in greedy
            project.equal_shares_winner = project.pk in equal
        Project.objects.bulk_update(
            projects, ["votes_online", "votes_paper", "greedy_winner", "equal_shares_winner"], batch_size=500
        )
    budget.counted_at = now or timezone.now()
    budget.save(update_fields=["counted_at"])
    return budget


def envelope_results(budget):
    """Per envelope: its projects by votes, each with its share of the most-voted (for the bars)."""
    envelopes = list(budget.envelopes.prefetch_related("projects"))
    out = []
    for envelope in envelopes:
        projects = sorted(
            (p for p in envelope.projects.all() if p.feasibility == "feasible"),
            key=lambda p: (-p.votes, p.title),
        )
        top = max((p.votes for p in projects), default=0) or 1
        for project in projects:
            project.envelope = envelope
            envelope.budget = budget
            project.bar_percent = round(100 * project.votes / top)
        winners = [p for p in projects if p.is_winner()]
        out.append({
            "envelope": envelope,
            "projects": projects,
            "winners": winners,
            "spent": sum(p.cost for p in winners),
            "online": sum(p.votes_online for p in projects),
            "paper": sum(p.votes_paper for p in projects),
        })
    return out

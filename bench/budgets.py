"""Budget results benchmark: the count of 100,000 ballots over 60 projects by both rules.

    python -m bench budgets                              # 100,000 ballots, 60 projects
    python -m bench.budgets --ballots 20000 --projects 30

Measures what staff run (``results.count_votes``: the tallies and the grouped ballots read from
the database, greedy by pabutools, the Method of Equal Shares with add1 by equal_shares.py, counts
written on the projects), and each rule alone on the same ballots, in a child process so that its
peak memory (``ru_maxrss``) is its own. The baseline, in the same run, is the previous path: every
ballot line read into a set per ballot, pabutools' ``method_of_equal_shares`` completed by its
greedy rule (pabutools' own add1, ``voter_budget_increment=1``, does not finish here), and
greedy from those sets (``--no-baseline`` skips them: they take two minutes).

The ballots are code ballots (online and paper, no accounts needed) filled once into
a SQLite file under var/bench/ (or BENCH_DATABASE_URL); each voter picks projects by popularity,
within the envelope, from a seeded random generator.
"""

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / "var" / "bench"
ENVELOPE_EUROS = 1_000_000


def _setup_django():
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("DATABASE_URL", os.environ.get("BENCH_DATABASE_URL") or f"sqlite:///{BENCH_DIR / 'budgets.sqlite3'}")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lapartcitoyenne.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def fill(ballots, projects):
    """Make (once) a budget of one envelope with ``projects`` feasible projects and ``ballots`` ballots."""
    from datetime import timedelta

    from django.core.management import call_command
    from django.db import transaction
    from django.utils import timezone

    from consultations.models import Consultation, Step, StepKind, Visibility
    from participation.budgets.models import Ballot, BallotLine, Budget, Channel, Envelope, Project, VotingCode

    call_command("migrate", verbosity=0)
    slug = f"bench-{ballots}-{projects}"
    budget = Budget.objects.filter(step__consultation__slug=slug).first()
    if budget is not None:
        return budget
    rng = random.Random(17)
    now = timezone.now()
    with transaction.atomic():
        consultation = Consultation.objects.create(slug=slug, title="Banc d'essai", visibility=Visibility.PUBLIC, tools=["budgets"])
        step = Step.objects.create(
            consultation=consultation, kind=StepKind.SUPPORTS, title="Vote", starts_at=now - timedelta(days=30),
            ends_at=now - timedelta(days=1),
        )
        budget = Budget.objects.create(step=step, title="Banc d'essai")
        envelope = Envelope.objects.create(budget=budget, name="Ville", amount_cents=ENVELOPE_EUROS * 100)
        made = Project.objects.bulk_create(
            Project(
                envelope=envelope, title=f"Projet {n}", description=".", cost_cents=cost, estimated_cost_cents=cost,
                feasibility="feasible", feasibility_reason="Réalisable.",
            )
            for n, cost in enumerate(rng.randrange(5_000, 150_000) * 100 for _ in range(projects))
        )
        weights = [1 / (rank + 1) ** 0.8 for rank in range(projects)]
        codes = VotingCode.objects.bulk_create(
            (VotingCode(envelope=envelope, code=f"E{envelope.pk}N{n}") for n in range(ballots)), batch_size=5000
        )
        rows = Ballot.objects.bulk_create(
            (
                Ballot(envelope=envelope, code=code, channel=Channel.PAPER if n % 3 == 0 else Channel.ONLINE, confirmed_at=now)
                for n, code in enumerate(codes)
            ),
            batch_size=5000,
        )
        lines = []
        for ballot in rows:
            left, chosen = envelope.amount_cents, set()
            for _attempt in range(12):
                project = rng.choices(made, weights)[0]
                if project.pk not in chosen and project.cost <= left:
                    chosen.add(project.pk)
                    left -= project.cost
                if len(chosen) >= 8:
                    break
            lines += [BallotLine(ballot=ballot, project_id=pk) for pk in chosen]
            if len(lines) > 20000:
                BallotLine.objects.bulk_create(lines)
                lines = []
        BallotLine.objects.bulk_create(lines)
    return budget


def previous_path(envelope, case):
    """The count as it was before our Method of Equal Shares: the baseline of the ratios."""
    from collections import defaultdict

    from pabutools.election import ApprovalMultiProfile, Cost_Sat, FrozenApprovalBallot, Instance
    from pabutools.election import Project as PbProject
    from pabutools.rules import completion_by_rule_combination, greedy_utilitarian_welfare, method_of_equal_shares

    from participation.budgets import results

    lines = results._confirmed_lines(envelope).values_list("ballot_id", "project_id")
    ballots = defaultdict(set)
    for ballot_id, project_id in lines.iterator(chunk_size=20000):
        ballots[ballot_id].add(project_id)
    projects = {p.pk: PbProject(str(p.pk), p.cost) for p in results.ballot_projects(envelope)}
    instance = Instance(projects.values(), budget_limit=envelope.amount_cents)
    profile = ApprovalMultiProfile(instance=instance)
    counts = defaultdict(int)
    for chosen in ballots.values():
        counts[frozenset(chosen)] += 1
    for chosen, times in counts.items():
        ballot = FrozenApprovalBallot(projects[pk] for pk in chosen if pk in projects)
        profile[ballot] = profile.get(ballot, 0) + times
    if case == "previous_greedy":
        votes = defaultdict(int)
        for ballot, times in profile.items():
            for project in ballot:
                votes[project] += times
        tallies = ApprovalMultiProfile(instance=instance)
        for project, times in votes.items():
            tallies[FrozenApprovalBallot([project])] = times
        return greedy_utilitarian_welfare(instance, tallies, sat_class=Cost_Sat), {"distinct_ballots": len(profile)}
    chosen = completion_by_rule_combination(
        instance, profile, [method_of_equal_shares, greedy_utilitarian_welfare],
        [{"sat_class": Cost_Sat}, {"sat_class": Cost_Sat}],
    )
    return chosen, {"distinct_ballots": len(profile)}


def _cpu():
    """CPU seconds of this process: on a shared machine a steadier figure than the wall clock."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def measure(case, ballots, projects):
    """In the child: time one case on the filled database."""
    _setup_django()
    from participation.budgets import results

    budget = fill(ballots, projects)
    if case == "fill":
        return {"case": "fill", "ballots": ballots}
    envelope = budget.envelopes.get()
    baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    cpu_began = _cpu()
    began = time.perf_counter()
    if case == "count_votes":
        results.count_votes(budget)
        detail = {}
    elif case.startswith("previous_"):
        winners, detail = previous_path(envelope, case)
        detail["winners"] = len(winners)
    else:
        costs = {p.pk: p.cost for p in results.ballot_projects(envelope)}
        read_began = time.perf_counter()
        if case == "greedy":
            tallies = results.tallies_of(envelope)
            read = time.perf_counter() - read_began
            rule_began = time.perf_counter()
            votes = {pk: row["online"] + row["paper"] for pk, row in tallies.items()}
            winners = results.greedy_from_tallies(envelope.amount_cents, costs, votes)
            detail = {}
        else:
            groups = results.grouped_ballots(envelope)
            read = time.perf_counter() - read_began
            rule_began = time.perf_counter()
            stats = {}
            winners = results.equal_shares_winners(results.Vote(envelope.amount_cents, costs, groups), stats)
            detail = {
                "distinct_ballots": len(groups), "add1_runs": stats["runs"],
                "share_cents": f"{stats['first_share']:.0f}->{stats['share']:.0f}",
            }
        detail = {"read_s": round(read, 2), "rule_s": round(time.perf_counter() - rule_began, 2), **detail}
        detail["winners"] = len(winners)
    seconds = time.perf_counter() - began
    cpu = _cpu() - cpu_began
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"case": case, "seconds": round(seconds, 2), "cpu_s": round(cpu, 2), "peak_mb": round(peak / 1024), "django_mb": round(baseline / 1024), **detail}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ballots", type=int, default=100_000)
    parser.add_argument("--projects", type=int, default=60)
    parser.add_argument("--no-baseline", action="store_true", help="skip the previous path (two minutes)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv if argv is not None else [])
    if args.child:
        print(json.dumps(measure(args.child, args.ballots, args.projects)))
        return
    print(f"{args.ballots} ballots over {args.projects} projects, envelope of {ENVELOPE_EUROS} €")
    # The database is filled in a child of its own, so that no measured peak includes the filling.
    cases = ["fill", "greedy", "equal_shares", "count_votes"]
    if not args.no_baseline:
        cases += ["previous_greedy", "previous_equal_shares"]
    figures = {}
    for case in cases:
        out = subprocess.run(
            [sys.executable, "-m", "bench.budgets", "--child", case, "--ballots", str(args.ballots), "--projects", str(args.projects)],
            cwd=ROOT, capture_output=True, text=True, check=True,
        )
        result = json.loads(out.stdout.strip().splitlines()[-1])
        figures[case] = result
        print("  " + ", ".join(f"{key} {value}" for key, value in result.items()), flush=True)
    for rule in ("greedy", "equal_shares"):
        now, before = figures[rule], figures.get(f"previous_{rule}")
        if before:
            print(
                f"  {rule}: {before['seconds'] / max(now['seconds'], 0.01):.1f}x faster "
                f"({before['cpu_s'] / max(now['cpu_s'], 0.01):.1f}x less CPU), "
                f"peak {now['peak_mb']} MB vs {before['peak_mb']} MB ({before['peak_mb'] / now['peak_mb']:.1f}x less)"
            )


if __name__ == "__main__":
    main(sys.argv[1:])

"""Budget results benchmark: the count of 100,000 ballots over 60 projects by both rules.

    python -m bench budgets                              # 100,000 ballots, 60 projects
    python -m bench.budgets --ballots 20000 --projects 30

Measures what staff run (``results.count_votes``: read the confirmed ballots from the database,
greedy and the Method of Equal Shares through pabutools, counts written on the projects), and
each part alone on the same ballots, in a child process so that its peak memory (``ru_maxrss``)
is its own. The ballots are code ballots (online and paper, no accounts needed) filled once into
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


def measure(case, ballots, projects):
    """In the child: time one case on the filled database."""
    _setup_django()
    from participation.budgets import results

    budget = fill(ballots, projects)
    if case == "fill":
        return {"case": "fill", "ballots": ballots}
    envelope = budget.envelopes.get()
    baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    began = time.perf_counter()
    if case == "count_votes":
        results.count_votes(budget)
        detail = {}
    else:
        projects_ = list(results.ballot_projects(envelope))
        read_began = time.perf_counter()
        cast = results.ballots_of(envelope)
        read = time.perf_counter() - read_began
        elec = results.election(envelope.amount_cents, {p.pk: p.cost for p in projects_}, cast.values())
        rule_began = time.perf_counter()
        winners = results.greedy_winners(elec) if case == "greedy" else results.equal_shares_winners(elec)
        detail = {
            "read_s": round(read, 2), "rule_s": round(time.perf_counter() - rule_began, 2),
            "distinct_ballots": len(elec.profile), "winners": len(winners),
        }
    seconds = time.perf_counter() - began
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"case": case, "seconds": round(seconds, 2), "peak_mb": round(peak / 1024), "django_mb": round(baseline / 1024), **detail}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ballots", type=int, default=100_000)
    parser.add_argument("--projects", type=int, default=60)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv if argv is not None else [])
    if args.child:
        print(json.dumps(measure(args.child, args.ballots, args.projects)))
        return
    print(f"{args.ballots} ballots over {args.projects} projects, envelope of {ENVELOPE_EUROS} €")
    # The database is filled in a child of its own, so that no measured peak includes the filling.
    for case in ("fill", "greedy", "equal_shares", "count_votes"):
        out = subprocess.run(
            [sys.executable, "-m", "bench.budgets", "--child", case, "--ballots", str(args.ballots), "--projects", str(args.projects)],
            cwd=ROOT, capture_output=True, text=True, check=True,
        )
        result = json.loads(out.stdout.strip().splitlines()[-1])
        print("  " + ", ".join(f"{key} {value}" for key, value in result.items()), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])

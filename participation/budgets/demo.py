"""Demo participatory budgets (demo_data/budgets.json), in French. Safe to run again.

« Budget participatif des quartiers 2026 »: two envelopes (La Source, Les Clos), projects in every
state (awaiting review, feasible, not feasible, winners under way and done), online and paper
ballots, counted by both rules and published. « Fonds de participation des habitants » of Les
Chamards: an approval vote open now, to try the ballot. Uses the site's demo themes and territories
when they exist (``manage.py load_demo`` first), and works without them.
"""

import json
from datetime import timedelta
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from consultations.demo import demo_resident
from consultations.models import Consultation, Step, StepKind, Territory, Theme, Visibility

from .models import Ballot, BallotLine, Budget, Channel, Envelope, Feasibility, Project, ProjectUpdate
from .results import count_votes
from .services import CODE_ALPHABET

DATA = Path(__file__).resolve().parent / "demo_data" / "budgets.json"
DAY = timedelta(days=1)


def _steps(consultation, spec, now):
    sub, vote = spec["submission_days"], spec["vote_days"]
    made = []
    for position, (kind, title, (start, end)) in enumerate(
        [(StepKind.PROPOSALS, "Dépôt des projets", sub), (StepKind.SUPPORTS, "Vote", vote)], start=1
    ):
        step, _created = Step.objects.update_or_create(
            consultation=consultation, position=position,
            defaults={"kind": kind, "title": title, "starts_at": now + start * DAY, "ends_at": now + end * DAY},
        )
        made.append(step)
    return made


def _projects(envelope, rows):
    made = []
    for title, description, euros, feasibility, reason, _theme in rows:
        project, _created = Project.objects.update_or_create(
            envelope=envelope, title=title,
            defaults={
                "description": description, "cost_cents": euros * 100,
                "estimated_cost_cents": euros * 100 if feasibility == Feasibility.FEASIBLE else None,
                "feasibility": feasibility, "feasibility_reason": reason,
            },
        )
        made.append(project)
    return made


def _code(number, envelope):
    """A fixed, readable code per demo paper ballot, so that loading twice finds the same ones."""
    base = len(CODE_ALPHABET)
    digits, value = [], envelope.pk * 1000 + number
    for _position in range(10):
        digits.append(CODE_ALPHABET[value % base])
        value //= base
    return "DEMO" + "".join(digits)[:6]


def _ballots(envelope, spec, projects, slug, now):
    if envelope.ballots.exists():
        return
    feasible = [project for project in projects if project.feasibility == Feasibility.FEASIBLE]
    groups = [[feasible[i] for i in group if i < len(feasible)] for group in spec["groups"]]
    lines = []
    for number in range(spec["voters"] + spec["paper"]):
        chosen = groups[number % len(groups)]
        if number < spec["voters"]:
            voter = demo_resident(f"budget-{slug[:20]}-{envelope.position}-{number}", f"Habitant·e {number + 1}", password=None)
            ballot = Ballot.objects.create(envelope=envelope, user=voter, channel=Channel.ONLINE, confirmed_at=now)
        else:
            code = envelope.codes.create(code=_code(number, envelope))
            ballot = Ballot.objects.create(envelope=envelope, code=code, channel=Channel.PAPER, confirmed_at=now)
        ballot.total_cents = sum(project.cost for project in chosen)
        ballot.save(update_fields=["total_cents"])
        lines += [BallotLine(ballot=ballot, project=project) for project in chosen]
    BallotLine.objects.bulk_create(lines)


def _updates(budget, updates, now):
    for title, rows in updates.items():
        project = Project.objects.filter(envelope__budget=budget, title=title).first()
        if project is None or project.updates.exists():
            continue
        for months_ago, progress, percent, text in rows:
            ProjectUpdate.objects.create(
                project=project, date=(now + int(months_ago) * 30 * DAY).date(), text=text, progress=progress,
                percent_done=percent,
            )
            project.progress, project.percent_done = progress, percent
        project.save(update_fields=["progress", "percent_done"])


@transaction.atomic
def load_demo(now=None):
    now = now or timezone.now()
    made = []
    for spec in json.loads(DATA.read_text())["budgets"]:
        consultation, _created = Consultation.objects.update_or_create(
            slug=spec["slug"],
            defaults={
                "title": spec["title"], "summary": spec["summary"], "visibility": Visibility.PUBLIC,
                "theme": Theme.objects.filter(slug=spec["theme"]).first(), "tools": ["budgets"],
            },
        )
        _submission, vote = _steps(consultation, spec, now)
        budget, _created = Budget.objects.update_or_create(
            step=vote,
            defaults={
                "title": spec["title"], "intro": spec["intro"], "rule": spec["rule"],
                "min_share_percent": spec.get("min_share_percent", 0), "max_projects": spec.get("max_projects"),
                "eligibility": spec["eligibility"], "official_method": spec["official_method"],
            },
        )
        for position, envelope_spec in enumerate(spec["envelopes"], start=1):
            envelope, _created = Envelope.objects.update_or_create(
                budget=budget, name=envelope_spec["name"],
                defaults={
                    "amount_cents": envelope_spec["amount"] * 100, "position": position,
                    "territory": Territory.objects.filter(slug=envelope_spec["territory"]).first(),
                },
            )
            projects = _projects(envelope, spec["projects"][envelope.name])
            _ballots(envelope, envelope_spec, projects, spec["slug"], now)
        if spec["published"]:
            count_votes(budget, now=vote.ends_at)
            Budget.objects.filter(pk=budget.pk).update(results_published_at=vote.ends_at + DAY)
            _updates(budget, spec["updates"], now)
        made.append(budget)
    return made

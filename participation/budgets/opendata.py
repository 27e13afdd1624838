"""A published envelope's vote in the pabulib format (``.pb``), written by pabutools.

The voters are numbered after sorting the ballots by channel and content, so the file keeps no trace
of who voted when; a paper ballot is ``voting_method`` « paper », an online one « internet », as
pabulib names them. Costs are in euros, or in cents (``currency`` « EUR cents ») when some amount
has cents.
"""

from pabutools.election import ApprovalBallot, ApprovalProfile, Instance
from pabutools.election import Project as PbProject
from pabutools.election.pabulib import election_as_pabulib_string

from .models import Ballot, Channel, ResultMethod
from .services import ballot_projects

RULES = {ResultMethod.GREEDY: "greedy", ResultMethod.EQUAL_SHARES: "equalshares"}


def _field(text):
    return str(text).replace(";", ",").replace("\n", " ")


def pabulib_text(envelope):
    budget = envelope.budget
    projects = list(ballot_projects(envelope))
    amounts = [envelope.amount_cents, *(project.cost for project in projects)]
    whole = all(amount % 100 == 0 for amount in amounts)
    unit = 100 if whole else 1
    by_id = {project.pk: PbProject(str(project.pk), project.cost // unit) for project in projects}
    instance = Instance(by_id.values(), budget_limit=envelope.amount_cents // unit)
    instance.meta.update({
        "description": _field(f"{budget.title} — {envelope.name}"),
        "country": "France",
        "unit": _field(budget.step.consultation.title),
        "subunit": _field(envelope.name),
        "instance": _field(f"{budget.step.consultation.slug}-{envelope.pk}"),
        "rule": RULES[budget.official_method],
        "date_begin": budget.step.starts_at.date().isoformat(),
        "date_end": budget.step.ends_at.date().isoformat(),
        "currency": "EUR" if whole else "EUR cents",
        "language": "fr",
    })
    for project in projects:
        instance.project_meta[by_id[project.pk]] = {
            "name": _field(project.title), "votes": project.votes, "selected": int(project.is_winner()),
        }
    ballots = Ballot.objects.filter(envelope=envelope, confirmed_at__isnull=False).prefetch_related("lines")
    rows = sorted(
        (ballot.channel, tuple(sorted(line.project_id for line in ballot.lines.all() if line.project_id in by_id)))
        for ballot in ballots
    )
    profile = ApprovalProfile(instance=instance)
    for number, (channel, chosen) in enumerate(rows, start=1):
        meta = {"voter_id": str(number), "voting_method": "paper" if channel == Channel.PAPER else "internet"}
        profile.append(ApprovalBallot((by_id[pk] for pk in chosen), meta=meta))
    return election_as_pabulib_string(instance, profile)

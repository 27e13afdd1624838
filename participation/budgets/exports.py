"""Budget datasets for the export engine (docs/exports.md): projects, ballots and results.

Ballots are pseudonymous: an online voter is a per-export pseudonym, a code ballot has none (the
code is linked to no one). In open data, only budgets whose results are published appear, and
the voter column is dropped.
"""

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from consultations.export_scope import dated

from .models import Ballot, BallotLine, Project

FILTERS = ["consultation", "since", "until"]
SEPARATOR = " | "


def _projects(scope):
    queryset = Project.objects.select_related("envelope__budget__step__consultation")
    if scope.consultation:
        queryset = queryset.filter(envelope__budget__step__consultation__slug=scope.consultation)
    if scope.open_data:
        queryset = queryset.filter(envelope__budget__results_published_at__isnull=False)
    return queryset.order_by("envelope__budget_id", "envelope__position", "title", "pk")


def project_row(project, scope):
    return {
        "id": project.pk,
        "budget": project.envelope.budget.title,
        "envelope": project.envelope.name,
        "title": project.title,
        "requested_cost": project.cost_cents / 100,
        "estimated_cost": project.estimated_cost_cents / 100 if project.estimated_cost_cents else None,
        "feasibility": project.get_feasibility_display(),
        "feasibility_reason": project.feasibility_reason,
        "progress": project.get_progress_display(),
        "percent_done": project.percent_done,
        "proposal": project.proposal_id,
    }


PROJECT_COLUMNS = [
    ("id", _("Project (identifier)")),
    ("budget", _("Budget")),
    ("envelope", _("Envelope")),
    ("title", _("Title")),
    ("requested_cost", _("Requested cost (€)")),
    ("estimated_cost", _("Estimated cost (€)")),
    ("feasibility", _("Feasibility")),
    ("feasibility_reason", _("Public reason")),
    ("progress", _("Progress")),
    ("percent_done", _("Percentage done")),
    ("proposal", _("Proposal (identifier)")),
]


def _ballots(scope):
    queryset = Ballot.objects.filter(confirmed_at__isnull=False).select_related("envelope__budget")
    if scope.consultation:
        queryset = queryset.filter(envelope__budget__step__consultation__slug=scope.consultation)
    if scope.open_data:
        queryset = queryset.filter(envelope__budget__results_published_at__isnull=False)
    queryset = dated(queryset, scope, "confirmed_at")
    lines = BallotLine.objects.select_related("project").order_by("project__title", "project_id")
    return queryset.prefetch_related(Prefetch("lines", queryset=lines)).order_by("envelope_id", "pk")


def ballot_row(ballot, scope):
    return {
        "budget": ballot.envelope.budget.title,
        "envelope": ballot.envelope.name,
        "voter": scope.pseudonym(ballot.user_id) if ballot.user_id else "",
        "channel": ballot.get_channel_display(),
        "projects": SEPARATOR.join(line.project.title for line in ballot.lines.all()),
        "total": ballot.total_cents / 100,
    }


BALLOT_COLUMNS = [
    ("budget", _("Budget")),
    ("envelope", _("Envelope")),
    ("voter", _("Voter (pseudonym)"), {"public": False, "description": _("Empty for a ballot cast with a code.")}),
    ("channel", _("Channel")),
    ("projects", _("Projects chosen")),
    ("total", _("Total (€)")),
]


def _results(scope):
    return _projects(scope).filter(envelope__budget__counted_at__isnull=False, feasibility="feasible")


def result_row(project, scope):
    return {
        "id": project.pk,
        "budget": project.envelope.budget.title,
        "envelope": project.envelope.name,
        "title": project.title,
        "cost": project.cost / 100,
        "votes_online": project.votes_online,
        "votes_paper": project.votes_paper,
        "greedy_winner": project.greedy_winner,
        "equal_shares_winner": project.equal_shares_winner,
        "winner": project.is_winner(),
        "decision_reason": project.manual_reason,
    }


RESULT_COLUMNS = [
    ("id", _("Project (identifier)")),
    ("budget", _("Budget")),
    ("envelope", _("Envelope")),
    ("title", _("Title")),
    ("cost", _("Cost (€)")),
    ("votes_online", _("Votes online")),
    ("votes_paper", _("Votes in person")),
    ("greedy_winner", _("Winner by most votes")),
    ("equal_shares_winner", _("Winner by equal shares")),
    ("winner", _("Winner")),
    ("decision_reason", _("Reason of the team's decision")),
]

DATASETS = [
    {
        "name": "budget_projects",
        "label": _("Participatory budget projects"),
        "description": _("One row per project submitted to a participatory budget, with its review and follow-up."),
        "columns": PROJECT_COLUMNS,
        "queryset": _projects,
        "row": project_row,
        "filters": ["consultation"],
        "personal_data": False,
        "open_data": True,
    },
    {
        "name": "budget_ballots",
        "label": _("Participatory budget ballots"),
        "description": _("One row per confirmed ballot: the projects chosen, online or in person, pseudonymous."),
        "columns": BALLOT_COLUMNS,
        "queryset": _ballots,
        "row": ballot_row,
        "filters": FILTERS,
        "personal_data": False,
        "open_data": True,
    },
    {
        "name": "budget_results",
        "label": _("Participatory budget results"),
        "description": _("One row per project on the ballot: votes online and in person, winners by both rules."),
        "columns": RESULT_COLUMNS,
        "queryset": _results,
        "row": result_row,
        "filters": ["consultation"],
        "personal_data": False,
        "open_data": True,
    },
]

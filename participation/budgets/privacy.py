"""What the budgets app holds about a person, and what goes when they delete their account.

A ballot of a vote still open goes with the account (the person withdraws their vote); a ballot
of a closed vote stays counted, tied to the anonymised account, so that a recount gives the
published figures. Projects stay, anonymised with the account; follows go.
Code ballots are linked to no one and are not personal data.
"""

from django.utils import timezone
from django.utils.translation import pgettext_lazy

from consultations.privacy import iso

from .models import Ballot, BallotLine, Project, ProjectFollow

DATA_LABELS = {
    "budget": pgettext_lazy("personal data", "Budget"),
    "budget_ballots": pgettext_lazy("personal data", "Participatory budget ballots"),
    "budget_projects": pgettext_lazy("personal data", "Participatory budget projects"),
    "confirmed_at": pgettext_lazy("personal data", "Confirmed on"),
    "envelope": pgettext_lazy("personal data", "Envelope"),
    "followed_budget_projects": pgettext_lazy("personal data", "Followed budget projects"),
    "projects": pgettext_lazy("personal data", "Projects"),
    "since": pgettext_lazy("personal data", "Since"),
    "submitted_at": pgettext_lazy("personal data", "Submitted on"),
    "title": pgettext_lazy("personal data", "Title"),
    "total_euros": pgettext_lazy("personal data", "Total (€)"),
    "updated_at": pgettext_lazy("personal data", "Updated on"),
    "url": pgettext_lazy("personal data", "Address"),
}


def user_data(user):
    ballots = Ballot.objects.filter(user=user).select_related("envelope__budget").order_by("created_at", "pk")
    titles = {}
    for ballot_id, title in BallotLine.objects.filter(ballot__user=user).values_list("ballot_id", "project__title"):
        titles.setdefault(ballot_id, []).append(title)
    projects = Project.objects.filter(author=user).select_related("envelope__budget").order_by("created_at", "pk")
    follows = ProjectFollow.objects.filter(user=user).select_related("project").order_by("created_at", "pk")
    return {
        "budget_ballots": [
            {
                "budget": ballot.envelope.budget.title,
                "envelope": ballot.envelope.name,
                "projects": sorted(titles.get(ballot.pk, [])),
                "total_euros": ballot.total_cents / 100,
                "confirmed_at": iso(ballot.confirmed_at),
                "updated_at": iso(ballot.updated_at),
            }
            for ballot in ballots
        ],
        "budget_projects": [
            {
                "title": project.title,
                "budget": project.envelope.budget.title,
                "url": project.get_absolute_url(),
                "submitted_at": project.created_at.isoformat(),
            }
            for project in projects
        ],
        "followed_budget_projects": [
            {"title": follow.project.title, "url": follow.project.get_absolute_url(), "since": follow.created_at.isoformat()}
            for follow in follows
        ],
    }


def forget_user(user):
    Ballot.objects.filter(user=user, envelope__budget__step__ends_at__gt=timezone.now()).delete()
    ProjectFollow.objects.filter(user=user).delete()

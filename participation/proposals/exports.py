"""Datasets of proposals and their supports, declared for the export engine (docs/exports.md).

Authors and supporters appear as the export's pseudonyms; a council appears by its public name.
"""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .models import Proposal, Support

FILTERS = ["consultation", "theme", "territory", "since", "until"]


def _proposal_filters(scope, prefix=""):
    q = Q()
    if scope.consultation:
        q &= Q(**{f"{prefix}consultation__slug": scope.consultation})
    if scope.theme:
        q &= Q(**{f"{prefix}theme__slug": scope.theme})
    if scope.territory:
        q &= Q(**{f"{prefix}territory__slug": scope.territory})
    return q


def proposals(scope):
    # Withdrawn proposals stay on the site with their reason, so they are exported with their state.
    base = Proposal.objects.public() if scope.open_data else Proposal.objects.all()
    queryset = base.filter(_proposal_filters(scope))
    if scope.since:
        queryset = queryset.filter(created_at__gte=scope.since_datetime)
    if scope.until:
        queryset = queryset.filter(created_at__lte=scope.until_datetime)
    return queryset.select_related("consultation", "council", "theme", "territory").order_by("pk")


def proposal_row(proposal, scope):
    return {
        "id": proposal.pk,
        "consultation": proposal.consultation.slug if proposal.consultation else "",
        "council": proposal.council.name if proposal.council else "",
        "title": proposal.title,
        "body": proposal.body,
        "theme": proposal.theme.name if proposal.theme else "",
        "territory": proposal.territory.name if proposal.territory else "",
        "state": proposal.get_state_display(),
        "answer": proposal.answer,
        "answered_at": proposal.answered_at,
        "supports": proposal.support_count,
        "comments": proposal.comment_count,
        "author": scope.pseudonym(proposal.author_id),
        "created_at": proposal.created_at,
    }


PROPOSAL_COLUMNS = [
    ("id", _("Proposal (identifier)")),
    ("consultation", _("Consultation"), {"description": _("Empty for a standalone citizen initiative.")}),
    ("council", _("On behalf of the council")),
    ("title", _("Title")),
    ("body", _("Proposal"), {"description": _("Markdown text, as written.")}),
    ("theme", _("Theme")),
    ("territory", _("Territory")),
    ("state", _("State")),
    ("answer", _("Official answer")),
    ("answered_at", _("Answered at")),
    ("supports", _("Supports")),
    ("comments", _("Comments")),
    ("author", _("Author (pseudonym)"), {"public": False}),
    ("created_at", _("Published at")),
]


def supports(scope):
    queryset = Support.objects.filter(_proposal_filters(scope, "proposal__"))
    if scope.since:
        queryset = queryset.filter(created_at__gte=scope.since_datetime)
    if scope.until:
        queryset = queryset.filter(created_at__lte=scope.until_datetime)
    return queryset.select_related("council").order_by("pk")


def support_row(support, scope):
    return {
        "proposal": support.proposal_id,
        # A council's support is public under its name; a citizen's is a pseudonym.
        "supporter": "" if support.council_id else scope.pseudonym(support.user_id),
        "council": support.council.name if support.council else "",
        "created_at": support.created_at,
    }


SUPPORT_COLUMNS = [
    ("proposal", _("Proposal (identifier)")),
    ("supporter", _("Supporter (pseudonym)"), {"description": _("Empty for a council's support.")}),
    ("council", _("Council")),
    ("created_at", _("Given at")),
]

DATASETS = [
    {
        "name": "proposals",
        "label": _("Proposals"),
        "description": _("One row per proposal, with its answer, state and counts."),
        "columns": PROPOSAL_COLUMNS,
        "queryset": proposals,
        "row": proposal_row,
        "filters": FILTERS,
        "personal_data": False,
        "open_data": True,
    },
    {
        "name": "supports",
        "label": _("Supports of proposals"),
        "description": _("One row per support given to a proposal, by a citizen or a council."),
        "columns": SUPPORT_COLUMNS,
        "queryset": supports,
        "row": support_row,
        "filters": FILTERS,
        "personal_data": False,
        "open_data": False,
    },
]

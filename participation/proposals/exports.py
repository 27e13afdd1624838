"""Datasets of proposals and their supports, declared for the export engine (docs/exports.md).

Authors and supporters appear as the export's pseudonyms; a council appears by its public name.
"""

from django.db.models import Case, Count, F, Q, When
from django.db.models.functions import TruncMonth
from django.utils.translation import gettext_lazy as _

from consultations.export_scope import dated

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
    queryset = dated(queryset, scope, "created_at")
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
        "moderation": proposal.get_moderation_status_display(),
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
    ("moderation", _("Moderation"), {"public": False, "description": _("Visible, awaiting approval or hidden.")}),
]


def supports(scope):
    queryset = Support.objects.filter(_proposal_filters(scope, "proposal__"))
    queryset = dated(queryset, scope, "created_at")
    return queryset.select_related("council").order_by("pk")


def support_row(support, scope):
    return {
        "proposal": support.proposal_id,
        # A council's support is public under its name; a citizen's is a pseudonym.
        "supporter": "" if support.council_id else scope.pseudonym(support.user_id),
        "council": support.council.name if support.council else "",
        "created_at": support.created_at,
    }


# The same columns as database values: the engine's fast paths (participation.exports.fields).
PROPOSAL_FIELDS = {
    "id": ("pk", "number"),
    "consultation": ("consultation__slug", "text"),
    "council": ("council__name", "text"),
    "title": ("title", "text"),
    "body": ("body", "text"),
    "theme": ("theme__name", "text"),
    "territory": ("territory__name", "text"),
    "state": ("state", "choice", Proposal._meta.get_field("state").flatchoices),
    "answer": ("answer", "text"),
    "answered_at": ("answered_at", "datetime"),
    "supports": ("support_count", "number"),
    "comments": ("comment_count", "number"),
    "author": ("author_id", "pseudonym"),
    "created_at": ("created_at", "datetime"),
    "moderation": ("moderation_status", "choice", Proposal._meta.get_field("moderation_status").flatchoices),
}


SUPPORT_COLUMNS = [
    ("proposal", _("Proposal (identifier)")),
    ("supporter", _("Supporter (pseudonym)"), {"description": _("Empty for a council's support.")}),
    ("council", _("Council")),
    ("created_at", _("Given at")),
]

SUPPORT_FIELDS = {
    "proposal": ("proposal_id", "number"),
    "supporter": (Case(When(council__isnull=False, then=None), default=F("user_id")), "pseudonym"),
    "council": ("council__name", "text"),
    "created_at": ("created_at", "datetime"),
}

DATASETS = [
    {
        "name": "proposals",
        "label": _("Proposals"),
        "description": _("One row per proposal, with its answer, state and counts."),
        "columns": PROPOSAL_COLUMNS,
        "queryset": proposals,
        "row": proposal_row,
        "fields": PROPOSAL_FIELDS,
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
        "fields": SUPPORT_FIELDS,
        "filters": FILTERS,
        "personal_data": False,
        "open_data": False,
    },
]


# Statistics: a function(period) -> {"figures": [...], "tables": [...]} (docs/exports.md).


def _counted(name, title, label, rows, key):
    return {
        "name": name,
        "title": title,
        "columns": [("label", label), ("count", _("Proposals"))],
        "rows": [{"label": row[key], "count": row["n"]} for row in rows],
        "chart": ("label", "count"),
    }


def proposal_statistics(period):
    created = Proposal.objects.filter(created_at__gte=period.start, created_at__lt=period.end)
    per_month = [
        {"month": row["month"].strftime("%Y-%m"), "n": row["n"]}
        for row in created.annotate(month=TruncMonth("created_at")).values("month").annotate(n=Count("pk")).order_by("month")
    ]
    no_theme, no_territory = str(_("No theme")), str(_("No territory"))
    # Sorted here: databases disagree on where NULL (no theme) sorts.
    per_theme = sorted(
        ({"theme": row["theme__name"] or no_theme, "n": row["n"]}
         for row in created.values("theme__name").annotate(n=Count("pk")).order_by()),
        key=lambda row: row["theme"],
    )
    per_territory = sorted(
        ({"territory": row["territory__name"] or no_territory, "n": row["n"]}
         for row in created.values("territory__name").annotate(n=Count("pk")).order_by()),
        key=lambda row: row["territory"],
    )
    supports_given = Support.objects.filter(created_at__gte=period.start, created_at__lt=period.end).count()
    answered = Proposal.objects.filter(answered_at__gte=period.start, answered_at__lt=period.end).count()
    return {
        "figures": [
            (_("Proposals"), sum(row["n"] for row in per_month)),
            (_("Supports given"), supports_given),
            (_("Proposals answered"), answered),
        ],
        "tables": [
            _counted("proposals_per_month", _("Proposals per month"), _("Month"), per_month, "month"),
            _counted("proposals_per_theme", _("Proposals per theme"), _("Theme"), per_theme, "theme"),
            _counted("proposals_per_territory", _("Proposals per territory"), _("Territory"), per_territory, "territory"),
        ],
    }


STATISTICS = [proposal_statistics]

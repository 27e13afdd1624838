"""The councils dataset, declared for the export engine (docs/exports.md): no personal data.

The proposals made on behalf of each council are counted where the proposals app is installed.
"""

from django.apps import apps
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from consultations.export_scope import dated

from .models import Council, MembershipState


def _with_proposals():
    return apps.is_installed("participation.proposals")


def columns(scope):
    return [column for column in COLUMNS if column[0] != "proposals" or _with_proposals()]


def councils(scope):
    queryset = Council.objects.all()
    if scope.territory:
        queryset = queryset.filter(Q(neighbourhood__slug=scope.territory) | Q(commune__slug=scope.territory))
    queryset = dated(queryset, scope, "created_at")
    counts = {"member_count": Count("memberships", filter=Q(memberships__state=MembershipState.ACCEPTED), distinct=True)}
    if _with_proposals():
        counts["proposal_count"] = Count("proposals", distinct=True)
    return (
        queryset.annotate(**counts)
        .select_related("neighbourhood", "commune")
        .order_by("pk")
    )


def council_row(council, scope):
    return {
        "council": council.slug,
        "name": council.name,
        "neighbourhood": council.neighbourhood.name if council.neighbourhood else "",
        "commune": council.commune.name if council.commune else "",
        "status": council.get_status_display(),
        "verified": council.is_verified,
        "members": council.member_count,
        "proposals": getattr(council, "proposal_count", None),
        "created_at": council.created_at,
    }


COLUMNS = [
    ("council", _("Council (identifier)")),
    ("name", _("Name")),
    ("neighbourhood", _("Neighbourhood (QPV)")),
    ("commune", _("Commune")),
    ("status", _("Status")),
    ("verified", _("Verified")),
    ("members", _("Members"), {"description": _("Accepted members.")}),
    ("proposals", _("Proposals")),
    ("created_at", _("Created at")),
]

DATASETS = [
    {
        "name": "councils",
        "label": _("Citizen councils"),
        "description": _("One row per council: where it is, whether it is verified, its members and proposals."),
        "columns": columns,
        "queryset": councils,
        "row": council_row,
        "filters": ["territory", "since", "until"],
        "personal_data": False,
        "open_data": False,
    },
]

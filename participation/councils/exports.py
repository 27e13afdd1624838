"""The councils dataset, declared for the export engine (docs/exports.md): no personal data."""

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from .models import Council, MembershipState


def councils(scope):
    queryset = Council.objects.all()
    if scope.territory:
        queryset = queryset.filter(Q(neighbourhood__slug=scope.territory) | Q(commune__slug=scope.territory))
    if scope.since:
        queryset = queryset.filter(created_at__gte=scope.since_datetime)
    if scope.until:
        queryset = queryset.filter(created_at__lte=scope.until_datetime)
    return (
        queryset.annotate(
            member_count=Count("memberships", filter=Q(memberships__state=MembershipState.ACCEPTED), distinct=True),
            proposal_count=Count("proposals", distinct=True),
        )
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
        "proposals": council.proposal_count,
        "created_at": council.created_at,
    }


DATASETS = [
    {
        "name": "councils",
        "label": _("Citizen councils"),
        "description": _("One row per council: where it is, whether it is verified, its members and proposals."),
        "columns": [
            ("council", _("Council (identifier)")),
            ("name", _("Name")),
            ("neighbourhood", _("Neighbourhood (QPV)")),
            ("commune", _("Commune")),
            ("status", _("Status")),
            ("verified", _("Verified")),
            ("members", _("Members"), {"description": _("Accepted members.")}),
            ("proposals", _("Proposals")),
            ("created_at", _("Created at")),
        ],
        "queryset": councils,
        "row": council_row,
        "filters": ["territory", "since", "until"],
        "personal_data": False,
        "open_data": False,
    },
]

"""The moderation log as a dataset of the export engine (docs/exports.md): staff only, never open data.

Moderators and the people concerned appear as the export's pseudonyms; their names only in a
personal-data export, which the engine logs.
"""

from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.utils.translation import gettext_lazy as _, pgettext_lazy

from consultations.export_scope import dated
from consultations.identity import public_name

from .models import Action, ActionKind, Report


def actions(scope):
    queryset = Action.objects.all()
    queryset = dated(queryset, scope, "created_at")
    return queryset.select_related("actor", "target_user").order_by("pk")



def action_row(action, scope):
    return {
        "id": action.pk,
        "at": action.created_at,
        "action": action.get_action_display(),
        "actor": scope.pseudonym(action.actor_id) if action.actor_id else "",
        "actor_name": public_name(action.actor),
        "kind": action.get_kind_display(),
        "object_id": action.object_id,
        "case": action.case_id,
        "person": scope.pseudonym(action.target_user_id) if action.target_user_id else "",
        "person_name": public_name(action.target_user),
        "reason": action.reason,
        "source": action.get_source_display(),
    }


DATASETS = [
    {
        "name": "moderation_log",
        "label": _("Moderation log"),
        "description": _("Every moderation action, in the queue and in live rooms: who, what, which item, why, when."),
        "columns": [
            ("id", _("Action (identifier)")),
            ("at", _("At")),
            ("action", _("Action")),
            ("actor", _("By (pseudonym)"), {"description": _("Empty for an automatic action.")}),
            ("actor_name", _("By (name)"), {"personal": True}),
            ("kind", _("Kind of content")),
            ("object_id", _("Content (identifier)")),
            ("case", _("Moderation case (identifier)")),
            ("person", _("Person concerned (pseudonym)")),
            ("person_name", _("Person concerned (name)"), {"personal": True}),
            ("reason", _("Reason")),
            ("source", pgettext_lazy("moderation log", "From")),
        ],
        "queryset": actions,
        "row": action_row,
        "filters": ["since", "until"],
        "personal_data": True,
        "open_data": False,
    },
]


def _per_month(queryset, field):
    rows = queryset.annotate(month=TruncMonth(field)).values("month").annotate(n=Count("pk")).order_by("month")
    return {row["month"].strftime("%Y-%m"): row["n"] for row in rows}


def moderation_statistics(period):
    reports = _per_month(Report.objects.filter(created_at__gte=period.start, created_at__lt=period.end), "created_at")
    hidden = _per_month(
        Action.objects.filter(
            created_at__gte=period.start, created_at__lt=period.end, action__in=[ActionKind.HIDE, ActionKind.AUTO_HIDE]
        ),
        "created_at",
    )
    months = sorted(set(reports) | set(hidden))
    rows = [{"month": month, "reports": reports.get(month, 0), "hidden": hidden.get(month, 0)} for month in months]
    return {
        "figures": [
            (_("Reports"), sum(reports.values())),
            (_("Contributions hidden by the moderation"), sum(hidden.values())),
        ],
        "tables": [
            {
                "name": "moderation_per_month",
                "title": _("Moderation per month"),
                "columns": [("month", _("Month")), ("reports", _("Reports")), ("hidden", pgettext_lazy("moderation statistics", "Hidden"))],
                "rows": rows,
                "chart": ("month", "reports"),
            }
        ],
    }


STATISTICS = [moderation_statistics]

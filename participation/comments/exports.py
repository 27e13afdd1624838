"""The comments dataset, declared for the export engine (docs/exports.md).

Deleted comments keep their place in the thread (their replies point to them) but lose their text.
"""

from itertools import batched

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import BooleanField, Case, CharField, Count, ExpressionWrapper, F, Q, TextField, Value, When
from django.db.models.functions import Cast, Concat, TruncMonth
from django.utils.translation import gettext_lazy as _

from consultations.export_scope import dated
from consultations.speakers import attach_groups, groups_by_key

from .models import Comment

# Comments read from the database at a time: the groups they speak for are read once per batch.
BATCH = 2000


def _consultation_filter(slug):
    """Comments on the consultation itself, or on its proposals and events when those apps are installed."""
    Consultation = apps.get_model("consultations", "Consultation")
    q = Q(
        content_type=ContentType.objects.get_for_model(Consultation),
        object_id__in=Consultation.objects.filter(slug=slug).values("pk"),
    )
    Event = apps.get_model("consultations", "Event")
    q |= Q(
        content_type=ContentType.objects.get_for_model(Event),
        object_id__in=Event.objects.filter(consultation__slug=slug).values("pk"),
    )
    if apps.is_installed("participation.proposals"):
        Proposal = apps.get_model("proposals", "Proposal")
        q |= Q(
            content_type=ContentType.objects.get_for_model(Proposal),
            object_id__in=Proposal.objects.filter(consultation__slug=slug).values("pk"),
        )
    return q


def comments(scope):
    queryset = Comment.objects.all()
    if scope.consultation:
        queryset = queryset.filter(_consultation_filter(scope.consultation))
    queryset = dated(queryset, scope, "created_at")
    return queryset.select_related("content_type").order_by("pk")


def comment_row(comment, scope):
    deleted = comment.is_deleted
    return {
        "id": comment.pk,
        "target_kind": comment.content_type.model,
        "target": comment.object_id,
        "parent": comment.parent_id,
        "depth": comment.depth,
        "position": comment.get_position_display(),
        "body": "" if deleted else comment.body,
        "deleted": deleted,
        "author": "" if deleted else scope.pseudonym(comment.author_id),
        "on_behalf_of": str(comment.on_behalf_of) if comment.on_behalf_of is not None and not deleted else "",
        "created_at": comment.created_at,
        "moderation": comment.get_moderation_status_display(),
    }


def comment_rows(scope):
    for batch in batched(comments(scope).iterator(chunk_size=BATCH), BATCH):
        for comment in attach_groups(batch):
            yield comment_row(comment, scope)


def speaker_labels(scope):
    """« On behalf of » as ``comment_row`` shows it (``str(group)``), for the groups the exported
    comments speak for: read once per export, then looked up by key (``speaker_key``) in SQL."""
    pairs = (
        comments(scope).filter(deleted_at__isnull=True, on_behalf_id__isnull=False).order_by()
        .values_list("on_behalf_type_id", "on_behalf_id").distinct()
    )
    wanted = {}
    for type_id, object_id in pairs.iterator():
        wanted.setdefault(type_id, set()).add(object_id)
    return {f"{type_id}:{pk}": str(group) for (type_id, pk), group in groups_by_key(wanted).items()}


_deleted = Q(deleted_at__isnull=False)
# The same columns as database values: the engine's fast paths (participation.exports.fields).
COMMENT_FIELDS = {
    "id": ("pk", "number"),
    "target_kind": ("content_type__model", "text"),
    "target": ("object_id", "number"),
    "parent": ("parent_id", "number"),
    "depth": ("depth", "number"),
    "position": ("position", "choice", Comment._meta.get_field("position").flatchoices),
    "body": (Case(When(_deleted, then=Value("")), default=F("body"), output_field=TextField()), "text"),
    "deleted": (ExpressionWrapper(_deleted, output_field=BooleanField()), "bool"),
    "author": (Case(When(_deleted, then=None), default=F("author_id")), "pseudonym"),
    # "type id:group id", the key of speaker_labels(); none for a deleted comment.
    "on_behalf_of": (
        Case(
            When(_deleted | Q(on_behalf_id__isnull=True), then=None),
            default=Concat(Cast("on_behalf_type_id", CharField()), Value(":"), Cast("on_behalf_id", CharField())),
            output_field=CharField(),
        ),
        "label",
        speaker_labels,
    ),
    "created_at": ("created_at", "datetime"),
    "moderation": ("moderation_status", "choice", Comment._meta.get_field("moderation_status").flatchoices),
}


DATASETS = [
    {
        "name": "comments",
        "label": _("Comments"),
        "description": _("One row per comment, with its place in the thread (parent and depth)."),
        "columns": [
            ("id", _("Comment (identifier)")),
            ("target_kind", _("Commented object (kind)"), {"description": _("proposal, consultation or event.")}),
            ("target", _("Commented object (identifier)")),
            ("parent", _("In reply to (identifier)"), {"description": _("Empty for a comment opening a thread.")}),
            ("depth", _("Depth"), {"description": _("0 for a comment opening a thread, 1 for a reply, and so on.")}),
            ("position", _("Position")),
            ("body", _("Comment"), {"description": _("Empty for a deleted comment.")}),
            ("deleted", _("Deleted")),
            ("author", _("Author (pseudonym)"), {"public": False}),
            ("on_behalf_of", _("On behalf of"), {"description": _("The citizen council the comment speaks for, if any.")}),
            ("created_at", _("Posted at")),
            ("moderation", _("Moderation"), {"description": _("Visible, awaiting approval or hidden.")}),
        ],
        "queryset": comments,
        "row": comment_row,
        "rows": comment_rows,
        "fields": COMMENT_FIELDS,
        "count": lambda scope: comments(scope).order_by().count(),
        "filters": ["consultation", "since", "until"],
        "personal_data": False,
        "open_data": False,
    },
]


def comment_statistics(period):
    posted = Comment.objects.filter(created_at__gte=period.start, created_at__lt=period.end, deleted_at__isnull=True)
    per_month = (
        posted.annotate(month=TruncMonth("created_at")).values("month").annotate(n=Count("pk")).order_by("month")
    )
    rows = [{"month": row["month"].strftime("%Y-%m"), "count": row["n"]} for row in per_month]
    return {
        "figures": [(_("Comments"), sum(row["count"] for row in rows))],
        "tables": [
            {
                "name": "comments_per_month",
                "title": _("Comments per month"),
                "columns": [("month", _("Month")), ("count", _("Comments"))],
                "rows": rows,
                "chart": ("month", "count"),
            }
        ],
    }


STATISTICS = [comment_statistics]

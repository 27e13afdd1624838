"""Reports, the cases moderators work through, blocks, and the log of every moderation action.

A ``Case`` gathers everything about one piece of content (its reports, the decision, the author's
review request); the content itself keeps its row and carries its own moderation status.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _, pgettext_lazy

# The frame's list: a live room's facilitator hides for the same reasons people report.
from consultations.moderation import Reason  # noqa: F401

NOTE_MAX_LENGTH = 1000


class CaseStatus(models.TextChoices):
    REPORTED = "reported", _("Reported, still visible")
    AUTO_HIDDEN = "auto_hidden", _("Hidden pending review")
    AWAITING_APPROVAL = "awaiting_approval", _("Awaiting approval")
    REVIEW_REQUESTED = "review_requested", _("Review requested")
    HIDDEN = "hidden", pgettext_lazy("moderation case", "Hidden")
    KEPT = "kept", _("Kept visible")


OPEN_STATUSES = [
    CaseStatus.REPORTED, CaseStatus.AUTO_HIDDEN, CaseStatus.AWAITING_APPROVAL, CaseStatus.REVIEW_REQUESTED,
]
DECIDED_STATUSES = [CaseStatus.HIDDEN, CaseStatus.KEPT]


class Case(models.Model):
    kind = models.CharField(_("kind"), max_length=30)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), on_delete=models.SET_NULL, null=True, blank=True,
        related_name="moderation_cases",
    )
    consultation = models.ForeignKey(
        "consultations.Consultation", verbose_name=_("consultation"), on_delete=models.SET_NULL, null=True,
        blank=True, related_name="+",
    )
    event = models.ForeignKey(
        "consultations.Event", verbose_name=_("event"), on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )
    # The text as it was when last reported or decided: the queue reads it without touching each app.
    excerpt = models.TextField(_("text"))
    url = models.CharField(_("address"), max_length=500, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=CaseStatus.choices, default=CaseStatus.REPORTED)
    report_count = models.PositiveIntegerField(_("reports"), default=0)
    decision_reason = models.TextField(_("reason given"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("decided by"), on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    review_requested_at = models.DateTimeField(_("review requested"), null=True, blank=True)
    review_note = models.TextField(_("author's request"), blank=True, max_length=NOTE_MAX_LENGTH)
    created_at = models.DateTimeField(_("opened"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-updated_at", "-pk"]
        verbose_name = _("moderation case")
        verbose_name_plural = _("moderation cases")
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id"], name="moderation_one_case_per_item"),
            models.CheckConstraint(
                condition=~Q(status__in=DECIDED_STATUSES) | Q(decided_at__isnull=False),
                name="moderation_decided_case_has_date",
            ),
            models.CheckConstraint(
                condition=Q(review_note="") | Q(review_requested_at__isnull=False),
                name="moderation_review_note_has_date",
            ),
        ]
        indexes = [models.Index(fields=["status", "-updated_at"], name="moderation_queue_idx")]

    def __str__(self):
        return f"{self.get_kind_display()} #{self.object_id}"

    def get_absolute_url(self):
        return reverse("moderation:case", args=[self.pk])

    def get_kind_display(self):
        return kind_label(self.kind)

    @property
    def review_was_requested(self):
        return self.review_requested_at is not None

    def content(self):
        return self.content_type.get_object_for_this_type(pk=self.object_id)


class Report(models.Model):
    case = models.ForeignKey(Case, verbose_name=_("case"), on_delete=models.CASCADE, related_name="reports")
    # Kept when the reporter deletes their account, so counts and thresholds stay exact.
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("reported by"), on_delete=models.SET_NULL, null=True,
        related_name="moderation_reports",
    )
    reason = models.CharField(_("reason"), max_length=20, choices=Reason.choices)
    note = models.TextField(_("note"), blank=True, max_length=NOTE_MAX_LENGTH)
    created_at = models.DateTimeField(_("reported"), default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        constraints = [
            models.UniqueConstraint(fields=["case", "reporter"], name="moderation_one_report_per_person"),
        ]
        indexes = [models.Index(fields=["reason", "case"], name="moderation_report_reason_idx")]


class BlockQuerySet(models.QuerySet):
    def in_force(self, now=None):
        now = now or timezone.now()
        return self.filter(lifted_at__isnull=True).filter(Q(until__isnull=True) | Q(until__gt=now))


class Block(models.Model):
    """A person who may no longer post anywhere, until a date or for good (``until`` empty)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("person"), on_delete=models.CASCADE, related_name="moderation_blocks"
    )
    until = models.DateTimeField(pgettext_lazy("block", "until"), null=True, blank=True, help_text=_("Empty: for good."))
    reason = models.TextField(_("reason"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(pgettext_lazy("block", "blocked on"), default=timezone.now)
    lifted_at = models.DateTimeField(_("lifted"), null=True, blank=True)
    lifted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("lifted by"), on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )

    objects = BlockQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("block")
        verbose_name_plural = _("blocks")
        constraints = [
            models.CheckConstraint(
                condition=Q(until__isnull=True) | Q(until__gt=F("created_at")), name="moderation_block_ends_later"
            ),
            models.CheckConstraint(condition=~Q(reason=""), name="moderation_block_has_reason"),
            # A new block lifts the previous one: one unlifted block per person.
            models.UniqueConstraint(
                fields=["user"], condition=Q(lifted_at__isnull=True), name="moderation_one_open_block_per_person"
            ),
        ]

    def __str__(self):
        return str(self.user)

    def in_force(self, now=None):
        now = now or timezone.now()
        return self.lifted_at is None and (self.until is None or self.until > now)


class ActionKind(models.TextChoices):
    HIDE = "hide", pgettext_lazy("moderation action", "hid")
    AUTO_HIDE = "auto_hide", pgettext_lazy("moderation action", "hid after several reports")
    RESTORE = "restore", pgettext_lazy("moderation action", "restored")
    DISMISS = "dismiss", pgettext_lazy("moderation action", "dismissed the reports")
    APPROVE = "approve", pgettext_lazy("moderation action", "approved")
    BLOCK = "block", pgettext_lazy("moderation action", "blocked")
    UNBLOCK = "unblock", pgettext_lazy("moderation action", "lifted the block")
    REVIEW_REQUESTED = "review_requested", pgettext_lazy("moderation action", "asked for a review")
    MUTE = "mute", pgettext_lazy("moderation action", "muted in a live room")
    BAN = "ban", pgettext_lazy("moderation action", "banned from a live room")


class Source(models.TextChoices):
    QUEUE = "queue", _("moderation queue")
    API = "api", _("API")
    LIVE = "live", _("live room")
    SYSTEM = "system", _("automatic")


def kind_label(key):
    """The kind's name as people read it ("" for actions on a person rather than an item)."""
    from consultations.moderation import get_kind

    kind = get_kind(key)
    return str(kind.label) if kind else key


class Action(models.Model):
    """One line of the moderation log: who did what, to which item or person, why, when."""

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )
    action = models.CharField(_("action"), max_length=20, choices=ActionKind.choices)
    kind = models.CharField(_("kind of content"), max_length=30, blank=True)
    object_id = models.PositiveBigIntegerField(_("content id"), null=True, blank=True)
    case = models.ForeignKey(
        Case, verbose_name=_("case"), on_delete=models.SET_NULL, null=True, blank=True, related_name="actions"
    )
    target_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("person concerned"), on_delete=models.SET_NULL, null=True,
        blank=True, related_name="+",
    )
    reason = models.TextField(_("reason"), blank=True)
    source = models.CharField(pgettext_lazy("moderation log", "from"), max_length=10, choices=Source.choices, default=Source.QUEUE)
    created_at = models.DateTimeField(pgettext_lazy("moderation log", "at"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("moderation action")
        verbose_name_plural = _("moderation log")
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="", object_id__isnull=True) | (~Q(kind="") & Q(object_id__isnull=False)),
                name="moderation_action_item_complete",
            ),
        ]

    def __str__(self):
        return f"{self.get_action_display()} ({self.created_at:%Y-%m-%d %H:%M})"

    def get_kind_display(self):
        return kind_label(self.kind)

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _, pgettext_lazy

from consultations.images import is_image_name
from consultations.moderation import Moderated, ModerationStatus
from consultations.text import store_rendered, stored_html
from consultations.validators import SINGLE_LINE
from consultations.visibility import under_visible_consultation


class ProposalState(models.TextChoices):
    # A context: "Published" or "Accepted" of a proposal (feminine in French) must not take
    # another app's translation.
    PUBLISHED = "published", pgettext_lazy("proposal state", "Published")
    UNDER_REVIEW = "under_review", pgettext_lazy("proposal state", "Under review")
    ACCEPTED = "accepted", pgettext_lazy("proposal state", "Accepted")
    REJECTED = "rejected", pgettext_lazy("proposal state", "Rejected")
    IMPLEMENTED = "implemented", pgettext_lazy("proposal state", "Implemented")
    WITHDRAWN = "withdrawn", pgettext_lazy("proposal state", "Withdrawn")


# The states staff may set with an official answer.
ANSWER_STATES = [
    ProposalState.UNDER_REVIEW,
    ProposalState.ACCEPTED,
    ProposalState.REJECTED,
    ProposalState.IMPLEMENTED,
]


# The states in which a proposal takes supports (and its supports can be withdrawn).
SUPPORTABLE_STATES = [ProposalState.PUBLISHED, ProposalState.UNDER_REVIEW]


class ProposalQuerySet(models.QuerySet):
    def visible_to(self, user):
        """What the person's lists show: published proposals, withdrawn ones too (with their reason),
        not those the moderation holds, and only under a consultation the person may see."""
        return self.filter(under_visible_consultation(user), moderation_status=ModerationStatus.VISIBLE)

    def taking_supports(self):
        """Open to supports as far as the proposal goes: not withdrawn, answered or held by the moderation."""
        return self.filter(state__in=SUPPORTABLE_STATES, moderation_status=ModerationStatus.VISIBLE)

    def public(self):
        """What everyone may see: open data, feeds, a visitor's lists."""
        return self.visible_to(None)

    def initiatives(self):
        return self.filter(consultation__isnull=True)


# An attachment that is an image (by the extension check_attachment verified against its content).
IMAGE_ATTACHMENT = (
    Q(attachment__iendswith=".jpg") | Q(attachment__iendswith=".jpeg")
    | Q(attachment__iendswith=".png") | Q(attachment__iendswith=".webp")
)

# The Markdown fields and the fields that keep their sanitised HTML.
RENDERED = [("body", "body_html"), ("answer", "answer_html")]


def attachment_path(proposal, filename):
    return f"proposals/{proposal.author_id or 0}/{filename}"


class Proposal(Moderated):
    consultation = models.ForeignKey(
        "consultations.Consultation", verbose_name=_("consultation"), on_delete=models.PROTECT,
        null=True, blank=True, related_name="proposals",
        help_text=_("Empty for a standalone citizen initiative."),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), on_delete=models.SET_NULL, null=True,
        related_name="proposals",
    )
    council = models.ForeignKey(
        "councils.Council", verbose_name=_("on behalf of"), on_delete=models.SET_NULL, null=True,
        blank=True, related_name="proposals",
    )
    title = models.CharField(_("title"), max_length=200, validators=[SINGLE_LINE])
    body = models.TextField(_("proposal"), help_text=_("Markdown, without raw HTML."))
    theme = models.ForeignKey(
        "consultations.Theme", verbose_name=_("theme"), on_delete=models.PROTECT, null=True, blank=True,
        related_name="+",
    )
    territory = models.ForeignKey(
        "consultations.Territory", verbose_name=_("territory"), on_delete=models.PROTECT, null=True,
        blank=True, related_name="+",
    )
    attachment = models.FileField(_("image or document"), upload_to=attachment_path, blank=True)
    image_alt = models.CharField(
        _("image description"), max_length=300, blank=True, validators=[SINGLE_LINE],
        help_text=_("What the image shows, for people who cannot see it (written by the author)."),
    )
    # The image's size, read when it was uploaded: pages reserve its box and list its widths without opening it.
    image_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    image_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    state = models.CharField(_("state"), max_length=14, choices=ProposalState.choices, default=ProposalState.PUBLISHED)
    answer = models.TextField(_("official answer"), blank=True, help_text=_("Markdown, without raw HTML."))
    # The body and the answer rendered and sanitised once, when written (save() below); exports and
    # the API keep the Markdown.
    body_html = models.TextField(editable=False, blank=True, default="")
    answer_html = models.TextField(editable=False, blank=True, default="")
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("answered by"), on_delete=models.SET_NULL, null=True,
        blank=True, related_name="+",
    )
    withdrawal_reason = models.TextField(_("reason for withdrawal"), blank=True)
    support_threshold = models.PositiveIntegerField(
        _("support threshold"), null=True, blank=True,
        help_text=_("For a standalone initiative: the supports it needs to be examined by staff."),
    )
    threshold_reached_at = models.DateTimeField(_("threshold reached"), null=True, blank=True)
    collection_ends_at = models.DateTimeField(
        _("end of the collection"), null=True, blank=True,
        help_text=_("For a standalone initiative: supports are taken until then. Empty: no deadline."),
    )
    # Set once, by the first run of close_initiatives past the deadline: who tells the news.
    collection_closed_at = models.DateTimeField(_("collection closed"), null=True, blank=True, editable=False)
    support_count = models.PositiveIntegerField(_("supports"), default=0, editable=False)
    comment_count = models.PositiveIntegerField(_("comments"), default=0, editable=False)
    created_at = models.DateTimeField(_("published"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ProposalQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        indexes = [
            models.Index(fields=["-support_count", "-id"], name="proposal_most_supported_idx"),
            models.Index(fields=["-comment_count", "-id"], name="proposal_most_commented_idx"),
            models.Index(fields=["-created_at", "-id"], name="proposal_newest_idx"),
            models.Index(fields=["state", "-created_at"], name="proposal_state_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(state="withdrawn") | ~Q(withdrawal_reason=""), name="proposal_withdrawn_has_reason"
            ),
            models.CheckConstraint(
                condition=Q(answered_at__isnull=True) | ~Q(answer=""), name="proposal_answer_has_text"
            ),
            models.CheckConstraint(
                condition=Q(consultation__isnull=True) | Q(support_threshold__isnull=True),
                name="proposal_threshold_only_for_initiatives",
            ),
            models.CheckConstraint(
                condition=Q(consultation__isnull=True)
                | Q(collection_ends_at__isnull=True, collection_closed_at__isnull=True),
                name="proposal_collection_only_for_initiatives",
            ),
            models.CheckConstraint(condition=~IMAGE_ATTACHMENT | ~Q(image_alt=""), name="proposal_image_has_alt"),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, update_fields=None, **kwargs):
        update_fields = store_rendered(self, RENDERED, update_fields)
        super().save(*args, update_fields=update_fields, **kwargs)

    @property
    def rendered_body(self):
        return stored_html(self.body_html, self.body)

    @property
    def rendered_answer(self):
        return stored_html(self.answer_html, self.answer)

    def get_absolute_url(self):
        return reverse("proposals:detail", args=[self.pk])

    def clean(self):
        super().clean()
        if self.consultation_id is not None and self.collection_ends_at is not None:
            raise ValidationError(
                {"collection_ends_at": _("Only a standalone initiative has a collection period: a consultation's steps set its dates.")}
            )

    @property
    def is_initiative(self):
        return self.consultation_id is None

    @property
    def collection_is_open(self):
        """An initiative's collection period; a proposal of a consultation follows its steps instead."""
        return self.collection_ends_at is None or timezone.now() < self.collection_ends_at

    @property
    def takes_supports(self):
        return self.state in SUPPORTABLE_STATES and self.moderation_status == ModerationStatus.VISIBLE

    @property
    def is_withdrawn(self):
        return self.state == ProposalState.WITHDRAWN

    @property
    def threshold_reached(self):
        return self.support_threshold is not None and self.support_count >= self.support_threshold

    @property
    def threshold_percent(self):
        if not self.support_threshold:
            return None
        return min(100, self.support_count * 100 // self.support_threshold)

    def accepts_comments(self):
        return not self.is_withdrawn and self.moderation_status == ModerationStatus.VISIBLE

    @property
    def is_image(self):
        return bool(self.attachment) and is_image_name(self.attachment.name)


class Support(models.Model):
    """One citizen's support, or one council's: never twice for the same proposal."""

    proposal = models.ForeignKey(Proposal, verbose_name=_("proposal"), on_delete=models.CASCADE, related_name="supports")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("supporter"), on_delete=models.CASCADE, related_name="proposal_supports"
    )
    council = models.ForeignKey(
        "councils.Council", verbose_name=_("on behalf of"), on_delete=models.CASCADE, null=True, blank=True,
        related_name="supports",
    )
    created_at = models.DateTimeField(_("given"), auto_now_add=True)

    class Meta:
        verbose_name = _("support")
        verbose_name_plural = _("supports")
        constraints = [
            models.UniqueConstraint(
                fields=["proposal", "user"], condition=Q(council__isnull=True), name="support_once_per_citizen"
            ),
            models.UniqueConstraint(
                fields=["proposal", "council"], condition=Q(council__isnull=False), name="support_once_per_council"
            ),
        ]
        indexes = [models.Index(fields=["user", "proposal"], name="support_user_idx")]

    def __str__(self):
        return f"{self.user} → {self.proposal}"


class Follow(models.Model):
    """Someone who wants to hear about the official answer."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="follows")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("follower")
        verbose_name_plural = _("followers")
        constraints = [models.UniqueConstraint(fields=["proposal", "user"], name="follow_once")]


class Unsubscription(models.Model):
    """Someone who clicked « Ne plus recevoir ces courriels » in an e-mail about this proposal."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="unsubscriptions")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("stopped e-mails")
        verbose_name_plural = _("stopped e-mails")
        constraints = [models.UniqueConstraint(fields=["proposal", "user"], name="unsubscription_once")]


class ProposalSettings(models.Model):
    """What a consultation adds to proposals: the limit of supports per citizen."""

    consultation = models.OneToOneField(
        "consultations.Consultation", verbose_name=_("consultation"), on_delete=models.CASCADE,
        related_name="proposal_settings",
    )
    support_limit = models.PositiveIntegerField(
        _("supports per citizen"), null=True, blank=True,
        help_text=_("How many proposals of this consultation one citizen may support. Empty: no limit."),
    )

    class Meta:
        verbose_name = _("proposal settings")
        verbose_name_plural = _("proposal settings")

    def __str__(self):
        return str(self.consultation)



from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Max, Min, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext, gettext_lazy as _

from ..validators import SINGLE_LINE


class Visibility(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLIC = "public", _("Public")
    PRIVATE = "private", _("Private")


class StepKind(models.TextChoices):
    INFORMATION = "information", _("Information")
    PROPOSALS = "proposals", _("Proposals")
    SUPPORTS = "supports", _("Supports")
    QUESTIONNAIRE = "questionnaire", _("Questionnaire")
    SYNTHESIS = "synthesis", _("Synthesis")


def open_step(steps, now):
    """The step open at ``now`` among one consultation's steps, or None.

    The one rule behind the page (« ouverte », ``aria-current``), the API (``state``) and the
    services that accept proposals, supports and answers. Steps cannot overlap (a constraint);
    should older rows still do, the one that started first is open and the others wait their turn.
    """
    under_way = [step for step in steps if step.starts_at <= now < step.ends_at]
    return min(under_way, key=lambda step: (step.starts_at, step.position, step.pk or 0), default=None)


def overlap_message(other):
    return gettext(
        "This step overlaps the step “%(title)s” (%(start)s – %(end)s): "
        "the steps of a consultation follow one another."
    ) % {
        "title": other.title,
        "start": date_format(timezone.localtime(other.starts_at), "DATETIME_FORMAT"),
        "end": date_format(timezone.localtime(other.ends_at), "DATETIME_FORMAT"),
    }


class ConsultationQuerySet(models.QuerySet):
    def public(self):
        return self.filter(visibility=Visibility.PUBLIC)

    def visible_to(self, user):
        """Public consultations, the private ones the person belongs to; staff see every one."""
        if user.is_authenticated and user.is_active and user.is_staff:
            return self
        if not user.is_authenticated:
            return self.public()
        # A subquery, not a join on members, so a consultation comes back once.
        mine = Consultation.objects.filter(members=user).values("pk")
        private = Q(visibility=Visibility.PRIVATE, pk__in=mine)
        return self.filter(Q(visibility=Visibility.PUBLIC) | private)

    def with_dates(self):
        return self.annotate(first_start=Min("steps__starts_at"), last_end=Max("steps__ends_at"))

    def open(self, now):
        """Under way: the first step has started and the last has not ended (a gap included)."""
        return self.with_dates().filter(first_start__lte=now, last_end__gt=now)

    def upcoming(self, now):
        return self.with_dates().filter(first_start__gt=now)

    def closed(self, now):
        return self.with_dates().filter(last_end__lte=now)


class Consultation(models.Model):
    slug = models.SlugField(_("slug"), unique=True, max_length=120)
    title = models.CharField(_("title"), max_length=200, validators=[SINGLE_LINE])
    summary = models.CharField(_("summary"), max_length=400, blank=True, validators=[SINGLE_LINE])
    body = models.TextField(_("body"), blank=True, help_text=_("Markdown, without raw HTML."))
    theme = models.ForeignKey(
        "consultations.Theme", verbose_name=_("theme"), on_delete=models.PROTECT, null=True, blank=True
    )
    territory = models.ForeignKey(
        "consultations.Territory",
        verbose_name=_("territory"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
    )
    visibility = models.CharField(
        _("visibility"), max_length=10, choices=Visibility.choices, default=Visibility.DRAFT
    )
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("members of a private consultation"),
        blank=True,
        related_name="private_consultations",
    )
    tools = models.JSONField(
        _("participation tools"),
        default=list,
        blank=True,
        help_text=_("Names of the participation tools this consultation uses."),
    )
    premoderated = models.BooleanField(
        _("pre-moderated"),
        default=False,
        help_text=_("New proposals and comments wait for a moderator's approval before others see them."),
    )
    synthesis = models.TextField(
        _("synthesis"), blank=True, help_text=_("What came of the consultation. Markdown, without raw HTML.")
    )
    synthesis_published_at = models.DateTimeField(_("synthesis published"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ConsultationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("consultations:consultation_detail", args=[self.slug])

    def current_step(self, now=None):
        """The step open now: derived from the dates, never stored (see ``open_step``)."""
        return open_step(self.steps.all(), now or timezone.now())

    def next_step(self, now=None):
        now = now or timezone.now()
        upcoming = [step for step in self.steps.all() if step.starts_at > now]
        return min(upcoming, key=lambda step: step.starts_at, default=None)

    def period(self, now=None):
        """"open", "upcoming" or "closed", from the steps' dates."""
        now = now or timezone.now()
        steps = list(self.steps.all())
        if not steps or min(step.starts_at for step in steps) > now:
            return "upcoming"
        if max(step.ends_at for step in steps) <= now:
            return "closed"
        return "open"

    @property
    def synthesis_is_published(self):
        return self.synthesis_published_at is not None


class Step(models.Model):
    consultation = models.ForeignKey(
        Consultation, verbose_name=_("consultation"), on_delete=models.CASCADE, related_name="steps"
    )
    kind = models.CharField(_("kind"), max_length=16, choices=StepKind.choices)
    title = models.CharField(_("title"), max_length=200, validators=[SINGLE_LINE])
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    # Set when followers have been told that the step opened, so they are told once.
    announced_at = models.DateTimeField(_("opening announced"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["consultation", "position", "starts_at"]
        verbose_name = _("step")
        verbose_name_plural = _("steps")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")),
                name="step_ends_after_it_starts",
                violation_error_message=_("A step must end after it starts."),
            ),
        ]

    def __str__(self):
        return self.title

    def validate_constraints(self, exclude=None):
        """The steps of a consultation do not overlap (on PostgreSQL also an exclusion constraint)."""
        super().validate_constraints(exclude)
        # An admin formset checks its steps against each other as submitted, not as stored.
        if getattr(self, "_checked_with_siblings", False):
            return
        if self.consultation_id is None or self.starts_at is None or self.ends_at is None:
            return
        clash = (
            Step.objects.filter(
                consultation_id=self.consultation_id, starts_at__lt=self.ends_at, ends_at__gt=self.starts_at
            )
            .exclude(pk=self.pk)
            .order_by("starts_at")
            .first()
        )
        if clash is not None:
            raise ValidationError({"starts_at": overlap_message(clash)}, code="step_overlap")

    def is_open(self, now=None):
        return self.state(now) == "open"

    def state(self, now=None):
        """"upcoming", "open" or "closed"; "open" is the consultation's current step only."""
        now = now or timezone.now()
        if now >= self.ends_at:
            return "closed"
        if now >= self.starts_at and self.consultation.current_step(now) == self:
            return "open"
        return "upcoming"


class ConsultationDocument(models.Model):
    """A document published with the synthesis (a file, or a link)."""

    consultation = models.ForeignKey(
        Consultation, verbose_name=_("consultation"), on_delete=models.CASCADE, related_name="documents"
    )
    title = models.CharField(_("title"), max_length=200, validators=[SINGLE_LINE])
    file = models.FileField(_("file"), upload_to="consultations/documents/", blank=True)
    url = models.URLField(_("link"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["consultation", "position", "pk"]
        verbose_name = _("synthesis document")
        verbose_name_plural = _("synthesis documents")
        constraints = [
            models.CheckConstraint(
                condition=~Q(file="") | ~Q(url=""),
                name="document_has_file_or_url",
                violation_error_message=_("Give a file or a link."),
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def href(self):
        return self.file.url if self.file else self.url


class Follow(models.Model):
    """A person who joined a consultation: they see it in their space and get its news by email."""

    consultation = models.ForeignKey(
        Consultation, verbose_name=_("consultation"), on_delete=models.CASCADE, related_name="follows"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="consultation_follows",
    )
    created_at = models.DateTimeField(_("joined"), auto_now_add=True)
    email_notifications = models.BooleanField(_("email notifications"), default=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("follow")
        verbose_name_plural = _("follows")
        constraints = [
            models.UniqueConstraint(fields=["consultation", "user"], name="follow_once_per_consultation"),
        ]

    def __str__(self):
        return f"{self.user} → {self.consultation}"

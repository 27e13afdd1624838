from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from consultations.moderation import Moderated, ModerationStatus
from consultations.validators import SINGLE_LINE


class CouncilStatus(models.TextChoices):
    REQUESTED = "requested", _("Awaiting verification")
    VERIFIED = "verified", _("Verified")
    REJECTED = "rejected", _("Rejected")


class CouncilQuerySet(models.QuerySet):
    def verified(self):
        return self.filter(status=CouncilStatus.VERIFIED)

    def listed(self):
        """The councils lists and choices show: verified, and not hidden by the moderation."""
        return self.verified().exclude(moderation_status=ModerationStatus.HIDDEN)


class Council(Moderated):
    """A conseil citoyen: residents of a priority neighbourhood acting together."""

    slug = models.SlugField(_("slug"), unique=True, max_length=140)
    name = models.CharField(_("name"), max_length=160, validators=[SINGLE_LINE])
    neighbourhood = models.ForeignKey(
        "consultations.Territory",
        verbose_name=_("neighbourhood (QPV)"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    commune = models.ForeignKey(
        "consultations.Territory",
        verbose_name=_("commune"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    description = models.TextField(_("description"), blank=True, help_text=_("Markdown, without raw HTML."))
    status = models.CharField(
        _("status"), max_length=10, choices=CouncilStatus.choices, default=CouncilStatus.REQUESTED
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    verified_at = models.DateTimeField(_("verified"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = CouncilQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("citizen council")
        verbose_name_plural = _("citizen councils")
        constraints = [
            models.CheckConstraint(
                condition=Q(status="verified", verified_at__isnull=False) | ~Q(status="verified"),
                name="council_verified_has_date",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("councils:detail", args=[self.slug])

    @property
    def is_verified(self):
        return self.status == CouncilStatus.VERIFIED


class MembershipRole(models.TextChoices):
    MANAGER = "manager", _("Manager")
    MEMBER = "member", _("Member")


class MembershipState(models.TextChoices):
    REQUESTED = "requested", _("Requested")
    ACCEPTED = "accepted", _("Accepted")


class MembershipQuerySet(models.QuerySet):
    def accepted(self):
        return self.filter(state=MembershipState.ACCEPTED)


class Membership(models.Model):
    council = models.ForeignKey(
        Council, verbose_name=_("council"), on_delete=models.CASCADE, related_name="memberships"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="council_memberships",
    )
    role = models.CharField(_("role"), max_length=8, choices=MembershipRole.choices, default=MembershipRole.MEMBER)
    state = models.CharField(
        _("state"), max_length=10, choices=MembershipState.choices, default=MembershipState.REQUESTED
    )
    show_on_page = models.BooleanField(
        _("appear on the council page"),
        default=True,
        help_text=_("Untick to stay off the public list of members."),
    )
    created_at = models.DateTimeField(_("requested"), auto_now_add=True)
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["council", "created_at"]
        verbose_name = _("council membership")
        verbose_name_plural = _("council memberships")
        constraints = [
            models.UniqueConstraint(fields=["council", "user"], name="membership_once_per_council"),
            models.CheckConstraint(
                condition=Q(state="accepted", accepted_at__isnull=False) | Q(state="requested"),
                name="membership_accepted_has_date",
            ),
        ]

    def __str__(self):
        return f"{self.user} – {self.council}"

    @property
    def is_accepted(self):
        return self.state == MembershipState.ACCEPTED

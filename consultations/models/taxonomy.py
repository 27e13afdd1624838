from django.db import models
from django.utils.translation import gettext_lazy as _

from ..validators import SINGLE_LINE


class Theme(models.Model):
    """One of the centre's causes (cohésion sociale, questions urbaines, ...)."""

    slug = models.SlugField(_("slug"), unique=True)
    name = models.CharField(_("name"), max_length=120, unique=True, validators=[SINGLE_LINE])
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")

    def __str__(self):
        return self.name


class TerritoryKind(models.TextChoices):
    REGION = "region", _("Region")
    DEPARTMENT = "department", _("Department")
    EPCI = "epci", _("Inter-municipal body (EPCI)")
    COMMUNE = "commune", _("Commune")
    QPV = "qpv", _("Priority neighbourhood (QPV)")


class Territory(models.Model):
    """A place contributions and events are attached to: a commune, an EPCI, a QPV..."""

    slug = models.SlugField(_("slug"), unique=True, max_length=120)
    name = models.CharField(_("name"), max_length=150, validators=[SINGLE_LINE])
    kind = models.CharField(_("kind"), max_length=12, choices=TerritoryKind.choices)
    code = models.CharField(_("official code"), max_length=20, blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("territory")
        verbose_name_plural = _("territories")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(parent=models.F("pk")), name="territory_not_its_own_parent"
            ),
        ]

    def __str__(self):
        return self.name


class Partner(models.Model):
    name = models.CharField(_("name"), max_length=200, unique=True, validators=[SINGLE_LINE])
    url = models.URLField(_("website"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("partner")
        verbose_name_plural = _("partners")

    def __str__(self):
        return self.name

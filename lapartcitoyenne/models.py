"""The site's own settings that staff change in the admin: who publishes it and where mail goes."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _, pgettext_lazy

from consultations.validators import SINGLE_LINE


class SiteSettings(models.Model):
    """One row (a constraint keeps it so), read by the legal notice and the contact page."""

    publisher_name = models.CharField(
        _("publisher"), max_length=200, validators=[SINGLE_LINE],
        default="Centre de ressources régional de la politique de la ville",
        help_text=_("The organisation that publishes the site (legal notice)."),
    )
    publisher_status = models.CharField(
        _("legal form"), max_length=200, blank=True, validators=[SINGLE_LINE],
        help_text=_("E.g. association under the 1901 law, public interest group; with its SIRET number."),
    )
    publisher_address = models.TextField(_("publisher's address"), blank=True)
    publisher_phone = models.CharField(_("publisher's phone"), max_length=40, blank=True, validators=[SINGLE_LINE])
    publication_director = models.CharField(
        _("director of publication"), max_length=200, blank=True, validators=[SINGLE_LINE],
        help_text=_("The person legally responsible for what the site publishes (name and role)."),
    )
    host_name = models.CharField(pgettext_lazy("legal notice", "host"), max_length=200, blank=True, validators=[SINGLE_LINE])
    host_address = models.TextField(_("host's address"), blank=True)
    host_phone = models.CharField(_("host's phone"), max_length=40, blank=True, validators=[SINGLE_LINE])
    contact_email = models.EmailField(
        _("contact address"), blank=True,
        help_text=_("Where the contact form's messages go; shown on the contact and accessibility pages. "
                    "Empty: the CONTACT_EMAIL setting."),
    )

    class Meta:
        verbose_name = _("site settings")
        verbose_name_plural = _("site settings")
        constraints = [models.CheckConstraint(condition=Q(pk=1), name="site_settings_single_row")]

    def __str__(self):
        return str(_("Site settings"))

    def save(self, *args, **kwargs):
        self.pk = 1
        super().save(*args, **kwargs)

    @classmethod
    def load(cls):
        return cls.objects.get_or_create(pk=1)[0]

    @property
    def contact_address(self):
        return self.contact_email or getattr(settings, "CONTACT_EMAIL", "")

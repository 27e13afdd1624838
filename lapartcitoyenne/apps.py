from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LaPartCitoyenneConfig(AppConfig):
    name = "lapartcitoyenne"
    verbose_name = _("La Part Citoyenne site")

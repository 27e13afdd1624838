from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsultationsConfig(AppConfig):
    name = "consultations"
    verbose_name = _("Consultations and events")
    requires = ["django.contrib.auth", "django.contrib.contenttypes", "rest_framework", "django_filters", "rules"]

    def ready(self):
        from . import plugins  # registers the system checks

        plugins.refuse_missing_requirements()

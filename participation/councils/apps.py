from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CouncilsConfig(AppConfig):
    name = "participation.councils"
    label = "councils"
    verbose_name = _("Citizen councils")
    requires = ["consultations"]
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from consultations import moderation

        from .moderated import KINDS

        moderation.register(*KINDS)

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SurveysConfig(AppConfig):
    """Questionnaires attached to a questionnaire step of a consultation."""

    name = "participation.surveys"
    label = "surveys"
    verbose_name = _("Questionnaires")
    requires = ["consultations"]
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from consultations import moderation
        from consultations.models import StepKind
        from consultations.registry import Tool, registry

        from .moderated import KINDS

        registry.register(
            Tool(
                name="surveys",
                label=_("Questionnaire"),
                actions={StepKind.QUESTIONNAIRE: ("answer",)},
                step_template="surveys/_step.html",
            )
        )
        moderation.register(*KINDS)

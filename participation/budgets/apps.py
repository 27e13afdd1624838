from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BudgetsConfig(AppConfig):
    """Participatory budgets: envelopes, projects, feasibility review, ballots online and on paper,
    results by the greedy rule and the Method of Equal Shares, follow-up of the winners."""

    name = "participation.budgets"
    label = "budgets"
    verbose_name = _("Participatory budgets")
    # Proposals are optional: a project keeps the id of the proposal it came from, read through
    # apps.get_model() where that app is installed (links.py).
    requires = ["consultations"]
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from consultations.models import StepKind
        from consultations.notifications import register_topic
        from consultations.registry import Tool, registry

        from .emails import describe_project_emails, stop_project_emails

        registry.register(
            Tool(
                name="budgets",
                label=_("Participatory budget"),
                actions={StepKind.PROPOSALS: ("submit_project",), StepKind.SUPPORTS: ("vote",)},
                step_template="budgets/_step.html",
            )
        )
        register_topic("budget_project", describe=describe_project_emails, stop=stop_project_emails)

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProposalsConfig(AppConfig):
    name = "participation.proposals"
    label = "proposals"
    verbose_name = _("Proposals")
    # A proposal and a support may be made on behalf of a council: foreign keys to councils.Council,
    # and the database keeps a council's support unique. Its discussion (the comments) is optional:
    # shown with {% discussion %}, counted through the frame's comment signals.
    requires = ["consultations", "participation.councils"]
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from consultations import moderation
        from consultations.models import StepKind
        from consultations.notifications import register_topic
        from consultations.registry import Tool, registry

        from .emails import describe_proposal_emails, stop_proposal_emails

        from .moderated import KINDS

        from . import signals  # noqa: F401  (keeps comment_count exact when the comments are installed)

        registry.register(
            Tool(
                name="proposals",
                label=_("Proposals and supports"),
                actions={StepKind.PROPOSALS: ("propose", "comment"), StepKind.SUPPORTS: ("support", "comment")},
                step_template="proposals/_step.html",
            )
        )
        moderation.register(*KINDS)
        register_topic("proposal", describe=describe_proposal_emails, stop=stop_proposal_emails)

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommentsConfig(AppConfig):
    name = "participation.comments"
    label = "comments"
    verbose_name = _("Comments")
    # Speaking on behalf of a council is offered by the councils when installed (consultations.speakers).
    requires = ["consultations"]
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from consultations import moderation
        from consultations.models import StepKind
        from consultations.notifications import register_topic
        from consultations.discussions import discussions
        from consultations.registry import Tool, registry

        from .emails import describe_reply_emails, stop_reply_emails

        from .moderated import KINDS

        registry.register(
            Tool(
                name="comments",
                label=_("Discussion"),
                actions={StepKind.INFORMATION: ("comment",), StepKind.SYNTHESIS: ("comment",)},
                step_template="comments/_consultation.html",
                event_template="comments/_event.html",
                once_per_consultation=True,
            )
        )
        from .templatetags.comments_tags import comment_thread

        discussions.register(render=comment_thread)
        moderation.register(*KINDS)
        register_topic("comment_replies", describe=describe_reply_emails, stop=stop_reply_emails)

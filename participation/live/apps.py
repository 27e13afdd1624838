from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LiveConfig(AppConfig):
    name = "participation.live"
    label = "live"
    verbose_name = _("Live rooms")
    requires = ["consultations"]
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from consultations import moderation
        from consultations.registry import Tool, registry

        from .moderated import KINDS

        registry.register(
            Tool(name="live", label=_("Live room"), event_template="live/_event_tool.html", event_at_top=True)
        )
        moderation.register(*KINDS)

        from consultations.recaps import register_section

        from .recap import live_section, polls_section

        register_section("live", live_section, position=10)
        register_section("live_polls", polls_section, position=20)

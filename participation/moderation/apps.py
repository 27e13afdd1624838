from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ModerationConfig(AppConfig):
    """Reports, the moderation queue, blocks and the log, for every kind of content the plugins declare."""

    name = "participation.moderation"
    label = "moderation"
    verbose_name = _("Moderation")
    requires = ["consultations"]
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from consultations import moderation

        from .services import block_in_force, open_for_approval, record_plugin_action

        moderation.set_block_lookup(block_in_force)
        moderation.content_submitted.connect(open_for_approval, dispatch_uid="moderation.open_for_approval")
        moderation.action_taken.connect(record_plugin_action, dispatch_uid="moderation.record_plugin_action")

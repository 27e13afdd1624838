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
        from consultations.speakers import Speaker, speakers

        from .models import Council
        from .moderated import KINDS
        from .rules import councils_acting_for

        moderation.register(*KINDS)
        # Other apps' content (comments) may be posted on behalf of a council its members act for.
        speakers.register(
            Speaker(
                field="council",
                model="councils.council",
                label=_("Post on behalf of"),
                groups_for=councils_acting_for,
                key_of=lambda council: council.slug,
                by_key=lambda slug: Council.objects.filter(slug=slug).first(),
                refusal=_("You are not a member of this council."),
            )
        )

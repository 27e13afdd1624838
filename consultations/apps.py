from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsultationsConfig(AppConfig):
    name = "consultations"
    verbose_name = _("Consultations and events")
    requires = ["django.contrib.auth", "django.contrib.contenttypes", "rest_framework", "django_filters", "rules"]

    def ready(self):
        from . import follow_emails, page_cache, plugins, services, signals  # noqa: F401 - signals connects the receivers
        from .models import (Consultation, ConsultationDocument, Event, EventResource, EventSession, Partner, Step,
                             Territory, Theme)
        from .notifications import register_topic

        # What staff edit shows on the visitors' pages at once (consultations.page_cache).
        page_cache.invalidate_on_change(Consultation, Step, ConsultationDocument, Event, EventSession, EventResource,
                                        Theme, Territory, Partner)
        plugins.refuse_missing_requirements()  # plugins also registers the system checks
        register_topic(
            "consultation",
            describe=follow_emails.describe_follow,
            stop=lambda user_id, follow_id: services.stop_emails(follow_id),
        )

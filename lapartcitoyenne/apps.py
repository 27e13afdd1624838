from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LaPartCitoyenneConfig(AppConfig):
    name = "lapartcitoyenne"
    verbose_name = _("La Part Citoyenne site")

    def ready(self):
        from django.apps import apps
        from django.contrib.admin.models import LogEntry
        from django.contrib.auth import get_user_model

        from consultations import page_cache

        from .models import SiteSettings

        # A change made in the admin (it logs each one; several deletions at once are logged in bulk,
        # without signals, hence the deletions below) and the site's own texts show on the visitors'
        # pages at once; so does a contribution or an account deleted, whoever deletes it.
        page_cache.invalidate_on_change(LogEntry, SiteSettings)
        contributions = [apps.get_model(app, model) for app, model in (("proposals", "Proposal"), ("comments", "Comment"))
                         if apps.is_installed(f"participation.{app}")]
        page_cache.invalidate_on_delete(get_user_model(), *contributions)

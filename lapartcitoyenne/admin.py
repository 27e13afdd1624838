from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import SiteSettings


@admin.register(SiteSettings)
class SiteSettingsAdmin(admin.ModelAdmin):
    fieldsets = [
        (None, {"fields": ["contact_email"]}),
        (_("Publisher"), {"fields": ["publisher_name", "publisher_status", "publisher_address", "publisher_phone", "publication_director"]}),
        (_("Host"), {"fields": ["host_name", "host_address", "host_phone"]}),
    ]

    def has_add_permission(self, request):
        return not SiteSettings.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False

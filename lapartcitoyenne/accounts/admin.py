from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from .models import User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "display_name", "territory", "is_staff", "is_active", "date_joined"]
    list_filter = ["is_staff", "is_active", "groups"]
    search_fields = ["email", "display_name"]
    list_select_related = ["territory"]
    autocomplete_fields = ["territory"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Profile"), {"fields": ["display_name", "territory"]}),
        (
            _("Roles and permissions"),
            {"fields": ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]},
        ),
        (_("Dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    # Say where each role is decided, next to the boxes staff tick (see roles.py).
    ROLE_HELP = {
        "is_staff": _(
            "The staff role: the admin, the staff pages and the API (consultations, answers, exports, "
            "statistics). Staff must set up two-factor authentication."
        ),
        "groups": _(
            "The moderator role is the “moderator” group. Staff is the box above, not a group; council "
            "members and facilitators are set on their council and on each event."
        ),
    }

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name in self.ROLE_HELP:
            field.help_text = self.ROLE_HELP[db_field.name]
        return field

    add_fieldsets = [(None, {"classes": ["wide"], "fields": ["email", "password1", "password2"]})]

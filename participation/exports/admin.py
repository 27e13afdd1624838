from django.contrib import admin

from consultations.admin_mixins import ReadOnlyAdminMixin

from .models import ExportJob, ExportLog


@admin.register(ExportLog)
class ExportLogAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Read-only: the log is evidence, nobody edits it."""

    list_display = ["created_at", "user_email", "dataset", "format", "row_count"]
    list_filter = ["dataset", "format"]
    search_fields = ["user_email", "dataset"]
    date_hierarchy = "created_at"
    readonly_fields = ["user", "user_email", "dataset", "format", "scope", "row_count", "created_at"]


@admin.register(ExportJob)
class ExportJobAdmin(admin.ModelAdmin):
    list_display = ["created_at", "dataset", "format", "status", "progress", "rows_done", "requested_by", "expires_at"]
    list_filter = ["status", "format", "dataset"]
    list_select_related = ["requested_by"]
    readonly_fields = [field.name for field in ExportJob._meta.fields]

    def has_add_permission(self, request):
        return False

"""Read-only admin of what the background work leaves: failures for good, e-mails sent, workers."""

from django.contrib import admin

from .models import FailedTask, OutboxEmail, WorkerHeartbeat


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(FailedTask)
class FailedTaskAdmin(ReadOnlyAdmin):
    list_display = ["task", "failed_at", "attempts", "error"]
    list_filter = ["task"]
    search_fields = ["error", "job"]
    date_hierarchy = "failed_at"


@admin.register(OutboxEmail)
class OutboxEmailAdmin(ReadOnlyAdmin):
    list_display = ["task", "created_at", "sent_at"]
    list_filter = ["task"]


@admin.register(WorkerHeartbeat)
class WorkerHeartbeatAdmin(ReadOnlyAdmin):
    list_display = ["hostname", "pid", "worker_id", "started_at", "beat_at"]

from django.contrib import admin

from .models import Message, Poll, PollOption, Question, Room, RoomEvent, Sanction


@admin.register(Room)
class RoomAdmin(admin.ModelAdmin):
    list_display = ["event", "state", "opens_at", "closes_at", "is_public", "premoderated", "slow_mode_seconds"]
    list_filter = ["state", "is_public", "premoderated"]
    raw_id_fields = ["event", "pinned_question", "projected_question", "current_poll"]
    search_fields = ["event__title"]


@admin.register(Message)
class MessageAdmin(admin.ModelAdmin):
    list_display = ["body", "author", "room", "status", "created_at"]
    list_filter = ["status"]
    raw_id_fields = ["room", "author"]


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    list_display = ["body", "author", "room", "status", "answered", "vote_count"]
    list_filter = ["status", "answered"]
    raw_id_fields = ["room", "author"]


@admin.register(Sanction)
class SanctionAdmin(admin.ModelAdmin):
    list_display = ["user", "kind", "until", "room", "author", "reason"]
    raw_id_fields = ["room", "user", "author"]


@admin.register(RoomEvent)
class RoomEventAdmin(admin.ModelAdmin):
    """The facilitation log: read-only."""

    list_display = ["room", "seq", "kind", "actor", "created_at"]
    list_filter = ["kind"]
    raw_id_fields = ["room", "actor", "message", "question", "sanction", "poll"]

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False


class PollOptionInline(admin.TabularInline):
    model = PollOption
    extra = 3


@admin.register(Poll)
class PollAdmin(admin.ModelAdmin):
    """Polls prepared before the event: facilitators launch them from the room's console."""

    list_display = ["question", "room", "kind", "state", "results_hidden", "revealed", "position"]
    list_filter = ["kind", "state"]
    raw_id_fields = ["room", "created_by"]
    search_fields = ["question", "room__event__title"]
    readonly_fields = ["state", "revealed", "opened_at", "closed_at"]
    inlines = [PollOptionInline]

    def save_model(self, request, obj, form, change):
        if obj.created_by_id is None:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

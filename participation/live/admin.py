from django.contrib import admin

from .models import Message, Question, Room, RoomEvent, Sanction


@admin.register(Room)
class RoomAdmin(admin.ModelAdmin):
    list_display = ["event", "state", "opens_at", "closes_at", "is_public", "premoderated", "slow_mode_seconds"]
    list_filter = ["state", "is_public", "premoderated"]
    raw_id_fields = ["event", "pinned_question", "projected_question"]
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
    raw_id_fields = ["room", "actor", "message", "question", "sanction"]

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False

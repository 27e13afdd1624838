from django.contrib import admin

from .models import Comment


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ["__str__", "author", "content_type", "object_id", "created_at", "deleted_at"]
    # The group a comment speaks for is shown by the id the speaker app knows it by.
    readonly_fields = ["on_behalf_type", "on_behalf_id"]
    list_filter = ["content_type", "position"]
    raw_id_fields = ["author", "parent"]

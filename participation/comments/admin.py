from django.contrib import admin

from .models import Comment


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ["__str__", "author", "council", "content_type", "object_id", "created_at", "deleted_at"]
    list_filter = ["content_type", "position"]
    raw_id_fields = ["author", "parent", "council"]

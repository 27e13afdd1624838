from django.contrib import admin

from .models import Proposal, ProposalSettings, Support


@admin.register(Proposal)
class ProposalAdmin(admin.ModelAdmin):
    list_display = ["title", "consultation", "author", "council", "state", "support_count", "comment_count", "threshold_reached_at"]
    list_filter = ["state", "consultation", "theme"]
    search_fields = ["title"]
    raw_id_fields = ["author", "answered_by", "council"]
    readonly_fields = ["support_count", "comment_count", "threshold_reached_at"]


@admin.register(ProposalSettings)
class ProposalSettingsAdmin(admin.ModelAdmin):
    list_display = ["consultation", "support_limit"]


@admin.register(Support)
class SupportAdmin(admin.ModelAdmin):
    list_display = ["proposal", "user", "council", "created_at"]
    raw_id_fields = ["proposal", "user", "council"]

from django.contrib import admin

from consultations.admin_mixins import ReadOnlyAdminMixin

from .models import Proposal, ProposalSettings, Support


@admin.register(Proposal)
class ProposalAdmin(admin.ModelAdmin):
    list_display = ["title", "consultation", "author", "council", "state", "support_count", "comment_count", "threshold_reached_at", "collection_ends_at"]
    # "threshold reached" is how staff find the initiatives waiting for them.
    list_filter = ["state", ("threshold_reached_at", admin.EmptyFieldListFilter), "consultation", "theme"]
    search_fields = ["title"]
    raw_id_fields = ["author", "answered_by", "council"]
    readonly_fields = ["support_count", "comment_count", "threshold_reached_at", "collection_closed_at"]


@admin.register(ProposalSettings)
class ProposalSettingsAdmin(admin.ModelAdmin):
    list_display = ["consultation", "support_limit"]


@admin.register(Support)
class SupportAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["proposal", "user", "council", "created_at"]
    raw_id_fields = ["proposal", "user", "council"]

    # Read-only: supports go through services.cast_support / withdraw_support, which keep the
    # counters exact.

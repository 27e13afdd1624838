from django.contrib import admin

from .models import Budget, Envelope, Project, ProjectUpdate


class EnvelopeInline(admin.TabularInline):
    model = Envelope
    extra = 1
    autocomplete_fields = ["territory"]


@admin.register(Budget)
class BudgetAdmin(admin.ModelAdmin):
    list_display = ["title", "step", "rule", "official_method", "counted_at", "results_published_at"]
    list_select_related = ["step__consultation"]
    search_fields = ["title", "step__consultation__title"]
    raw_id_fields = ["step"]
    filter_horizontal = ["reviewers", "facilitators"]
    inlines = [EnvelopeInline]
    readonly_fields = ["counted_at"]


class UpdateInline(admin.StackedInline):
    model = ProjectUpdate
    extra = 0
    fields = ["date", "progress", "percent_done", "text", "photo", "photo_description"]


@admin.register(Project)
class ProjectAdmin(admin.ModelAdmin):
    list_display = ["title", "envelope", "feasibility", "cost_cents", "estimated_cost_cents", "progress"]
    list_filter = ["feasibility", "progress", "envelope__budget"]
    list_select_related = ["envelope"]
    search_fields = ["title"]
    raw_id_fields = ["author", "reviewed_by"]
    readonly_fields = ["votes_online", "votes_paper", "greedy_winner", "equal_shares_winner"]
    inlines = [UpdateInline]

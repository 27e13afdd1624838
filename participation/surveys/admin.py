from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import services
from .models import Choice, Question, Questionnaire


class QuestionInline(admin.StackedInline):
    model = Question
    extra = 0
    show_change_link = True
    fields = [
        ("position", "kind", "required"),
        "label",
        "help_text",
        "max_choices",
        ("scale_min", "scale_max", "scale_min_label", "scale_max_label"),
    ]


class ChoiceInline(admin.TabularInline):
    model = Choice
    extra = 3


@admin.register(Questionnaire)
class QuestionnaireAdmin(admin.ModelAdmin):
    list_display = ["title", "step", "results_published_at"]
    list_select_related = ["step", "step__consultation"]
    search_fields = ["title", "step__consultation__title"]
    autocomplete_fields = []
    readonly_fields = ["results_published_at"]
    inlines = [QuestionInline]
    actions = ["publish_results"]

    @admin.action(description=_("Publish the results"), permissions=["change"])
    def publish_results(self, request, queryset):
        for questionnaire in queryset:
            services.publish_results(questionnaire)
        count = queryset.count()
        self.message_user(request, ngettext("%d result published.", "%d results published.", count) % count)


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    """Questions with their choices (single and multiple choice, ranking)."""

    list_display = ["label", "questionnaire", "kind", "required", "position"]
    list_filter = ["kind"]
    list_select_related = ["questionnaire"]
    search_fields = ["label"]
    inlines = [ChoiceInline]

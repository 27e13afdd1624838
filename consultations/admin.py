from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .models import (
    Consultation,
    Event,
    EventResource,
    EventSession,
    Partner,
    Registration,
    Step,
    Territory,
    Theme,
)


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "position"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Territory)
class TerritoryAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "code", "parent"]
    list_filter = ["kind"]
    search_fields = ["name", "code"]
    list_select_related = ["parent"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["parent"]


@admin.register(Partner)
class PartnerAdmin(admin.ModelAdmin):
    search_fields = ["name"]


class SessionInline(admin.TabularInline):
    model = EventSession
    extra = 1
    fields = ["title", "starts_at", "ends_at", "is_online", "city", "place", "online_url"]


class ResourceInline(admin.TabularInline):
    model = EventResource
    extra = 0


class RegistrationInline(admin.TabularInline):
    model = Registration
    extra = 0
    fields = ["user", "status", "queued_at", "cancelled_at", "attended"]
    readonly_fields = ["user", "status", "queued_at", "cancelled_at"]
    can_delete = False
    ordering = ["status", "queued_at"]

    def has_add_permission(self, request, obj=None):
        # Seats are given by consultations.services.register, which keeps the capacity.
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("user")


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "theme", "status", "capacity", "registrations_link"]
    list_filter = ["status", "kind", "theme"]
    search_fields = ["title", "summary"]
    list_select_related = ["theme"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["partners", "territory", "facilitators", "consultation"]
    inlines = [SessionInline, ResourceInline, RegistrationInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", "kind", "theme", "status", "territory", "consultation"]}),
        (_("Presentation"), {"fields": ["summary", "description", "audience", "speakers", "partners"]}),
        (
            _("Registration"),
            {"fields": ["registration_enabled", "registration_closes_at", "capacity", "waiting_list"]},
        ),
        (_("Afterwards"), {"fields": ["replay_url"]}),
        (_("Live room"), {"fields": ["facilitators"]}),
    ]

    @admin.display(description=_("Registrations"))
    def registrations_link(self, event):
        url = reverse("consultations:event_registrations", args=[event.slug])
        return format_html('<a href="{}">{}</a>', url, _("See the list"))


class StepInline(admin.TabularInline):
    model = Step
    extra = 1


@admin.register(Consultation)
class ConsultationAdmin(admin.ModelAdmin):
    list_display = ["title", "visibility", "theme", "territory", "created_at"]
    list_filter = ["visibility", "theme"]
    search_fields = ["title", "summary"]
    list_select_related = ["theme", "territory"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["theme", "territory", "members"]
    inlines = [StepInline]


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = ["event", "user", "status", "queued_at", "attended"]
    list_filter = ["status", "attended"]
    search_fields = ["event__title", "user__email"]
    list_select_related = ["event", "user"]
    readonly_fields = ["event", "user", "status", "queued_at", "cancelled_at"]

    def has_add_permission(self, request):
        return False

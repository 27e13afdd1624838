from django import forms
from django.contrib import admin, messages
from django.forms.models import BaseInlineFormSet
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .registry import registry

from . import services
from .models import (
    Consultation,
    ConsultationDocument,
    Event,
    EventResource,
    EventSession,
    Partner,
    Registration,
    Step,
    Territory,
    Theme,
    Visibility,
)
from .models.consultations import overlap_message


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
    fields = ["title", "starts_at", "ends_at", "is_online", "city", "place", "online_url", "stream_url"]


class ResourceInline(admin.TabularInline):
    model = EventResource
    extra = 0


class RegistrationInline(admin.TabularInline):
    model = Registration
    extra = 0
    fields = ["user", "status", "queued_at", "cancelled_at", "attended", "attended_at"]
    readonly_fields = ["user", "status", "queued_at", "cancelled_at", "attended_at"]
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
        (_("Presentation"), {"fields": ["summary", "description", "image", "image_alt", "audience", "speakers", "partners"]}),
        (
            _("Registration"),
            {"fields": ["registration_enabled", "registration_closes_at", "capacity", "waiting_list"]},
        ),
        (_("Afterwards"), {"fields": ["replay_url", "recap", "recap_published"]}),
        (_("Live room"), {"fields": ["facilitators"]}),
    ]

    @admin.display(description=_("Registrations"))
    def registrations_link(self, event):
        url = reverse("consultations:event_registrations", args=[event.slug])
        return format_html('<a href="{}">{}</a>', url, _("See the list"))


class StepFormSet(BaseInlineFormSet):
    """Refuses overlapping steps among those submitted, so moving two steps at once is judged as a whole."""

    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        form.instance._checked_with_siblings = True
        return form

    def clean(self):
        super().clean()
        submitted = [
            form
            for form in self.forms
            if form.cleaned_data and not form.errors and not self._should_delete_form(form)
        ]
        kept = {form.instance.pk for form in self.initial_forms}
        stored = (
            list(Step.objects.filter(consultation=self.instance).exclude(pk__in=kept)) if self.instance.pk else []
        )
        order = sorted(submitted, key=lambda form: (form.instance.starts_at, form.prefix))
        for index, form in enumerate(order):
            # The error goes on the later of two submitted steps, or on the one clashing with a stored step.
            earlier = [other.instance for other in order[:index]] + stored
            step = form.instance
            clash = next(
                (o for o in earlier if o.starts_at < step.ends_at and step.starts_at < o.ends_at), None
            )
            if clash is not None:
                form.add_error("starts_at", overlap_message(clash))


class StepInline(admin.TabularInline):
    model = Step
    formset = StepFormSet
    extra = 1
    fields = ["position", "kind", "title", "description", "starts_at", "ends_at", "announced_at"]
    readonly_fields = ["announced_at"]


class DocumentInline(admin.TabularInline):
    model = ConsultationDocument
    extra = 0


class ToolsField(forms.MultipleChoiceField):
    """A choice among the registered tools; the choices are read when the form is built."""

    widget = forms.CheckboxSelectMultiple


class ConsultationAdminForm(forms.ModelForm):
    tools = ToolsField(label=_("Participation tools"), required=False)

    class Meta:
        model = Consultation
        fields = "__all__"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Unknown names (a plugin uninstalled since) are not offered, and not accepted.
        self.fields["tools"].choices = registry.choices()
        self.fields["tools"].help_text = _("The tools citizens use in the steps that open them.")

    def clean_tools(self):
        return [name for name, _label in registry.choices() if name in self.cleaned_data["tools"]]


@admin.register(Consultation)
class ConsultationAdmin(admin.ModelAdmin):
    form = ConsultationAdminForm
    list_display = ["title", "visibility", "theme", "territory", "synthesis_published_at", "created_at"]
    list_filter = ["visibility", "theme"]
    search_fields = ["title", "summary"]
    list_select_related = ["theme", "territory"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["theme", "territory", "members"]
    readonly_fields = ["synthesis_published_at"]
    inlines = [StepInline, DocumentInline]
    actions = ["publish", "unpublish", "publish_synthesis"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "summary", "body", "theme", "territory"]}),
        (_("Publication"), {"fields": ["visibility", "members"]}),
        (_("Participation"), {"fields": ["tools", "premoderated"]}),
        (_("Synthesis"), {"fields": ["synthesis", "synthesis_published_at"]}),
    ]

    @admin.action(description=_("Publish the selected consultations"), permissions=["change"])
    def publish(self, request, queryset):
        count = services.set_visibility(queryset, Visibility.PUBLIC)
        self.message_user(request, ngettext("%d consultation published.", "%d consultations published.", count) % count)

    @admin.action(description=_("Put the selected consultations back to draft"), permissions=["change"])
    def unpublish(self, request, queryset):
        count = services.set_visibility(queryset, Visibility.DRAFT)
        self.message_user(request, ngettext("%d consultation set to draft.", "%d consultations set to draft.", count) % count)

    @admin.action(description=_("Publish the synthesis and tell the followers"), permissions=["change"])
    def publish_synthesis(self, request, queryset):
        published = 0
        for consultation in queryset:
            if not consultation.synthesis.strip():
                self.message_user(
                    request,
                    _("“%s” has no synthesis text yet.") % consultation.title,
                    level=messages.WARNING,
                )
                continue
            published += services.publish_synthesis(consultation)
        self.message_user(
            request,
            ngettext("%d synthesis published.", "%d syntheses published.", published) % published,
        )


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = ["event", "user", "status", "queued_at", "attended"]
    list_filter = ["status", "attended"]
    search_fields = ["event__title", "user__email"]
    list_select_related = ["event", "user"]
    readonly_fields = ["event", "user", "status", "queued_at", "cancelled_at"]

    def has_add_permission(self, request):
        return False

from . import admin_background  # noqa: E402,F401 - registers the background work's models

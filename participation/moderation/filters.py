"""The queue's filters, shared by the page and the API."""

import django_filters
from django.utils.translation import gettext_lazy as _, pgettext_lazy

from consultations.filters import KnownValueFilter
from consultations.models import Consultation, Event
from consultations.moderation import kinds

from .models import OPEN_STATUSES, Action, ActionKind, Case, CaseStatus, Reason, Report

OPEN = "open"
STATUS_CHOICES = [(OPEN, _("To handle")), *CaseStatus.choices]


def kind_choices():
    return sorted(((key, str(kind.label)) for key, kind in kinds().items()), key=lambda choice: choice[1])


class CaseFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=STATUS_CHOICES, method="filter_status", empty_label=pgettext_lazy("statuses", "All")
    )
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=kind_choices, empty_label=_("All kinds"))
    # Slugs, refused when unknown like any choice.
    consultation = KnownValueFilter(
        label=_("Consultation"), field_name="consultation__slug", queryset=Consultation.objects.all()
    )
    event = KnownValueFilter(label=_("Event"), field_name="event__slug", queryset=Event.objects.all())
    reason = django_filters.ChoiceFilter(
        label=_("Reason"), choices=Reason.choices, method="filter_reason", empty_label=_("All reasons")
    )

    class Meta:
        model = Case
        fields = ["status", "kind", "consultation", "event", "reason"]

    def __init__(self, data=None, *args, **kwargs):
        # Without a status, the queue shows what is left to handle; "status=" (empty) shows everything.
        if data is not None and "status" not in data:
            data = data.copy()
            data["status"] = OPEN
        super().__init__(data, *args, **kwargs)

    def filter_status(self, queryset, name, value):
        if value == OPEN:
            return queryset.filter(status__in=OPEN_STATUSES)
        return queryset.filter(status=value)

    def filter_reason(self, queryset, name, value):
        return queryset.filter(pk__in=Report.objects.filter(reason=value).values("case_id"))


class ActionFilter(django_filters.FilterSet):
    action = django_filters.ChoiceFilter(label=_("Action"), choices=ActionKind.choices, empty_label=_("All actions"))
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=kind_choices, empty_label=_("All kinds"))

    class Meta:
        model = Action
        fields = ["action", "kind"]

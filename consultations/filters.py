"""Filters of the lists, shared by the pages and the API.

Every filter refuses what it does not know the same way: an unknown choice, slug or period is an
error of the filter form (the page shows it with ``consultations/_filter_errors.html``, the API
answers 400 with the field's message), never a silent default or an empty list.
"""

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db.models import Q
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext_lazy as _, pgettext_lazy
from django_filters.filters import QuerySetRequestMixin

from .models import Consultation, Event, EventKind, EventSession, Territory, Theme

ONLINE = "en-ligne"
MONTH_PATTERN = r"^((19\d{2}|2\d{3})-(0[1-9]|1[0-2]))?$"  # empty: no filter, as the HTML form sends it


# One message for an unknown value, whatever the kind of filter.
UNKNOWN_CHOICE = {"invalid_choice": forms.ChoiceField.default_error_messages["invalid_choice"]}


class KnownValueField(forms.CharField):
    """A value that must name a row of ``queryset`` (by ``to_field_name``), or one of ``also``.

    Refused with the message of an unknown choice, like a choice field, without listing every row
    in the form (the page draws its own menu; a list of consultations may be long or private).
    """

    default_error_messages = UNKNOWN_CHOICE

    def __init__(self, *, queryset, to_field_name="slug", also=(), **kwargs):
        self.queryset = queryset
        self.to_field_name = to_field_name
        self.also = also
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value)
        if value and value.lower() not in self.also:
            if not self.queryset.filter(**{self.to_field_name: value}).exists():
                raise ValidationError(
                    self.error_messages["invalid_choice"], code="invalid_choice", params={"value": value}
                )
        return value


class KnownValueFilter(QuerySetRequestMixin, django_filters.CharFilter):
    """A filter on a slug (or any value) that exists: ``queryset`` may be a callable of the request."""

    field_class = KnownValueField


class PeriodFilterSet(django_filters.FilterSet):
    """A list shown one period at a time: ``default_period`` without one, an unknown one refused.

    A refused period is reported like any other filter error and the default period is shown.
    """

    default_period = None

    def __init__(self, data=None, *args, **kwargs):
        data = data.copy() if data is not None else QueryDict(mutable=True)
        if "period" not in data:
            data["period"] = self.default_period
        super().__init__(data, *args, **kwargs)

    @property
    def period(self):
        """The period shown: the one asked for, or the default one."""
        self.errors  # noqa: B018 - validates the form, which fills cleaned_data
        return self.form.cleaned_data.get("period") or self.default_period

    def filter_queryset(self, queryset):
        return super().filter_queryset(self.in_period(queryset, self.period, timezone.now()))

    def filter_period(self, queryset, name, value):
        return queryset  # applied by filter_queryset, the default one included

    def in_period(self, queryset, period, now):
        raise NotImplementedError


def themes(request):
    return Theme.objects.all()


def visible_consultations(request):
    """The consultations a filter may name: a private one is as unknown to others as a missing one."""
    user = getattr(request, "user", None)
    return Consultation.objects.visible_to(user) if user is not None else Consultation.objects.public()


class EventFilter(PeriodFilterSet):
    default_period = "upcoming"

    period = django_filters.ChoiceFilter(
        label=_("Period"),
        choices=[
            ("upcoming", pgettext_lazy("events period", "Upcoming")),
            ("past", pgettext_lazy("events period", "Past")),
            ("all", pgettext_lazy("events period", "All")),
        ],
        method="filter_period",
        empty_label=None,
        required=True,
    )
    q = django_filters.CharFilter(label=_("Search"), method="filter_text")
    theme = KnownValueFilter(label=_("Theme"), field_name="theme__slug", queryset=themes)
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=EventKind.choices, empty_label=_("All kinds"))
    month = django_filters.CharFilter(
        label=_("Month"),
        method="filter_month",
        help_text=_("Format YYYY-MM, for example 2027-03."),
        validators=[
            RegexValidator(
                MONTH_PATTERN, _("Enter a month as YYYY-MM, for example 2027-03.")
            )
        ],
    )
    city = KnownValueFilter(
        label=_("City or online"),
        method="filter_city",
        help_text=_('A city, or "en-ligne" for online events.'),
        queryset=EventSession.objects.all(),
        to_field_name="city__iexact",
        also=(ONLINE,),
    )

    class Meta:
        model = Event
        fields = ["period", "q", "theme", "kind", "month", "city"]

    def in_period(self, queryset, period, now):
        if period == "past":
            return queryset.past(now).order_by("-last_end", "pk")
        if period == "all":
            return queryset.with_dates().order_by("first_start", "pk")
        return queryset.upcoming(now).order_by("first_start", "pk")

    def filter_text(self, queryset, name, value):
        words = value.split()
        for word in words[:8]:
            queryset = queryset.filter(
                Q(title__icontains=word)
                | Q(summary__icontains=word)
                | Q(description__icontains=word)
                | Q(speakers__icontains=word)
                | Q(partners__name__icontains=word)
            )
        return queryset.distinct() if words else queryset

    def filter_month(self, queryset, name, value):
        year, month = (int(part) for part in value.split("-", 1))
        matching = Event.objects.filter(
            sessions__starts_at__year=year, sessions__starts_at__month=month
        ).values("pk")
        return queryset.filter(pk__in=matching)

    def filter_city(self, queryset, name, value):
        value = value.strip()
        if value.lower() == ONLINE:
            matching = Event.objects.filter(sessions__is_online=True).values("pk")
        else:
            matching = Event.objects.filter(sessions__city__iexact=value).values("pk")
        return queryset.filter(pk__in=matching)


CONSULTATION_PERIODS = [
    # Contexts: these short words mean other things in other apps (a live room is "Fermé").
    ("open", pgettext_lazy("consultation period", "Under way")),
    ("upcoming", pgettext_lazy("consultation period", "Upcoming")),
    ("closed", pgettext_lazy("consultation period", "Closed")),
]


class ConsultationFilter(PeriodFilterSet):
    default_period = "open"

    period = django_filters.ChoiceFilter(
        label=_("Period"), choices=CONSULTATION_PERIODS, method="filter_period", empty_label=None, required=True
    )
    theme = django_filters.ModelChoiceFilter(
        label=_("Theme"),
        queryset=Theme.objects.all(),
        to_field_name="slug",
        empty_label=_("All themes"),
        error_messages=UNKNOWN_CHOICE,
    )
    territory = django_filters.ModelChoiceFilter(
        label=_("Territory"),
        queryset=Territory.objects.order_by("name"),
        to_field_name="slug",
        empty_label=_("All territories"),
        method="filter_territory",
        error_messages=UNKNOWN_CHOICE,
    )

    class Meta:
        model = Consultation
        fields = ["period", "theme", "territory"]

    def in_period(self, queryset, period, now):
        return queryset if period == "all" else getattr(queryset, period)(now)

    def filter_territory(self, queryset, name, value):
        # A region or a department also matches the communes and neighbourhoods inside it.
        return queryset.filter(
            Q(territory=value)
            | Q(territory__parent=value)
            | Q(territory__parent__parent=value)
            | Q(territory__parent__parent__parent=value)
        )


class ConsultationApiFilter(ConsultationFilter):
    """The API lists every period by default."""

    default_period = "all"

    period = django_filters.ChoiceFilter(
        label=_("Period"),
        choices=[*CONSULTATION_PERIODS, ("all", pgettext_lazy("consultation period", "All"))],
        method="filter_period",
        empty_label=None,
        required=True,
    )

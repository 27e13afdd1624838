"""Filters of the programme, shared by the page and the API."""

import django_filters
from django.core.validators import RegexValidator
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .models import Consultation, Event, EventKind, Territory, Theme

ONLINE = "en-ligne"
MONTH_PATTERN = r"^((19\d{2}|2\d{3})-(0[1-9]|1[0-2]))?$"  # empty: no filter, as the HTML form sends it


class EventFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="filter_text")
    # A slug rather than a choice: an unknown theme simply matches nothing.
    theme = django_filters.CharFilter(label=_("Theme"), field_name="theme__slug")
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
    city = django_filters.CharFilter(
        label=_("City or online"),
        method="filter_city",
        help_text=_('A city, or "en-ligne" for online events.'),
    )

    class Meta:
        model = Event
        fields = ["q", "theme", "kind", "month", "city"]

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


class ConsultationFilter(django_filters.FilterSet):
    theme = django_filters.ModelChoiceFilter(
        label=_("Theme"), queryset=Theme.objects.all(), to_field_name="slug", empty_label=_("All themes")
    )
    territory = django_filters.ModelChoiceFilter(
        label=_("Territory"),
        queryset=Territory.objects.order_by("name"),
        to_field_name="slug",
        empty_label=_("All territories"),
        method="filter_territory",
    )

    class Meta:
        model = Consultation
        fields = ["theme", "territory"]

    def filter_territory(self, queryset, name, value):
        # A region or a department also matches the communes and neighbourhoods inside it.
        return queryset.filter(
            Q(territory=value)
            | Q(territory__parent=value)
            | Q(territory__parent__parent=value)
            | Q(territory__parent__parent__parent=value)
        )


class ConsultationApiFilter(ConsultationFilter):
    """The API takes slugs as plain strings: an unknown one matches nothing rather than a 400."""

    theme = django_filters.CharFilter(label=_("Theme"), field_name="theme__slug")
    territory = django_filters.CharFilter(label=_("Territory"), method="filter_territory_slug")

    def filter_territory_slug(self, queryset, name, value):
        territory = Territory.objects.filter(slug=value).first()
        return self.filter_territory(queryset, name, territory) if territory else queryset.none()

"""Filters and orders of the proposal list, shared by the page and the API."""

import django_filters
from django.db.models import F, Value
from django.db.models.functions import Mod
from django.utils.translation import gettext_lazy as _

from consultations.filters import KnownValueFilter, visible_consultations
from consultations.models import Territory, Theme
from participation.councils.models import Council

from .models import Proposal, ProposalState
from .search import search

ORDERS = [
    ("newest", _("Newest")),
    ("supports", _("Most supported")),
    ("comments", _("Most commented")),
    ("random", _("Random")),
]
# A prime above any seed: (pk * seed) mod PRIME shuffles pks the same way for one seed, on any database.
RANDOM_PRIME = 2147483647


class ProposalFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="filter_text")
    # Slugs, refused when unknown like any choice (a private consultation is unknown to others).
    consultation = KnownValueFilter(
        label=_("Consultation"), field_name="consultation__slug", queryset=visible_consultations
    )
    # "true" or "false", nothing else: the schema says so and the filter refuses the rest.
    initiatives = django_filters.ChoiceFilter(
        label=_("Citizen initiatives"), method="filter_initiatives", empty_label=_("With or without consultation"),
        choices=[("true", _("Citizen initiatives only")), ("false", _("Proposals of consultations only"))],
    )
    theme = KnownValueFilter(label=_("Theme"), field_name="theme__slug", queryset=Theme.objects.all())
    territory = KnownValueFilter(label=_("Territory"), field_name="territory__slug", queryset=Territory.objects.all())
    state = django_filters.ChoiceFilter(label=_("State"), choices=ProposalState.choices, empty_label=_("All states"))
    council = KnownValueFilter(label=_("Council"), field_name="council__slug", queryset=Council.objects.all())
    order = django_filters.ChoiceFilter(label=_("Order"), choices=ORDERS, method="filter_order", empty_label=None)

    class Meta:
        model = Proposal
        fields = ["q", "consultation", "initiatives", "theme", "territory", "state", "council", "order"]

    def __init__(self, *args, seed=1, **kwargs):
        super().__init__(*args, **kwargs)
        self.seed = seed

    def filter_text(self, queryset, name, value):
        return search(queryset, value)

    def filter_initiatives(self, queryset, name, value):
        return queryset.filter(consultation__isnull=value == "true")

    def filter_order(self, queryset, name, value):
        return queryset

    @property
    def qs(self):
        queryset = super().qs
        order = self.form.cleaned_data.get("order") if self.is_bound and self.form.is_valid() else None
        return order_proposals(queryset, order or "newest", self.seed)


def order_proposals(queryset, order, seed):
    if order == "supports":
        return queryset.order_by("-support_count", "-pk")
    if order == "comments":
        return queryset.order_by("-comment_count", "-pk")
    if order == "random":
        # Spread any seed, even a small one, over the whole field before multiplying.
        factor = pow(48271, seed % (RANDOM_PRIME - 1) + 1, RANDOM_PRIME)
        return queryset.alias(shuffle=Mod(F("pk") * Value(factor), Value(RANDOM_PRIME))).order_by("shuffle", "pk")
    return queryset.order_by("-created_at", "-pk")

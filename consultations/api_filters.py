"""The API's filter backend: a list's filters narrow the list, never an object's own routes."""

from django_filters.rest_framework import DjangoFilterBackend


class ListFilterBackend(DjangoFilterBackend):
    """django-filter for list routes only.

    A filter set may default a filter (the moderation queue shows what is left to handle): applied
    to ``/cases/{id}/`` too, it would hide a decided case from its own address and its actions.
    The schema documents filters on lists only; so they apply there only.
    """

    def filter_queryset(self, request, queryset, view):
        if getattr(view, "detail", False):
            return queryset
        return super().filter_queryset(request, queryset, view)

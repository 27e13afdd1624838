"""Full-text search: PostgreSQL's French configuration with accents ignored; a plain fallback elsewhere."""

from django.db import connection
from django.db.models import Q

from .conf import get_setting


def search_vector():
    from django.contrib.postgres.search import SearchVector

    # Kept identical to the expression of the GIN index created by migration 0002.
    return SearchVector("title", "body", config=get_setting("SEARCH_CONFIG"))


def search(queryset, text):
    text = " ".join((text or "").split())[:200]
    if not text:
        return queryset
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery

        query = SearchQuery(text, config=get_setting("SEARCH_CONFIG"), search_type="websearch")
        return queryset.annotate(search=search_vector()).filter(search=query)
    for word in text.split()[:8]:
        queryset = queryset.filter(Q(title__icontains=word) | Q(body__icontains=word))
    return queryset

"""Full-text search: PostgreSQL's French configuration with accents ignored; a plain fallback elsewhere."""

from django.db import connection, connections
from django.db.models import BooleanField, Q
from django.db.models.expressions import RawSQL

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

        if has_search_column(queryset.db):
            # The stored words (migration 0008), not the text parsed again at each row.
            found = RawSQL(
                '"proposals_proposal"."search_vector" @@ websearch_to_tsquery(%s::regconfig, %s)',
                [get_setting("SEARCH_CONFIG"), text], output_field=BooleanField(),
            )
            return queryset.alias(found=found).filter(found=True)
        query = SearchQuery(text, config=get_setting("SEARCH_CONFIG"), search_type="websearch")
        return queryset.annotate(search=search_vector()).filter(search=query)
    for word in text.split()[:8]:
        queryset = queryset.filter(Q(title__icontains=word) | Q(body__icontains=word))
    return queryset


_columns = {}


def has_search_column(alias):
    """Whether migration 0008 added the stored words (a search configured to another language than
    the column's keeps parsing the text). Asked once per database and process."""
    if alias not in _columns:
        with connections[alias].cursor() as cursor:
            cursor.execute(
                "SELECT 1 FROM information_schema.columns WHERE table_name = 'proposals_proposal' "
                "AND column_name = 'search_vector'"
            )
            _columns[alias] = cursor.fetchone() is not None and get_setting("SEARCH_CONFIG") == "french_unaccent"
    return _columns[alias]

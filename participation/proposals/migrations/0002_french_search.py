"""French full-text search with accents ignored, on PostgreSQL only (SQLite uses a plain fallback)."""

from django.db import migrations

CREATE = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    """
    DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'french_unaccent') THEN
        CREATE TEXT SEARCH CONFIGURATION french_unaccent (COPY = french);
        ALTER TEXT SEARCH CONFIGURATION french_unaccent
          ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
      END IF;
    END $$
    """,
    # The same expression as search.search_vector(), so that the planner uses the index.
    """
    CREATE INDEX IF NOT EXISTS proposal_search_idx ON proposals_proposal USING gin (
      to_tsvector('french_unaccent'::regconfig,
                  COALESCE(title, '') || ' ' || COALESCE(body, ''))
    )
    """,
]
DROP = ["DROP INDEX IF EXISTS proposal_search_idx"]


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for statement in CREATE:
        schema_editor.execute(statement)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for statement in DROP:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("proposals", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards)]

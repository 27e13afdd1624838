"""On PostgreSQL, the steps of a consultation cannot overlap (an exclusion constraint with btree_gist).

Deferred to the commit, so that an admin form moving two steps at once is judged as a whole. Other
databases rely on ``Step.validate_constraints`` (the admin, the forms and the services call it).
"""

from django.db import migrations

CREATE = [
    "CREATE EXTENSION IF NOT EXISTS btree_gist",
    """ALTER TABLE consultations_step ADD CONSTRAINT step_dates_do_not_overlap
    EXCLUDE USING gist (consultation_id WITH =, tstzrange(starts_at, ends_at, '[)') WITH &&)
    DEFERRABLE INITIALLY DEFERRED""",
]
DROP = "ALTER TABLE consultations_step DROP CONSTRAINT IF EXISTS step_dates_do_not_overlap;"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in CREATE:
            schema_editor.execute(statement)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("consultations", "0004_event_revision")]

    operations = [migrations.RunPython(create, drop)]

"""The council a comment spoke for moves from the old ``council_id`` column to (content type, id).

Only databases migrated when 0002 still created that column have it; the others skip this. Raw SQL,
because no migration of the comments names the councils any more (a host may install the comments
alone, and the councils later). Its own migration, one transaction, before 0006 drops the column:
PostgreSQL refuses to alter a table whose rows were updated in the same transaction.
"""

from django.db import migrations

OLD_COLUMN = "council_id"


def has_old_column(schema_editor, table):
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        return OLD_COLUMN in {column.name for column in connection.introspection.get_table_description(cursor, table)}


def council_to_on_behalf(apps, schema_editor):
    comments = apps.get_model("comments", "Comment")
    table = comments._meta.db_table
    if not has_old_column(schema_editor, table):
        return
    council_type, _created = apps.get_model("contenttypes", "ContentType").objects.get_or_create(
        app_label="councils", model="council"
    )
    quote = schema_editor.quote_name
    schema_editor.execute(
        f"UPDATE {quote(table)} SET {quote('on_behalf_type_id')} = %s, {quote('on_behalf_id')} = {quote(OLD_COLUMN)} "
        f"WHERE {quote(OLD_COLUMN)} IS NOT NULL",
        [council_type.pk],
    )


class Migration(migrations.Migration):

    dependencies = [
        ('comments', '0004_on_behalf_fields'),
    ]

    # Back below 0004 the columns go, and who spoke for which council with them.
    operations = [migrations.RunPython(council_to_on_behalf, migrations.RunPython.noop)]

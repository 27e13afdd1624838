"""The old ``council_id`` column goes, where 0002 once created it (see 0005); then the new pair is
kept complete by a constraint."""

from importlib import import_module

from django.db import migrations, models

moved = import_module("participation.comments.migrations.0005_council_to_on_behalf")


def drop_old_column(apps, schema_editor):
    comments = apps.get_model("comments", "Comment")
    table = comments._meta.db_table
    if not moved.has_old_column(schema_editor, table):
        return
    if schema_editor.connection.vendor == "sqlite":
        # SQLite cannot drop a column with a foreign key or an index: the table is rebuilt from the
        # model as the migrations know it, which has no such column.
        schema_editor._remake_table(comments)
    else:
        schema_editor.execute(
            f"ALTER TABLE {schema_editor.quote_name(table)} DROP COLUMN {schema_editor.quote_name(moved.OLD_COLUMN)}"
        )


class Migration(migrations.Migration):

    dependencies = [
        ('comments', '0005_council_to_on_behalf'),
    ]

    operations = [
        migrations.RunPython(drop_old_column, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name='comment',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('on_behalf_id__isnull', True), ('on_behalf_type__isnull', True)), models.Q(('on_behalf_id__isnull', False), ('on_behalf_type__isnull', False)), _connector='OR'), name='comment_on_behalf_complete'),
        ),
    ]

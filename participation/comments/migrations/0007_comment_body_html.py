"""Comments keep their body rendered and sanitised once, at write time: the column, then the
existing rows rendered in batches."""

from django.db import migrations, models

from consultations.text import fill_rendered


def render_existing(apps, schema_editor):
    fill_rendered(apps.get_model("comments", "Comment"), [("body", "body_html")])


class Migration(migrations.Migration):
    # Each batch commits on its own: a large table is not rewritten in one long transaction.
    atomic = False

    dependencies = [("comments", "0006_remove_comment_council")]

    operations = [
        migrations.AddField(
            model_name="comment", name="body_html", field=models.TextField(blank=True, default="", editable=False),
        ),
        migrations.RunPython(render_existing, migrations.RunPython.noop),
    ]

"""Proposals keep their body and official answer rendered and sanitised once, at write time: the
columns, then the existing rows rendered in batches."""

from django.db import migrations, models

from consultations.text import fill_rendered

RENDERED = [("body", "body_html"), ("answer", "answer_html")]


def render_existing(apps, schema_editor):
    fill_rendered(apps.get_model("proposals", "Proposal"), RENDERED)


class Migration(migrations.Migration):
    # Each batch commits on its own: a large table is not rewritten in one long transaction.
    atomic = False

    dependencies = [("proposals", "0006_images_with_description")]

    operations = [
        migrations.AddField(
            model_name="proposal", name="body_html", field=models.TextField(blank=True, default="", editable=False),
        ),
        migrations.AddField(
            model_name="proposal", name="answer_html", field=models.TextField(blank=True, default="", editable=False),
        ),
        migrations.RunPython(render_existing, migrations.RunPython.noop),
    ]

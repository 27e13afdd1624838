"""The council a comment spoke for moves from its foreign key to (content type, id); nothing is lost.

Its own migration (one transaction) between adding the new columns and dropping the old one:
PostgreSQL refuses to alter a table that has rows updated in the same transaction.
"""

from django.apps import apps as installed_apps
from django.db import migrations
from django.db.models import F

WITH_COUNCILS = installed_apps.is_installed("participation.councils")


def _council_type(apps):
    content_types = apps.get_model("contenttypes", "ContentType")
    return content_types.objects.get_or_create(app_label="councils", model="council")[0]


def council_to_on_behalf(apps, schema_editor):
    comments = apps.get_model("comments", "Comment")
    if comments.objects.filter(council__isnull=False).exists():
        comments.objects.filter(council__isnull=False).update(
            on_behalf_type=_council_type(apps), on_behalf_id=F("council_id")
        )


def on_behalf_to_council(apps, schema_editor):
    comments = apps.get_model("comments", "Comment")
    councils = apps.get_model("councils", "Council")
    spoken_for = comments.objects.filter(on_behalf_type=_council_type(apps))
    spoken_for.filter(on_behalf_id__in=councils.objects.values("pk")).update(council_id=F("on_behalf_id"))


class Migration(migrations.Migration):

    dependencies = [
        ('comments', '0004_on_behalf_fields'),
        *([('councils', '0001_initial')] if WITH_COUNCILS else []),
    ]

    operations = [
        *([migrations.RunPython(council_to_on_behalf, on_behalf_to_council)] if WITH_COUNCILS else []),
    ]

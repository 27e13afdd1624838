"""Each reply knows its thread's top-level comment, so that a page of a discussion fetches the
replies of its top-level comments in one query. Existing replies get theirs level by level: one
UPDATE per depth (at most DEPTH_CEILING), not one per row."""

import django.db.models.deletion
from django.db import migrations, models
from django.db.models import OuterRef, Subquery
from django.db.models.functions import Coalesce

DEPTH_CEILING = 10


def fill_roots(apps, schema_editor):
    Comment = apps.get_model("comments", "Comment")
    for depth in range(1, DEPTH_CEILING + 1):
        parents = Comment.objects.filter(pk=OuterRef("parent_id")).values(root_or_self=Coalesce("root_id", "pk"))
        if not Comment.objects.filter(depth=depth).update(root_id=Subquery(parents[:1])):
            break


class Migration(migrations.Migration):
    dependencies = [("comments", "0007_comment_body_html")]

    operations = [
        migrations.AddField(
            model_name="comment",
            name="root",
            field=models.ForeignKey(
                blank=True, editable=False, null=True, on_delete=django.db.models.deletion.CASCADE,
                related_name="+", to="comments.comment",
            ),
        ),
        migrations.RunPython(fill_roots, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="comment",
            constraint=models.CheckConstraint(
                condition=models.Q(("parent__isnull", True), ("root__isnull", True))
                | models.Q(("parent__isnull", False), ("root__isnull", False)),
                name="comment_root_with_parent",
            ),
        ),
    ]

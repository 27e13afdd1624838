from django.apps import apps as installed_apps
from django.db import migrations, models

WITH_COUNCILS = installed_apps.is_installed("participation.councils")


class Migration(migrations.Migration):

    dependencies = [
        ('comments', '0005_council_to_on_behalf'),
    ]

    operations = [
        *([migrations.RemoveField(model_name='comment', name='council')] if WITH_COUNCILS else []),
        migrations.AddConstraint(
            model_name='comment',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('on_behalf_id__isnull', True), ('on_behalf_type__isnull', True)), models.Q(('on_behalf_id__isnull', False), ('on_behalf_type__isnull', False)), _connector='OR'), name='comment_on_behalf_complete'),
        ),
    ]

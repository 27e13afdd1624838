import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('comments', '0003_moderation_status'),
        ('contenttypes', '0002_remove_content_type_name'),
    ]

    operations = [
        migrations.AddField(
            model_name='comment',
            name='on_behalf_type',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='contenttypes.contenttype', verbose_name='on behalf of (kind)'),
        ),
        migrations.AddField(
            model_name='comment',
            name='on_behalf_id',
            field=models.PositiveBigIntegerField(blank=True, null=True, verbose_name='on behalf of (id)'),
        ),
    ]

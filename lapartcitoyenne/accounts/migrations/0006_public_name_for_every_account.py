"""Every account gets a public name: those that had none (shown until now under their e-mail's local
part) receive a pseudonym « Habitant·e NNNN », derived from their id; a constraint keeps it so."""

import django.core.validators
from django.db import migrations, models

from lapartcitoyenne.accounts.pseudonyms import pseudonym, pseudonym_for_pk

DELETED_ACCOUNT_DOMAIN = "invalid.lapartcitoyenne.fr"  # as in models.py when this was written


def name_the_unnamed(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    unnamed = User.objects.filter(display_name="").exclude(email__endswith=f"@{DELETED_ACCOUNT_DOMAIN}")
    taken = set(User.objects.exclude(display_name="").values_list("display_name", flat=True))
    for user in unnamed.only("pk").order_by("pk").iterator():
        name, bump = pseudonym_for_pk(user.pk), 0
        while name in taken:  # someone chose that very name: the same rule, one further
            bump += 1
            name = pseudonym(100000 + user.pk * 10 + bump)
        taken.add(name)
        User.objects.filter(pk=user.pk).update(display_name=name)


class Migration(migrations.Migration):

    dependencies = [
        ("accounts", "0005_single_line_fields"),
    ]

    operations = [
        migrations.RunPython(name_the_unnamed, migrations.RunPython.noop, elidable=True),
        migrations.AlterField(
            model_name="user",
            name="display_name",
            field=models.CharField(blank=True, help_text="This name appears next to your contributions. A pseudonym is fine.", max_length=80, validators=[django.core.validators.RegexValidator("\\A[^\\x00-\\x1f\\x7f-\\x9f\\u2028\\u2029]*[^\\s\\x00-\\x1f\\x7f-\\x9f\\u2028\\u2029][^\\x00-\\x1f\\x7f-\\x9f\\u2028\\u2029]*\\Z", "Write this on one line, without line breaks or control characters.", code="single_line")], verbose_name="display name"),
        ),
        migrations.AddConstraint(
            model_name="user",
            constraint=models.CheckConstraint(condition=models.Q(models.Q(("display_name", ""), _negated=True), ("email__endswith", "@invalid.lapartcitoyenne.fr"), _connector="OR"), name="accounts_user_has_public_name"),
        ),
    ]

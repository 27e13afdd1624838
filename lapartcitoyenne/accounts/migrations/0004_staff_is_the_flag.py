"""Staff is the ``is_staff`` flag, not a group: the ``staff`` group granted nothing.

Whoever was put in the group was meant to be staff: they get the flag (and must then set up
TOTP, as every staff account), and the group goes, so that nobody ticks it again in vain.
"""

from django.db import migrations


def group_to_flag(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    User = apps.get_model("accounts", "User")
    group = Group.objects.filter(name="staff").first()
    if group is None:
        return
    User.objects.filter(groups=group, is_active=True).update(is_staff=True)
    group.delete()


def flag_to_group(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    User = apps.get_model("accounts", "User")
    group, _created = Group.objects.get_or_create(name="staff")
    group.user_set.add(*User.objects.filter(is_staff=True))


class Migration(migrations.Migration):
    dependencies = [("accounts", "0003_role_groups")]

    operations = [migrations.RunPython(group_to_flag, flag_to_group)]

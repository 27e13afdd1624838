"""How the apps read the host's people: the one public name, and roles from groups or the host's own check."""

import pytest
from django.contrib.auth.models import AnonymousUser

from consultations.identity import default_public_name, public_name
from consultations.moderation import can_moderate
from tests.factories import UserFactory


class HostUser:
    """A user model of another site, with the fields Django's own User has."""

    def __init__(self, username, full_name=""):
        self.username, self.full_name = username, full_name

    def get_username(self):
        return self.username

    def get_full_name(self):
        return self.full_name


def test_the_default_public_name_never_shows_an_email():
    assert default_public_name(HostUser("ines.b", "Inès B.")) == "Inès B."
    assert default_public_name(HostUser("ines.b")) == "ines.b"
    assert default_public_name(HostUser("ines@vierzon.fr")) == "Participant·e"


def test_a_user_models_own_public_name_wins(db):
    assert public_name(UserFactory(display_name="Awa")) == "Awa"
    assert public_name(None) == ""


def test_the_host_names_people_its_own_way(settings, db):
    settings.PARTICIPATION = {**settings.PARTICIPATION, "PUBLIC_NAME": "tests.consultations.test_host_identity.initials"}
    assert public_name(UserFactory(display_name="Awa Diallo")) == "A."


def initials(user):
    return f"{user.public_name[0]}."


@pytest.mark.django_db
def test_moderators_are_a_group_or_the_hosts_own_check(settings):
    in_group = UserFactory(roles=["moderator"])
    superuser = UserFactory()
    User = type(superuser)
    User.objects.filter(pk=superuser.pk).update(is_superuser=True)
    superuser = User.objects.get(pk=superuser.pk)
    assert can_moderate(in_group) and not can_moderate(superuser) and not can_moderate(AnonymousUser())
    settings.PARTICIPATION = {**settings.PARTICIPATION, "MODERATOR_CHECK": "tests.plugin_hosts.identity.is_superuser"}
    assert can_moderate(superuser) and not can_moderate(User.objects.get(pk=in_group.pk))

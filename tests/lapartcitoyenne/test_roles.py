"""Staff is the ``is_staff`` flag, the same everywhere: pages, API, admin, rules; role by role."""

import pytest
from django.contrib.auth.models import AnonymousUser, Group
from django.urls import reverse

from consultations.rules import is_moderator, is_staff_member
from tests.conftest import ROLES
from tests.factories import EventFactory, UserFactory

pytestmark = pytest.mark.django_db


def answers_for(user, client, api):
    event = EventFactory()
    return {
        "rule": is_staff_member(user or AnonymousUser()),
        "admin": client.get(reverse("admin:index")).status_code == 200,
        "statistics page": client.get(reverse("staff:statistics")).status_code == 200,
        "registrations link": reverse("consultations:event_registrations", args=[event.slug])
        in client.get(event.get_absolute_url()).text,
        "moderation log API": api.get("/api/moderation/log/").status_code == 200,
    }


@pytest.mark.parametrize("role", ROLES)
def test_staff_pages_api_admin_and_rules_agree_role_by_role(role, user_for_role, client_for, api_for):
    user = user_for_role(role)
    answers = answers_for(user, client_for(user), api_for(user))
    assert answers == dict.fromkeys(answers, role == "staff")


def test_a_staff_group_grants_nothing_and_does_not_exist(client_for, api_for):
    assert not Group.objects.filter(name="staff").exists()  # migration 0004 removed it
    pretender = UserFactory(roles=["staff"])  # whoever recreates a group of that name
    answers = answers_for(pretender, client_for(pretender), api_for(pretender))
    assert answers == dict.fromkeys(answers, False)


def test_the_staff_flag_alone_makes_staff(staff):
    assert not staff.groups.exists()
    assert is_staff_member(staff) and not is_moderator(staff)


def test_staff_without_totp_are_sent_to_set_it_up(staff_without_totp, client_for):
    response = client_for(staff_without_totp).get(reverse("admin:index"))
    assert response.status_code == 302 and response["Location"] == reverse("mfa_activate_totp")


def test_the_migration_makes_staff_of_the_staff_groups_members():
    from importlib import import_module

    from django.apps import apps

    migration = import_module("lapartcitoyenne.accounts.migrations.0004_staff_is_the_flag")
    member = UserFactory(roles=["staff"])
    migration.group_to_flag(apps, None)
    member.refresh_from_db()
    assert member.is_staff
    assert not Group.objects.filter(name="staff").exists()


def test_my_data_names_the_staff_role(staff, client_for):
    data = client_for(staff).get(reverse("my_data"), {"format": "json"}).json()
    assert data["account"]["roles"] == ["staff"]


def test_the_user_admin_says_where_each_role_is_decided(staff, client_for):
    staff.is_superuser = True
    staff.save()
    page = client_for(staff).get(reverse("admin:accounts_user_change", args=[staff.pk])).text
    assert "Le rôle équipe : l’administration" in page
    assert "L’équipe est la case ci-dessus, pas un groupe" in page

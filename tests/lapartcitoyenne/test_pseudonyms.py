"""Every account has a public name, however it was made; nothing falls back to the e-mail."""

import re

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from lapartcitoyenne.accounts.privacy import delete_account
from lapartcitoyenne.accounts.pseudonyms import SHORT, pseudonym_for_pk
from tests.factories import UserFactory

PSEUDONYM = re.compile(r"Habitant·e \d{4,6}")


@pytest.mark.django_db
def test_an_account_made_without_a_name_gets_a_pseudonym_not_its_email():
    user = get_user_model().objects.create_user(email="prenom.nom@example.org", password="x")
    assert PSEUDONYM.fullmatch(user.display_name), user.display_name
    assert user.public_name == str(user) == user.display_name
    assert "prenom" not in user.public_name


@pytest.mark.django_db
def test_createsuperuser_gets_a_pseudonym():
    call_command("createsuperuser", email="admin.secret@example.org", interactive=False, verbosity=0)
    admin = get_user_model().objects.get(email="admin.secret@example.org")
    assert PSEUDONYM.fullmatch(admin.display_name)


@pytest.mark.django_db
def test_an_account_added_in_the_admin_gets_a_pseudonym(client, staff):
    staff.is_superuser = True
    staff.save()
    client.force_login(staff)
    response = client.post(reverse("admin:accounts_user_add"), {
        "email": "ajout.admin@example.org", "usable_password": "true",
        "password1": "un-mot-de-passe-long-42", "password2": "un-mot-de-passe-long-42",
    })
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert PSEUDONYM.fullmatch(get_user_model().objects.get(email="ajout.admin@example.org").display_name)


@pytest.mark.django_db
def test_pseudonyms_do_not_repeat_a_name_already_taken(monkeypatch):
    taken = UserFactory(display_name="Habitant·e 1000").display_name
    draws = iter([0, 0, 7])  # the first two draws clash, the third is free
    monkeypatch.setattr("lapartcitoyenne.accounts.pseudonyms.secrets.randbelow", lambda n: next(draws))
    user = get_user_model().objects.create_user(email="nouveau@example.org")
    assert user.display_name == "Habitant·e 1007" != taken


@pytest.mark.django_db
def test_the_database_refuses_an_account_without_a_name():
    User = get_user_model()
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.bulk_create([User(email="sans.nom@example.org", display_name="")])


@pytest.mark.django_db
def test_a_name_cannot_be_emptied_in_my_account(client, citizen):
    client.force_login(citizen)
    response = client.post(reverse("profile"), {"display_name": "", "territory": ""})
    assert response.status_code == 200 and "Ce champ est obligatoire" in response.text
    citizen.refresh_from_db()
    assert citizen.display_name == "Awa"


@pytest.mark.django_db
def test_a_deleted_account_shows_as_deleted_not_as_a_pseudonym(citizen):
    delete_account(citizen)
    citizen.refresh_from_db()
    assert citizen.display_name == ""
    assert citizen.public_name == "Compte supprimé"


def test_an_unsaved_account_never_shows_its_email():
    user = get_user_model()(email="prenom.nom@example.org")
    assert user.public_name == "Participant·e"


def test_pseudonyms_from_ids_are_distinct_for_the_first_nine_thousand_accounts():
    names = {pseudonym_for_pk(pk) for pk in range(1, len(SHORT) + 1)}
    assert len(names) == len(SHORT)
    assert all(PSEUDONYM.fullmatch(name) for name in list(names)[:50])


@pytest.mark.django_db(transaction=True)
def test_the_migration_names_accounts_that_had_no_name():
    """Accounts made before sign-up asked for a name were shown as their e-mail's local part."""
    before = [("accounts", "0005_single_line_fields")]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    OldUser = executor.loader.project_state(before).apps.get_model("accounts", "User")
    unnamed = OldUser.objects.create(email="prenom.nom@example.org", password="!")
    named = OldUser.objects.create(email="awa@example.org", password="!", display_name="Awa")
    deleted = OldUser.objects.create(email="compte-supprime-9@invalid.lapartcitoyenne.fr", password="!")
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())  # back to where the other tests expect it
    User = apps.get_model("accounts", "User")
    assert User.objects.get(pk=unnamed.pk).display_name == pseudonym_for_pk(unnamed.pk)
    assert User.objects.get(pk=named.pk).display_name == "Awa"
    assert User.objects.get(pk=deleted.pk).display_name == ""

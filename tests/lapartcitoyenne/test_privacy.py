import io
import json
from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format

from consultations import services
from consultations.models import Registration, RegistrationStatus

from ..factories import EventFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_citizen_downloads_all_their_data(client, citizen):
    event = EventFactory(title="Journée régionale des conseils citoyens")
    services.register(event, citizen)
    client.force_login(citizen)
    page = client.get(reverse("my_data"))
    assert "Journée régionale des conseils citoyens" in page.text
    assert citizen.email in page.text
    download = client.get(reverse("my_data"), {"format": "json"})
    assert "attachment" in download["Content-Disposition"]
    data = json.loads(download.content)
    assert data["account"]["email"] == citizen.email
    assert data["consultations"]["registrations"][0]["event"] == "Journée régionale des conseils citoyens"


def test_the_readable_page_speaks_french(client, citizen):
    """Keys, sections, yes / no and dates as a French reader expects them, not as the JSON spells them."""
    event = EventFactory(title="Webinaire : la participation des habitants")
    services.register(event, citizen)
    registration = Registration.objects.get(user=citizen)
    client.force_login(citizen)
    page = client.get(reverse("my_data")).text
    for label in ["Compte", "Adresse e-mail", "Nom affiché", "Consultations et événements", "Inscriptions",
                  "Événement", "Inscription le", "Présence"]:
        assert label in page, label
    for key in ["display_name", "registered_at", "email_addresses", "attended"]:
        assert f">{key}<" not in page, key
    with translation.override("fr"):
        registered = date_format(timezone.localtime(registration.queued_at), "DATETIME_FORMAT")
    assert registered in page
    assert registration.queued_at.isoformat() not in page
    assert ">non<" in page  # not attended yet


def test_deleting_the_account_anonymises_it_and_frees_the_seat(client, citizen, django_capture_on_commit_callbacks):
    event = EventFactory(capacity=1)
    services.register(event, citizen)
    waiting = UserFactory()
    services.register(event, waiting)
    client.force_login(citizen)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("delete_account"), {"password": "mot-de-passe-solide-42", "confirm": "on"}, follow=True)
    assert "Votre compte a été supprimé" in response.text
    citizen.refresh_from_db()
    assert not citizen.is_active
    assert citizen.email.startswith("compte-supprime-")
    assert citizen.display_name == ""
    assert not EmailAddress.objects.filter(user=citizen).exists()
    assert event.registrations.get(user=waiting).status == RegistrationStatus.CONFIRMED
    assert not client.get(reverse("profile")).status_code == 200


def test_wrong_password_deletes_nothing(client, citizen):
    client.force_login(citizen)
    response = client.post(reverse("delete_account"), {"password": "pas-le-bon", "confirm": "on"})
    assert "Ce mot de passe est incorrect" in response.text
    citizen.refresh_from_db()
    assert citizen.is_active


def test_privacy_page_is_public_and_french(client):
    response = client.get(reverse("privacy"))
    assert response.status_code == 200
    assert "30 jours" in response.text


def test_retention_reports_the_rows_it_deleted_not_those_that_went_with_them():
    User = get_user_model()
    stale = UserFactory(verified=False)
    EmailAddress.objects.create(user=stale, email=stale.email, verified=False, primary=True)  # goes with it
    User.objects.filter(pk=stale.pk).update(date_joined=timezone.now() - timedelta(days=45))
    out = io.StringIO()

    call_command("apply_retention", stdout=out)

    assert "unverified accounts deleted: 1\n" in out.getvalue()
    assert not User.objects.filter(pk=stale.pk).exists()


def test_retention_rules(citizen):
    User = get_user_model()
    old = timezone.now() - timedelta(days=45)
    stale = UserFactory(verified=False)
    User.objects.filter(pk=stale.pk).update(date_joined=old)
    recent_unverified = UserFactory(verified=False)
    dormant = UserFactory()
    User.objects.filter(pk=dormant.pk).update(last_login=timezone.now() - timedelta(days=4 * 365))
    start = timezone.now() - timedelta(days=400)
    past_event = EventFactory(sessions=[(start, start + timedelta(hours=2), "Tours")])
    Registration.objects.create(event=past_event, user=citizen, status="cancelled", cancelled_at=start)
    kept = Registration.objects.create(event=past_event, user=recent_unverified, status="confirmed")

    call_command("apply_retention", stdout=open("/dev/null", "w"))

    assert not User.objects.filter(pk=stale.pk).exists()
    assert User.objects.filter(pk=recent_unverified.pk).exists()
    dormant.refresh_from_db()
    assert not dormant.is_active
    assert list(past_event.registrations.all()) == [kept]


def test_my_data_over_the_api_is_the_pages_download(client, api_for, citizen):
    services.register(EventFactory(title="Journée régionale des conseils citoyens"), citizen)
    client.force_login(citizen)
    download = json.loads(client.get(reverse("my_data"), {"format": "json"}).content)
    response = api_for(citizen).get("/api/me/data/")
    assert response.status_code == 200
    assert {"private", "no-store"} <= {part.strip() for part in response["Cache-Control"].split(",")}
    assert response.json() == download
    assert response.json()["account"]["email"] == citizen.email


def test_my_data_needs_an_account(api_for):
    response = api_for().get("/api/me/data/")
    assert response.status_code == 401 and response.json()["code"] == "not_authenticated"

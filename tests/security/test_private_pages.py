"""Personal pages and files are never kept by a browser's or a proxy's cache.

A shared computer's back button, or a proxy in between, must not show someone's data, their new API
token, a registrant list or the moderation queue to the next person.
"""

import pytest
from django.urls import reverse

from consultations.notifications import unsubscribe_token
from consultations.models import Follow, Registration
from participation.exports import services as export_services
from participation.exports.models import ExportJob
from tests.factories import ConsultationFactory, EventFactory

from .test_fuzz_inputs import routes

pytestmark = pytest.mark.django_db


def assert_private(response, url):
    directives = {part.strip() for part in response.get("Cache-Control", "").split(",")}
    assert {"private", "no-store"} <= directives, f"{url}: Cache-Control {response.get('Cache-Control')!r}"


def test_a_citizens_own_pages_are_private(client_for, citizen):
    client = client_for(citizen)
    event = EventFactory()
    Registration.objects.create(event=event, user=citizen, status="confirmed")
    for url in [reverse("my_data"), reverse("profile"), reverse("delete_account"),
                reverse("consultations:my_registrations"), reverse("consultations:my_consultations"),
                "/api/me/registrations/", "/api/me/consultations/"]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_private(response, url)
    download = client.get(reverse("my_data"), {"format": "json"})
    assert_private(download, "my data as JSON")


def test_the_profile_showing_a_new_token_is_private(client_for, citizen):
    client = client_for(citizen)
    response = client.post(reverse("regenerate_api_token"), follow=True)
    assert "jeton" in response.text.lower()
    assert_private(response, "profile after a new token")


def test_staff_and_moderation_pages_and_files_are_private(client_for, staff, moderator):
    event = EventFactory()
    staff_client, moderator_client = client_for(staff), client_for(moderator)
    job = ExportJob.objects.create(dataset="events", format="csv", requested_by=staff)
    export_services.run_job(job.pk)
    job.refresh_from_db()
    staff_urls = [
        reverse("consultations:event_registrations", args=[event.slug]),
        reverse("staff:statistics"),
        reverse("staff:statistics_table", args=["summary", "csv"]),
        reverse("exports:export"),
        reverse("exports:job", args=[job.pk]),
        reverse("exports:download", args=[export_services.download_token(job)]),
        reverse("moderation:log"),
        "/api/moderation/log/",
    ]
    for url in staff_urls:
        response = staff_client.get(url)
        assert response.status_code == 200, url
        assert_private(response, url)
    export = staff_client.post(reverse("exports:export"), {"dataset": "events", "format": "csv", "delimiter": ";"})
    assert_private(export, "a streamed export")
    for url in [reverse("moderation:queue"), reverse("moderation:blocks"), "/api/moderation/cases/"]:
        response = moderator_client.get(url)
        assert response.status_code == 200, url
        assert_private(response, url)


def test_a_signed_unsubscribe_link_is_private_to_a_visitor(client, citizen):
    follow = Follow.objects.create(consultation=ConsultationFactory(), user=citizen, email_notifications=True)
    url = reverse("consultations:unsubscribe", args=[unsubscribe_token("consultation", citizen.pk, follow.pk)])
    assert_private(client.get(url), url)


def test_every_page_a_signed_in_person_gets_is_private(client_for, citizen):
    """Walking every route without parameters: a page for someone signed in names them."""
    client = client_for(citizen)
    for template, _view in routes():
        if "{" in template:
            continue
        response = client.get("/" + template)
        if response.status_code == 200 and "public" not in response.get("Cache-Control", ""):
            assert_private(response, template)


def test_public_files_stay_cacheable_for_a_visitor(client):
    consultation = ConsultationFactory()
    response = client.get(reverse("exports:open_data_file", args=[consultation.slug, "proposals", "csv"]))
    assert response.status_code == 200
    assert "public" in response["Cache-Control"]
    assert "Cache-Control" not in client.get(reverse("consultations:programme"))

"""Staff export jobs over the API: start, progress, download, with the page's rules and refusals."""

from datetime import timedelta

import pytest
from django.utils import timezone

from participation.exports.models import ExportJob, ExportLog
from tests.conftest import ROLES

from .readers import read

# Run with the site (tokens and the site's API routes); the plugin host covers the pages.
pytestmark = pytest.mark.needs_apps("lapartcitoyenne")


def start(client, **payload):
    return client.post("/api/exports/jobs/", {"dataset": "registrations", "format": "csv", **payload}, format="json")


@pytest.mark.parametrize("role", ROLES)
def test_only_staff_export(role, user_for_role, api_for, frame):
    client = api_for(user_for_role(role))
    responses = [client.get("/api/exports/datasets/"), client.get("/api/exports/jobs/"), start(client, personal_data=True)]
    if role == "staff":
        assert [r.status_code for r in responses] == [200, 200, 202]
        assert "registrations" in [dataset["name"] for dataset in responses[0].json()]
    else:
        expected = 401 if role == "visitor" else 403
        assert [r.status_code for r in responses] == [expected] * 3
        assert not ExportJob.objects.exists() and not ExportLog.objects.exists()


def test_a_job_runs_and_its_file_downloads(staff, api_for, frame):
    client = api_for(staff)
    response = start(client, format="xlsx", consultation="quartiers-2025", personal_data=True)
    assert response.status_code == 202
    job = response.json()
    assert (job["status"], job["progress"], job["rows_done"]) == ("done", 100, 5)
    status = client.get(f"/api/exports/jobs/{job['id']}/").json()
    assert status["download"].endswith(f"/api/exports/jobs/{job['id']}/download/")
    download = client.get(status["download"])
    assert download.status_code == 200
    assert download["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert len(read("xlsx", b"".join(download.streaming_content))) == 1 + 5
    # A personal-data export is logged, as from the page.
    assert ExportLog.objects.get().row_count == 5


def test_a_csv_job_keeps_the_delimiter(staff, api_for, frame):
    client = api_for(staff)
    job = start(client, delimiter=";").json()
    content = b"".join(client.get(f"/api/exports/jobs/{job['id']}/download/").streaming_content)
    assert len(read("csv", content, delimiter=";")) == 1 + 6


@pytest.mark.parametrize(
    "payload, field",
    [
        ({"dataset": "inconnu"}, "dataset"),
        ({"consultation": "inconnue"}, "consultation"),
        ({"since": "2026-02-01", "until": "2026-01-01"}, "until"),
    ],
)
def test_an_invalid_request_says_what_is_wrong(payload, field, staff, api_for, frame):
    response = start(api_for(staff), **payload)
    assert response.status_code == 400
    assert response.json()["code"] == "invalid" and field in response.json()["errors"]
    assert response.json()["detail"].startswith(f"{field} : ")
    assert not ExportJob.objects.exists()


def test_a_job_not_done_or_expired_is_not_downloaded(staff, api_for, frame, time_machine):
    client = api_for(staff)
    running = ExportJob.objects.create(dataset="registrations", format="xlsx", requested_by=staff)
    response = client.get(f"/api/exports/jobs/{running.pk}/download/")
    assert response.status_code == 409 and response.json()["code"] == "not_ready"
    job = start(client).json()
    time_machine.move_to(timezone.now() + timedelta(days=30))
    response = client.get(f"/api/exports/jobs/{job['id']}/download/")
    assert response.status_code == 409 and response.json()["code"] == "expired"


def test_one_sees_only_ones_own_jobs(staff, api_for, frame):
    from tests.factories import UserFactory

    other = UserFactory(is_staff=True)
    theirs = ExportJob.objects.create(dataset="registrations", format="csv", requested_by=other)
    client = api_for(staff)
    assert client.get(f"/api/exports/jobs/{theirs.pk}/").status_code == 404
    assert client.get(f"/api/exports/jobs/{theirs.pk}/download/").status_code == 404
    assert client.get("/api/exports/jobs/99999999999999999999/").status_code == 404


def test_the_job_list_does_not_grow_in_queries(staff, api_for, db, django_assert_max_num_queries):
    client = api_for(staff)
    for size in (2, 15):
        for _ in range(size):
            ExportJob.objects.create(dataset="registrations", format="csv", requested_by=staff)
        with django_assert_max_num_queries(4):
            assert client.get("/api/exports/jobs/").status_code == 200


def test_staff_without_totp_get_no_staff_api(staff_without_totp, client_for, frame):
    """The API is no way around two-factor authentication: not by token, not by session."""
    from rest_framework.authtoken.models import Token
    from rest_framework.test import APIClient

    token = Token.objects.create(user=staff_without_totp)
    by_token = APIClient(HTTP_AUTHORIZATION=f"Token {token.key}")
    for response in (by_token.get("/api/statistics/"), by_token.post("/api/exports/jobs/", {"dataset": "registrations", "format": "csv"}, format="json")):
        assert response.status_code == 401 and response.json()["code"] == "two_factor_required"
    by_session = client_for(staff_without_totp).get("/api/exports/jobs/")
    assert by_session.status_code == 403 and by_session.json()["code"] == "two_factor_required"
    assert not ExportJob.objects.exists()

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from participation.exports import services
from participation.exports.models import ExportJob, ExportLog

from .conftest import register
from .readers import read

ROLES = ["visitor", "citizen", "council_member", "facilitator", "moderator", "staff"]


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.mark.parametrize("role", ROLES)
def test_only_staff_reach_the_export_page(role, user_for_role, client_for, frame):
    response = client_for(user_for_role(role)).get(reverse("exports:export"))
    if role == "staff":
        assert response.status_code == 200
        assert "Inscriptions aux événements et présence" in response.text
    elif role == "visitor":
        assert response.status_code == 302
    else:
        assert response.status_code == 403


@pytest.mark.parametrize("role", ["citizen", "facilitator", "moderator"])
def test_non_staff_cannot_post_an_export(role, user_for_role, client_for, frame):
    response = client_for(user_for_role(role)).post(
        reverse("exports:export"), {"dataset": "registrations", "format": "csv", "personal_data": "on"}
    )
    assert response.status_code == 403
    assert not ExportLog.objects.exists()


@pytest.mark.needs_apps("allauth.mfa")
def test_staff_without_totp_is_sent_to_set_it_up(client_for, staff_without_totp):
    response = client_for(staff_without_totp).get(reverse("exports:export"))
    assert response.status_code == 302
    assert "/compte/" in response["Location"]


def test_csv_streams_with_semicolons(client_for, staff, frame):
    response = client_for(staff).post(
        reverse("exports:export"),
        {"dataset": "registrations", "format": "csv", "delimiter": ";", "consultation": "quartiers-2025"},
    )
    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Type"].startswith("text/csv")
    rows = read("csv", body(response), delimiter=";")
    assert len(rows) == 1 + 5
    assert not ExportLog.objects.exists()


def test_personal_data_export_is_logged(client_for, staff, frame):
    response = client_for(staff).post(
        reverse("exports:export"), {"dataset": "registrations", "format": "json", "personal_data": "on"}
    )
    rows = read("json", body(response))
    assert "E-mail" in rows[0]
    log = ExportLog.objects.get()
    assert (log.user, log.dataset, log.format, log.row_count) == (staff, "registrations", "json", 6)


def test_personal_data_refused_for_a_dataset_without_any(client_for, staff, frame):
    response = client_for(staff).post(
        reverse("exports:export"), {"dataset": "events", "format": "csv", "personal_data": "on"}
    )
    assert response.status_code == 200
    assert "Ce jeu de données ne contient pas de données personnelles." in response.text


def test_xlsx_runs_as_a_job_with_an_expiring_link(client_for, staff, frame, time_machine):
    client = client_for(staff)
    response = client.post(
        reverse("exports:export"), {"dataset": "registrations", "format": "xlsx", "personal_data": "on"}
    )
    job = ExportJob.objects.get()
    assert response["Location"] == reverse("exports:job", args=[job.pk])
    assert job.status == ExportJob.Status.DONE and job.rows_done == 6 and job.progress == 100
    assert ExportLog.objects.get().row_count == 6
    page = client.get(response["Location"])
    assert "Télécharger le fichier" in page.text
    download = reverse("exports:download", args=[services.download_token(job)])
    rows = read("xlsx", body(client.get(download)))
    assert len(rows) == 7 and "E-mail" in rows[0]
    # Another staff member cannot use the link; after 24 hours nobody can.
    from tests.factories import UserFactory, with_totp

    other = with_totp(UserFactory(is_staff=True))
    assert client_for(other).get(download).status_code == 403
    time_machine.move_to(timezone.now() + timedelta(hours=25))
    assert client.get(download).status_code == 404
    call_command("purge_expired_exports", stdout=__import__("io").StringIO())
    assert not ExportJob.objects.exists()


def test_job_page_polls_while_running(client_for, staff, frame):
    job = ExportJob.objects.create(dataset="events", format="ods", requested_by=staff, status="running", rows_done=5000)
    response = client_for(staff).get(reverse("exports:job", args=[job.pk]), headers={"HX-Request": "true"})
    assert 'hx-trigger="every 2s"' in response.text
    assert "Actualiser" in response.text
    assert "<html" not in response.text


def test_ods_job_reads_back(client_for, staff, frame):
    client = client_for(staff)
    client.post(reverse("exports:export"), {"dataset": "event_sessions", "format": "ods"})
    job = ExportJob.objects.get()
    rows = read("ods", body(client.get(reverse("exports:download", args=[services.download_token(job)]))))
    assert len(rows) == 4


def test_forged_download_token(client_for, staff, frame):
    assert client_for(staff).get(reverse("exports:download", args=["1:forged"])).status_code == 404


@pytest.mark.parametrize("count", [3, 30])
def test_export_query_count_does_not_grow_with_rows(count, client_for, staff, frame, django_assert_max_num_queries):
    from tests.factories import UserFactory

    event = frame["events"][0]
    for _ in range(count):
        register(event, UserFactory())
    client = client_for(staff)
    with django_assert_max_num_queries(12):
        response = client.post(reverse("exports:export"), {"dataset": "registrations", "format": "csv", "personal_data": "on"})
        assert len(read("csv", body(response))) == 1 + 6 + count


def test_command_line_export(frame, tmp_path, staff):
    from django.core.management import call_command

    target = tmp_path / "inscriptions.csv"
    call_command("export", "registrations", "--format", "csv", "--delimiter", ";", "--event", "journee-regionale", "-o", str(target))
    assert len(read("csv", target.read_bytes(), delimiter=";")) == 4
    target = tmp_path / "inscriptions.xlsx"
    call_command("export", "registrations", "--format", "xlsx", "--personal-data", "--as-user", staff.email, "-o", str(target))
    assert len(read("xlsx", target.read_bytes())) == 7
    assert ExportLog.objects.get().row_count == 6


def test_command_line_refuses_personal_data_without_a_staff_member(frame, tmp_path):
    from django.core.management import CommandError, call_command

    with pytest.raises(CommandError):
        call_command("export", "registrations", "--personal-data", "-o", str(tmp_path / "x.csv"))


def test_demo_registrations_are_idempotent(frame):
    from consultations.models import Registration
    from participation.exports.demo import load_demo

    load_demo()
    count = Registration.objects.count()
    assert count > 6  # the frame's two past events received demo participants
    load_demo()
    assert Registration.objects.count() == count
    assert Registration.objects.filter(attended=True).count() > 0


def test_a_failing_export_shows_as_failed(client_for, staff, frame, monkeypatch):
    from participation.exports import engine as export_engine

    def broken(*args, **kwargs):
        raise RuntimeError("disque plein")

    monkeypatch.setattr(export_engine, "write_xlsx", broken)
    client = client_for(staff)
    client.post(reverse("exports:export"), {"dataset": "events", "format": "xlsx"})
    job = ExportJob.objects.get()
    assert job.status == ExportJob.Status.FAILED and "disque plein" in job.error
    assert "L’export a échoué" in client.get(reverse("exports:job", args=[job.pk])).text


def test_command_line_writes_to_standard_output(frame, capfdbinary):
    from django.core.management import call_command

    call_command("export", "event_sessions", "--format", "csv", "--delimiter", ";", "-o", "-")
    output = capfdbinary.readouterr().out
    assert len(read("csv", output, delimiter=";")) == 4


def test_open_data_answers_head_requests(client, frame):
    response = client.head(reverse("exports:open_data_file", args=["quartiers-2025", "events", "csv"]))
    assert response.status_code == 200


def test_the_page_says_which_filters_each_dataset_takes(client_for, staff, frame):
    page = client_for(staff).get(reverse("exports:export")).text
    assert "Filtres : consultation, événement, du, au, thématique, territoire." in page


def test_an_xlsx_past_a_sheet_reports_every_row_it_holds(client_for, staff, frame, tmp_path, monkeypatch, capsys):
    """The command and the staff job say how many rows the file holds, across its sheets."""
    import openpyxl
    from django.core.management import call_command

    from participation.exports import formats

    monkeypatch.setattr(formats, "XLSX_ROWS_PER_SHEET", 4)
    target = tmp_path / "inscriptions.xlsx"
    call_command("export", "registrations", "--format", "xlsx", "-o", str(target))
    assert "6 rows exported." in capsys.readouterr().err
    workbook = openpyxl.load_workbook(target, read_only=True)
    assert [len(list(sheet.iter_rows())) for sheet in workbook.worksheets] == [5, 3]
    client_for(staff).post(reverse("exports:export"), {"dataset": "registrations", "format": "xlsx"})
    assert ExportJob.objects.get().rows_done == 6

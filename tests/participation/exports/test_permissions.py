import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from participation.exports.models import ExportJob, ExportLog

ROLES = ["visitor", "citizen", "council_member", "facilitator", "moderator", "staff"]
PERMISSIONS = ["exports.export_data", "exports.export_personal_data", "exports.view_statistics"]


@pytest.mark.parametrize("perm", PERMISSIONS)
@pytest.mark.parametrize("role", ROLES)
def test_only_staff_export_and_see_statistics(role, perm, user_for_role):
    user = user_for_role(role) or AnonymousUser()
    assert user.has_perm(perm) is (role == "staff")


@pytest.mark.parametrize("role", ROLES)
def test_only_the_requester_sees_a_job(role, user_for_role, staff):
    job = ExportJob.objects.create(dataset="events", format="xlsx", requested_by=staff)
    user = user_for_role(role) or AnonymousUser()
    assert user.has_perm("exports.view_job", job) is (role == "staff")
    from tests.factories import UserFactory

    assert not UserFactory(is_staff=True).has_perm("exports.view_job", job)


@pytest.mark.needs_apps("django.contrib.admin")
def test_the_log_is_read_only_in_the_admin(client_for, staff, frame):
    staff.is_superuser = True
    staff.save()
    log = ExportLog.objects.create(user=staff, user_email=staff.email, dataset="registrations", format="csv", row_count=6)
    client = client_for(staff)
    assert client.get(reverse("admin:exports_exportlog_changelist")).status_code == 200
    page = client.get(reverse("admin:exports_exportlog_change", args=[log.pk]))
    assert page.status_code == 200
    assert 'name="_save"' not in page.text and 'name="dataset"' not in page.text
    assert client.get(reverse("admin:exports_exportlog_add")).status_code == 403
    assert client.post(reverse("admin:exports_exportlog_delete", args=[log.pk]), {"post": "yes"}).status_code == 403
    assert ExportLog.objects.filter(pk=log.pk).exists()

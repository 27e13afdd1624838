import pytest

from consultations.admin import ConsultationAdminForm
from consultations.models import Consultation

pytestmark = pytest.mark.django_db


def form_data(**extra):
    return {"slug": "conseils-citoyens", "title": "Conseils citoyens", "visibility": "draft", **extra}


def test_staff_choose_the_tools_among_the_registered_ones():
    form = ConsultationAdminForm(data=form_data(tools=["surveys"]))
    assert ("surveys", "Questionnaire") in [(name, str(label)) for name, label in form.fields["tools"].choices]
    assert form.is_valid(), form.errors
    assert form.save().tools == ["surveys"]


def test_an_unknown_tool_is_refused():
    form = ConsultationAdminForm(data=form_data(tools=["surveys", "sondage-inconnu"]))
    assert not form.is_valid()
    assert "tools" in form.errors
    assert not Consultation.objects.exists()


def test_the_admin_publishes_a_synthesis_and_tells_the_followers(staff, client_for, citizen, django_capture_on_commit_callbacks):
    from django.core import mail

    from consultations import services

    from ..factories import ConsultationFactory

    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import TOTP

    staff.is_superuser = True
    staff.save()
    if not Authenticator.objects.filter(user=staff, type=Authenticator.Type.TOTP).exists():
        TOTP.activate(staff, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")  # the site requires it for the admin
    consultation = ConsultationFactory(synthesis="Les messages clés de la journée.")
    services.follow(consultation, citizen)
    client = client_for(staff)
    for page in ("consultations/consultation", "surveys/questionnaire", "surveys/question"):
        assert client.get(f"/admin/{page}/add/").status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/admin/consultations/consultation/",
            {"action": "publish_synthesis", "_selected_action": [consultation.pk]},
        )
    consultation.refresh_from_db()
    assert consultation.synthesis_published_at is not None
    assert [message.to for message in mail.outbox] == [[citizen.email]]

from datetime import timedelta

import pytest
from django.test import Client
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from consultations import services
from consultations.notifications import unsubscribe_token
from consultations.models import Follow, Step, StepKind, Visibility

from ..conftest import ROLES
from ..factories import ConsultationFactory, StepFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("role", ROLES + ["unverified_user"])
def test_who_may_join_a_consultation(role, user_for_role, client_for):
    consultation = ConsultationFactory()
    user = user_for_role(role)
    response = client_for(user).post(f"/consultations/{consultation.slug}/rejoindre/", follow=True)
    joined = Follow.objects.filter(consultation=consultation).exists()
    assert joined is (role not in ("visitor", "unverified_user"))
    if role == "unverified_user":
        assert "Veuillez vérifier votre adresse électronique" in response.content.decode()


def test_a_draft_consultation_cannot_be_joined(citizen, client_for):
    consultation = ConsultationFactory(visibility=Visibility.DRAFT)
    response = client_for(citizen).post(f"/consultations/{consultation.slug}/rejoindre/")
    assert response.status_code == 404
    assert not Follow.objects.exists()


def test_join_shows_in_my_space_then_leave(citizen, client_for):
    consultation = ConsultationFactory(title="Engagé-es pour nos quartiers")
    client = client_for(citizen)
    response = client.post(f"/consultations/{consultation.slug}/rejoindre/", follow=True)
    assert "Vous avez rejoint cette consultation." in response.content.decode()
    assert "Quitter cette consultation" in response.content.decode()
    assert "Engagé-es pour nos quartiers" in client.get("/mes-consultations/").content.decode()
    client.post(f"/consultations/{consultation.slug}/quitter/", {"next": "my_consultations"})
    assert "Engagé-es" not in client.get("/mes-consultations/").content.decode()


@pytest.mark.parametrize("size", [1, 6])
def test_my_consultations_queries_do_not_grow(size, citizen, client_for, django_assert_max_num_queries):
    for _ in range(size):
        consultation = ConsultationFactory()
        StepFactory(consultation=consultation)
        services.follow(consultation, citizen)
    client = client_for(citizen)
    with django_assert_max_num_queries(8):
        assert client.get("/mes-consultations/").status_code == 200


def test_followers_are_emailed_once_when_a_step_opens(citizen, django_capture_on_commit_callbacks):
    consultation = ConsultationFactory(title="Transition écologique dans les QPV")
    now = timezone.now()
    opening = StepFactory(consultation=consultation, title="Questionnaire", kind=StepKind.QUESTIONNAIRE,
                          starts_at=now - timedelta(hours=1), ends_at=now + timedelta(days=5))
    later = StepFactory(consultation=consultation, starts_at=now + timedelta(days=5), ends_at=now + timedelta(days=9))
    services.follow(consultation, citizen)
    quiet = UserFactory()
    services.follow(consultation, quiet)
    services.stop_emails(Follow.objects.get(user=quiet).pk)

    with django_capture_on_commit_callbacks(execute=True):
        call_command("notify_step_openings", stdout=open("/dev/null", "w"))
    with django_capture_on_commit_callbacks(execute=True):
        call_command("notify_step_openings", stdout=open("/dev/null", "w"))

    (message,) = mail.outbox
    assert message.to == [citizen.email]
    assert message.subject == "Transition écologique dans les QPV : « Questionnaire » est ouverte"
    unsubscribe = message.extra_headers["List-Unsubscribe"].strip("<>")
    assert unsubscribe in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert Step.objects.get(pk=opening.pk).announced_at is not None
    assert Step.objects.get(pk=later.pk).announced_at is None


def test_steps_of_a_draft_wait_and_closed_steps_send_nothing(citizen, django_capture_on_commit_callbacks):
    now = timezone.now()
    draft = ConsultationFactory(visibility=Visibility.DRAFT)
    StepFactory(consultation=draft, starts_at=now - timedelta(hours=1))
    public = ConsultationFactory()
    closed = StepFactory(consultation=public, starts_at=now - timedelta(days=9), ends_at=now - timedelta(days=2))
    services.follow(public, citizen)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.announce_due_steps() == []
    assert mail.outbox == []
    assert Step.objects.get(pk=closed.pk).announced_at is not None
    assert Step.objects.filter(consultation=draft, announced_at__isnull=True).exists()


def test_one_click_unsubscribe_works_without_login(client, citizen):
    consultation = ConsultationFactory(title="Conseils citoyens")
    membership, _created = services.follow(consultation, citizen)
    url = f"/desabonnement/{unsubscribe_token("consultation", citizen.pk, membership.pk)}/"
    page = client.get(url)
    assert "Ne plus recevoir de courriels au sujet de « Conseils citoyens » ?" in page.content.decode()
    assert Follow.objects.get(pk=membership.pk).email_notifications is True
    # What a mail client does on List-Unsubscribe-Post: a bare POST, no CSRF token.


    response = Client(enforce_csrf_checks=True).post(url, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert not Follow.objects.get(pk=membership.pk).email_notifications


def test_a_forged_unsubscribe_token_is_refused(client, citizen):
    consultation = ConsultationFactory()
    membership, _created = services.follow(consultation, citizen)
    token = unsubscribe_token("consultation", citizen.pk, membership.pk)
    assert client.post(f"/desabonnement/{token[:-2]}xx/").status_code == 404
    assert Follow.objects.get(pk=membership.pk).email_notifications


def test_publishing_the_synthesis_tells_the_followers_once(citizen, django_capture_on_commit_callbacks):
    consultation = ConsultationFactory(title="Évaluation du contrat de ville", synthesis="Merci à toutes et tous.")
    services.follow(consultation, citizen)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.publish_synthesis(consultation)
    with django_capture_on_commit_callbacks(execute=True):
        assert not services.publish_synthesis(consultation)
    (message,) = mail.outbox
    assert message.subject == "Évaluation du contrat de ville : la synthèse est publiée"


def test_step_emails_go_through_the_tasks_framework_after_commit(citizen, django_capture_on_commit_callbacks):
    from django.tasks import Task

    from consultations.tasks import send_step_opened_email

    consultation = ConsultationFactory()
    StepFactory(consultation=consultation, starts_at=timezone.now() - timedelta(minutes=5))
    services.follow(consultation, citizen)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.announce_due_steps()
    assert isinstance(send_step_opened_email, Task)
    assert len(callbacks) == 1 and mail.outbox == []
    callbacks[0]()
    assert len(mail.outbox) == 1


def test_an_unsubscribe_link_sent_before_topics_existed_still_works(citizen):
    from django.core import signing

    from consultations.notifications import UNSUBSCRIBE_SALT

    membership, _created = services.follow(ConsultationFactory(title="Conseils citoyens"), citizen)
    token = signing.dumps({"follow": membership.pk, "user": citizen.pk}, salt=UNSUBSCRIBE_SALT)
    response = Client(enforce_csrf_checks=True).post(f"/desabonnement/{token}/")
    assert "Vous ne recevrez plus de courriels au sujet de « Conseils citoyens »." in response.text
    assert not Follow.objects.get(pk=membership.pk).email_notifications

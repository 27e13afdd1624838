"""Citizen initiatives: a collection period, and the news told once to the author, supporters and staff."""

import io
from datetime import timedelta

import pytest
from django.apps import apps
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone

from consultations.refusals import Refused
from participation.proposals import services
from participation.proposals.models import Proposal
from tests.factories import UserFactory

from .factories import ProposalFactory, consultation_with_step, support

pytestmark = pytest.mark.django_db


def subjects_by_recipient():
    return sorted((message.to[0], message.subject) for message in mail.outbox)


def test_a_new_initiative_collects_for_the_default_period(citizen, settings):
    settings.PARTICIPATION = {**settings.PARTICIPATION, "INITIATIVE_COLLECTION_DAYS": 30}
    before = timezone.now()
    initiative = services.create_proposal(citizen, title="Un jardin partagé", body="Rue des Lilas.")
    assert before + timedelta(days=30) <= initiative.collection_ends_at <= timezone.now() + timedelta(days=30)


def test_the_deadline_is_on_the_page_and_in_the_api(client_for, api_for, time_machine):
    time_machine.move_to("2026-12-01 10:00 +01:00")
    initiative = ProposalFactory(consultation=None, collection_ends_at=timezone.now() + timedelta(days=60))
    page = client_for(None).get(initiative.get_absolute_url()).content.decode()
    assert "Les soutiens sont recueillis jusqu’au 30 janvier 2027." in page
    data = api_for().get(f"/api/proposals/{initiative.pk}/").json()
    assert data["collection_ends_at"] == "2027-01-30T10:00:00+01:00"


def test_supports_after_the_deadline_are_refused(citizen, api_for, client_for, time_machine):
    initiative = ProposalFactory(consultation=None, collection_ends_at=timezone.now() + timedelta(days=1))
    time_machine.move_to(timezone.now() + timedelta(days=2))
    with pytest.raises(Refused) as refused:
        services.cast_support(citizen, initiative)
    assert (refused.value.code, refused.value.message) == (
        "collection_closed", "La collecte de soutiens de cette initiative est terminée."
    )
    response = api_for(citizen).post(f"/api/proposals/{initiative.pk}/support/", {}, format="json")
    assert response.status_code == 409
    assert response.json() == {
        "detail": "La collecte de soutiens de cette initiative est terminée.", "code": "collection_closed"
    }
    assert "La collecte de soutiens s’est terminée le" in client_for(citizen).get(initiative.get_absolute_url()).text
    assert Proposal.objects.get(pk=initiative.pk).support_count == 0


def test_reaching_the_threshold_tells_author_supporters_and_staff_once(
    citizen, staff, django_capture_on_commit_callbacks
):
    author = UserFactory()
    initiative = ProposalFactory(consultation=None, author=author, support_threshold=2, title="Un jardin partagé")
    first = UserFactory()
    support(initiative, first)
    with django_capture_on_commit_callbacks(execute=True):
        services.cast_support(citizen, initiative)
    subject = "L’initiative « Un jardin partagé » a atteint son seuil"
    assert subjects_by_recipient() == sorted(
        (person.email, subject) for person in (author, first, citizen, staff)
    )
    staff_message = next(m for m in mail.outbox if m.to == [staff.email])
    # Where to answer it: the admin, or the proposal's page in a host without the admin.
    answer_page = (
        f"/admin/proposals/proposal/{initiative.pk}/change/"
        if apps.is_installed("django.contrib.admin")
        else initiative.get_absolute_url()
    )
    assert answer_page in staff_message.body
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.cast_support(UserFactory(), initiative)  # past the threshold: nothing new to tell
    assert mail.outbox == []


def test_the_end_of_the_collection_is_told_once_by_close_initiatives(
    citizen, staff, time_machine, django_capture_on_commit_callbacks
):
    initiative = ProposalFactory(consultation=None, support_threshold=10, title="Un jardin partagé",
                                 collection_ends_at=timezone.now() + timedelta(days=1))
    withdrawn = ProposalFactory(consultation=None, collection_ends_at=timezone.now() + timedelta(days=1),
                                state="withdrawn", withdrawal_reason="Doublon")
    still_open = ProposalFactory(consultation=None, collection_ends_at=timezone.now() + timedelta(days=9))
    support(initiative, citizen)
    time_machine.move_to(timezone.now() + timedelta(days=2))
    out = []
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            out.append(call_command_output("close_initiatives"))
    assert out == ["initiatives closed: 2\n", "initiatives closed: 0\n"]
    subject = "La collecte de soutiens pour « Un jardin partagé » est terminée"
    assert subjects_by_recipient() == sorted(
        (person.email, subject) for person in (initiative.author, citizen, staff)
    )
    assert "Elle n’a pas atteint son seuil de 10 soutiens." in mail.outbox[0].body
    assert Proposal.objects.get(pk=withdrawn.pk).collection_closed_at is not None
    assert Proposal.objects.get(pk=still_open.pk).collection_closed_at is None


def call_command_output(name):
    out = io.StringIO()
    call_command(name, stdout=out)
    return out.getvalue()


def test_a_consultation_proposal_has_no_collection_period():
    proposal = ProposalFactory(consultation=consultation_with_step(), support_threshold=None)
    proposal.collection_ends_at = timezone.now()
    with pytest.raises(ValidationError) as error:
        proposal.full_clean()
    assert "collection_ends_at" in error.value.message_dict

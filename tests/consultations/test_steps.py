"""A consultation's steps follow one another; the step shown open is the one that accepts actions."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from consultations.models import Step, StepKind

from ..admin_forms import post_change_form
from ..factories import ConsultationFactory, StepFactory

pytestmark = pytest.mark.django_db

NOW = timezone.now().replace(microsecond=0)
OVERLAP = "Cette étape chevauche l’étape « Informer »"


def _two_steps(consultation):
    informing = StepFactory(
        consultation=consultation, kind=StepKind.INFORMATION, title="Informer", position=1,
        starts_at=NOW - timedelta(days=10), ends_at=NOW - timedelta(days=2),
    )
    supporting = StepFactory(
        consultation=consultation, kind=StepKind.SUPPORTS, title="Soutenir", position=2,
        starts_at=NOW - timedelta(days=2), ends_at=NOW + timedelta(days=10),
    )
    return informing, supporting


def _local(moment):
    moment = timezone.localtime(moment)
    return moment.strftime("%d/%m/%Y"), moment.strftime("%H:%M:%S")


def test_a_step_overlapping_another_is_refused_with_a_french_message():
    consultation = ConsultationFactory()
    _two_steps(consultation)
    step = Step(consultation=consultation, kind=StepKind.QUESTIONNAIRE, title="Questionnaire",
                starts_at=NOW - timedelta(days=3), ends_at=NOW + timedelta(days=1))
    with pytest.raises(ValidationError) as error:
        step.full_clean()
    assert OVERLAP in error.value.message_dict["starts_at"][0]
    # Touching ends are fine: one step ends when the next starts.
    Step(consultation=consultation, kind=StepKind.SYNTHESIS, title="Synthèse",
         starts_at=NOW + timedelta(days=10), ends_at=NOW + timedelta(days=20)).full_clean()


def test_the_admin_refuses_overlapping_steps_next_to_the_field(admin_client_2fa):
    consultation = ConsultationFactory()
    _two_steps(consultation)
    start_day, start_time = _local(NOW - timedelta(days=5))
    response = post_change_form(
        admin_client_2fa,
        f"/admin/consultations/consultation/{consultation.pk}/change/",
        **{"steps-1-starts_at_0": start_day, "steps-1-starts_at_1": start_time},
    )
    assert response.status_code == 200
    (inline,) = [f for f in response.context["inline_admin_formsets"] if f.formset.prefix == "steps"]
    errors = inline.formset.forms[1].errors
    assert OVERLAP in errors["starts_at"][0]
    assert Step.objects.get(title="Soutenir").starts_at == NOW - timedelta(days=2)


def test_the_admin_refuses_two_new_overlapping_steps_submitted_together(admin_client_2fa):
    consultation = ConsultationFactory()
    _two_steps(consultation)
    day, time = _local(NOW + timedelta(days=20))
    end_day, end_time = _local(NOW + timedelta(days=30))
    extra = {}
    for index, title in ((2, "A"), (3, "B")):
        extra.update({
            f"steps-{index}-position": "3", f"steps-{index}-kind": "synthesis", f"steps-{index}-title": title,
            f"steps-{index}-starts_at_0": day, f"steps-{index}-starts_at_1": time,
            f"steps-{index}-ends_at_0": end_day, f"steps-{index}-ends_at_1": end_time,
        })
    extra["steps-TOTAL_FORMS"] = "4"
    response = post_change_form(admin_client_2fa, f"/admin/consultations/consultation/{consultation.pk}/change/", **extra)
    assert response.status_code == 200
    assert "Cette étape chevauche l’étape « " in response.text
    assert consultation.steps.count() == 2


def test_the_admin_accepts_moving_two_steps_at_once(admin_client_2fa):
    consultation = ConsultationFactory()
    _two_steps(consultation)
    boundary = NOW - timedelta(days=4)
    day, time = _local(boundary)
    response = post_change_form(
        admin_client_2fa,
        f"/admin/consultations/consultation/{consultation.pk}/change/",
        **{"steps-0-ends_at_0": day, "steps-0-ends_at_1": time,
           "steps-1-starts_at_0": day, "steps-1-starts_at_1": time},
    )
    assert response.status_code == 302, response.context["errors"] if response.context else response
    assert Step.objects.get(title="Soutenir").starts_at == boundary


def _overlapping_legacy_steps(consultation):
    """Rows written before the rule existed (SQLite has no exclusion constraint)."""
    Step.objects.bulk_create([
        Step(consultation=consultation, kind=StepKind.INFORMATION, title="Informer", position=1,
             starts_at=NOW - timedelta(days=5), ends_at=NOW + timedelta(days=5)),
        Step(consultation=consultation, kind=StepKind.SUPPORTS, title="Soutenir", position=2,
             starts_at=NOW - timedelta(days=1), ends_at=NOW + timedelta(days=10)),
    ])


@pytest.mark.skipif(connection.vendor == "postgresql", reason="PostgreSQL refuses the rows themselves (test below)")
def test_with_overlapping_rows_the_page_and_the_api_show_one_open_step_the_one_that_counts(client):
    consultation = ConsultationFactory(tools=["proposals"])
    _overlapping_legacy_steps(consultation)
    page = client.get(consultation.get_absolute_url()).text
    assert page.count('aria-current="step"') == 1
    data = client.get(f"/api/consultations/{consultation.slug}/").json()
    assert [step["state"] for step in data["steps"]] == ["open", "upcoming"]
    assert consultation.current_step().title == "Informer"
    assert [s.is_open() for s in consultation.steps.order_by("position")] == [True, False]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the exclusion constraint exists on PostgreSQL only")
def test_postgresql_refuses_overlapping_steps_however_they_are_written():
    consultation = ConsultationFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        _overlapping_legacy_steps(consultation)
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")

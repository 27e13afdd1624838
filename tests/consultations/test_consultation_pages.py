from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from consultations.models import StepKind, Visibility

from ..conftest import ROLES
from ..factories import ConsultationFactory, StepFactory, TerritoryFactory, ThemeFactory

pytestmark = pytest.mark.django_db
START = timezone.now().replace(microsecond=0)


def consultation_with_steps(**kwargs):
    consultation = ConsultationFactory(**kwargs)
    StepFactory(consultation=consultation, kind=StepKind.INFORMATION, title="Découvrir l'évaluation", position=1,
                starts_at=START, ends_at=START + timedelta(days=10))
    StepFactory(consultation=consultation, kind=StepKind.QUESTIONNAIRE, title="Donner son avis", position=2,
                starts_at=START + timedelta(days=10), ends_at=START + timedelta(days=20))
    StepFactory(consultation=consultation, kind=StepKind.SYNTHESIS, title="Synthèse", position=3,
                starts_at=START + timedelta(days=20), ends_at=START + timedelta(days=40))
    return consultation


@pytest.mark.parametrize(
    "moment, now_text, next_text",
    [
        (timedelta(days=-1), "Aucune étape n’est ouverte en ce moment.", "Découvrir l&#x27;évaluation"),
        (timedelta(days=12), "Donner son avis", "Synthèse"),
        (timedelta(days=50), "Aucune étape n’est ouverte en ce moment.", "Aucune étape à venir."),
    ],
    ids=["before", "during", "after"],
)
def test_the_page_shows_what_is_open_now_and_what_is_next(client, moment, now_text, next_text):
    consultation = consultation_with_steps()
    with time_machine.travel(START + moment, tick=False):
        page = client.get(consultation.get_absolute_url()).content.decode()
    now_box = page.split('id="now-title"')[1].split("</section>")[0]
    next_box = page.split('id="next-title"')[1].split("</section>")[0]
    assert now_text in now_box
    assert next_text in next_box


def test_the_timeline_lists_steps_in_order_and_marks_the_open_one(client):
    consultation = consultation_with_steps()
    with time_machine.travel(START + timedelta(days=12), tick=False):
        page = client.get(consultation.get_absolute_url()).content.decode()
    timeline = page.split('class="timeline"')[1]
    assert timeline.index("Découvrir") < timeline.index("Donner son avis") < timeline.index("Synthèse")
    assert 'class="step-open" aria-current="step"' in timeline
    assert timeline.count("step-closed") == 1 and timeline.count("step-upcoming") == 1


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("visibility", [Visibility.DRAFT, Visibility.PRIVATE, Visibility.PUBLIC])
def test_who_sees_a_consultation(role, visibility, user_for_role, client_for):
    consultation = consultation_with_steps(visibility=visibility, title="Conseil citoyen des Clos")
    client = client_for(user_for_role(role))
    page = client.get(consultation.get_absolute_url())
    listed = "Conseil citoyen des Clos" in client.get("/consultations/?period=open").content.decode()
    api = client.get(f"/api/consultations/{consultation.slug}/")
    visible = visibility == Visibility.PUBLIC or role == "staff"
    assert page.status_code == (200 if visible else 404)
    assert listed is visible
    assert api.status_code == (200 if visible else 404)


def test_members_of_a_private_consultation_see_it(citizen, client_for):
    consultation = consultation_with_steps(visibility=Visibility.PRIVATE)
    consultation.members.add(citizen)
    assert client_for(citizen).get(consultation.get_absolute_url()).status_code == 200


def test_the_list_splits_open_upcoming_and_closed(client):
    open_now = ConsultationFactory(title="Transition écologique dans les QPV")
    StepFactory(consultation=open_now, starts_at=START - timedelta(days=1), ends_at=START + timedelta(days=5))
    upcoming = ConsultationFactory(title="Engagé-es pour nos quartiers")
    StepFactory(consultation=upcoming, starts_at=START + timedelta(days=3), ends_at=START + timedelta(days=5))
    closed = ConsultationFactory(title="Évaluation 2024")
    StepFactory(consultation=closed, starts_at=START - timedelta(days=9), ends_at=START - timedelta(days=5))
    with time_machine.travel(START, tick=False):
        pages = {p: client.get(f"/consultations/?period={p}").content.decode() for p in ("open", "upcoming", "closed")}
    assert "Transition écologique" in pages["open"] and "Engagé-es" not in pages["open"]
    assert "Engagé-es" in pages["upcoming"] and "Évaluation 2024" not in pages["upcoming"]
    assert "Évaluation 2024" in pages["closed"] and "Transition" not in pages["closed"]


def test_the_list_filters_by_theme_and_territory_including_places_inside(client):
    region = TerritoryFactory(name="Centre-Val de Loire", slug="centre-val-de-loire")
    town = TerritoryFactory(name="Orléans", slug="orleans", parent=region)
    other = TerritoryFactory(name="Tours", slug="tours")
    theme = ThemeFactory(slug="cohesion-sociale", name="Cohésion sociale")
    inside = ConsultationFactory(title="Quartier de La Source", territory=town, theme=theme)
    outside = ConsultationFactory(title="Quartier du Sanitas", territory=other)
    for consultation in (inside, outside):
        StepFactory(consultation=consultation)
    page = client.get("/consultations/?period=open&territory=centre-val-de-loire").content.decode()
    assert "La Source" in page and "Sanitas" not in page
    page = client.get("/consultations/?period=open&theme=cohesion-sociale").content.decode()
    assert "La Source" in page and "Sanitas" not in page
    assert client.get("/consultations/?territory=nulle-part").status_code == 200


@pytest.mark.parametrize("size", [2, 8])
def test_the_list_queries_do_not_grow(size, citizen, client_for, django_assert_max_num_queries):
    for _ in range(size):
        consultation_with_steps(theme=ThemeFactory(), territory=TerritoryFactory())
    client = client_for(citizen)
    with django_assert_max_num_queries(9):
        page = client.get("/consultations/?period=open")
    assert page.content.decode().count('class="card"') == size


def test_the_synthesis_shows_once_published(client):
    consultation = consultation_with_steps(synthesis="Les habitant·es demandent **plus de bancs**.")
    assert "plus de bancs" not in client.get(consultation.get_absolute_url()).content.decode()
    consultation.synthesis_published_at = timezone.now()
    consultation.save()
    page = client.get(consultation.get_absolute_url()).content.decode()
    assert "<strong>plus de bancs</strong>" in page
    assert "Ce qui en est ressorti : la synthèse" in page


def test_a_consultation_between_two_steps_is_still_listed_as_open(client):
    consultation = ConsultationFactory(title="Entre deux étapes")
    StepFactory(consultation=consultation, starts_at=START - timedelta(days=9), ends_at=START - timedelta(days=5))
    StepFactory(consultation=consultation, starts_at=START + timedelta(days=5), ends_at=START + timedelta(days=9))
    with time_machine.travel(START, tick=False):
        assert "Entre deux étapes" in client.get("/consultations/?period=open").content.decode()
        assert "Entre deux étapes" not in client.get("/consultations/?period=upcoming").content.decode()
        assert consultation.period() == "open"

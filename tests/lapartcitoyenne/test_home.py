"""The home page shows where to take part: live rooms open now, open consultations, recent
initiatives, the next rendez-vous and a few figures, in a constant number of queries."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from consultations.models import Registration, RegistrationStatus, StepKind
from participation.live.models import Room, RoomState
from tests.factories import ConsultationFactory, EventFactory, StepFactory, UserFactory
from tests.participation.proposals.factories import ProposalFactory

pytestmark = pytest.mark.django_db


def world(size):
    for index in range(size):
        consultation = ConsultationFactory(title=f"Consultation ouverte {index}")
        StepFactory(consultation=consultation, kind=StepKind.PROPOSALS)
        ProposalFactory(title=f"Initiative {index}")
        event = EventFactory(title=f"Rendez-vous {index}")
        Room.objects.create(event=event, state=RoomState.OPEN)
    ConsultationFactory(title="Brouillon caché", visibility="draft")


def test_a_visitor_sees_where_to_take_part(client):
    world(2)
    page = client.get("/").content.decode()
    for block in ("En direct", "Consultations ouvertes", "Initiatives récentes", "Prochains rendez-vous"):
        assert f">{block}</h2>" in page
    assert "Consultation ouverte 0" in page and "Brouillon caché" not in page
    assert "Initiative 1" in page and "Rendez-vous 1" in page
    assert reverse("live:room", args=[EventFactory._meta.model.objects.order_by("pk").first().slug]) in page


def test_propose_an_initiative_leads_a_visitor_to_log_in_and_back(client, citizen):
    page = client.get("/").content.decode()
    assert 'href="/compte/login/?next=%2Fpropositions%2Fnouvelle%2F">Proposer une initiative</a>' in page
    login = client.get("/compte/login/?next=%2Fpropositions%2Fnouvelle%2F")
    assert 'value="/propositions/nouvelle/"' in login.content.decode()
    client.force_login(citizen)
    assert 'href="/propositions/nouvelle/">Proposer une initiative</a>' in client.get("/").content.decode()


def test_a_closed_room_is_not_live(client):
    event = EventFactory(title="Webinaire terminé")
    Room.objects.create(event=event, state=RoomState.CLOSED)
    page = client.get("/").content.decode()
    assert ">En direct</h2>" not in page


def test_a_scheduled_room_is_live_on_the_day_of_its_session(client):
    start = timezone.now() + timedelta(minutes=30)
    event = EventFactory(title="Webinaire du jour", sessions=[(start, start + timedelta(hours=1), None)])
    Room.objects.create(event=event, state=RoomState.SCHEDULED)
    later = EventFactory(title="Webinaire de la semaine prochaine")
    Room.objects.create(event=later, state=RoomState.SCHEDULED)
    page = client.get("/").content.decode()
    live = page.split(">En direct</h2>")[1].split("</section>")[0]
    assert "Webinaire du jour" in live and "Webinaire de la semaine prochaine" not in live


def test_the_figures_come_from_the_statistics_and_are_cached(client, django_assert_max_num_queries):
    past = timezone.now() - timedelta(hours=3)
    if timezone.localtime(past).year != timezone.localtime().year:
        pytest.skip("on the first hours of the year, nothing has been held yet this year")
    event = EventFactory(sessions=[(past, past + timedelta(hours=1), "Dreux")])
    for _ in range(3):
        Registration.objects.create(event=event, user=UserFactory(), status=RegistrationStatus.CONFIRMED, attended=True)
    ProposalFactory()
    page = client.get("/").content.decode()
    figures = page.split('class="figures"')[1].split("</ul>")[0]
    assert "<strong>1</strong> rendez-vous tenu" in figures
    assert "<strong>3</strong> participants présents" in figures
    assert "<strong>1</strong> contribution" in figures
    ProposalFactory()
    with django_assert_max_num_queries(12):
        page = client.get("/").content.decode()
    assert "<strong>1</strong> contribution" in page  # cached for a few minutes


@pytest.mark.parametrize("size", [1, 8])
def test_the_home_page_query_count_does_not_grow(client, citizen, django_assert_max_num_queries, size):
    world(size)
    client.force_login(citizen)
    client.get("/")  # the figures go to the cache
    with django_assert_max_num_queries(12):
        assert client.get("/").status_code == 200


def test_an_empty_site_shows_no_row_of_zeros(client):
    page = client.get("/").content.decode()
    assert "La participation en" not in page
    assert "Aucune consultation n’est ouverte en ce moment." in page

"""The demo against the centre's documents (shared/seeds): what a resident or staff member reads must hold."""

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from consultations.models import Event, EventResource, EventSession, Registration
from lapartcitoyenne.demo.loader import load_demo
from lapartcitoyenne.demo.texts import date_list, period

pytestmark = pytest.mark.django_db
PARIS = ZoneInfo("Europe/Paris")
YEAR = re.compile(r"\b(?:19|20)\d\d\b")
TEXTS = ("title", "summary", "description", "audience", "speakers")


@pytest.mark.parametrize("today", [None, datetime(2031, 6, 15, 9, 0, tzinfo=PARIS)], ids=["today", "in-2031"])
def test_no_event_text_mentions_a_year_other_than_its_sessions_years(today):
    load_demo(today)
    wrong = []
    for event in Event.objects.prefetch_related("sessions"):
        years = {str(timezone.localtime(session.starts_at).year) for session in event.sessions.all()}
        assert years, event.slug
        for field in TEXTS:
            if stray := set(YEAR.findall(getattr(event, field))) - years:
                wrong.append((event.slug, field, stray))
    assert wrong == []


def test_the_programme_moves_to_the_coming_months_and_its_texts_with_it():
    now = datetime(2031, 6, 15, 9, 0, tzinfo=PARIS)
    load_demo(now)
    porte_voix = Event.objects.get(slug="porte-voix-breves-citoyennes")
    starts = [timezone.localtime(s.starts_at) for s in porte_voix.sessions.all()]
    assert starts[0] > now and starts[0].weekday() == 4  # a Friday, as on 20 January 2023
    assert period(starts[0], starts[-1]) in porte_voix.summary
    chinon = Event.objects.get(slug="visite-chinon-patrimoine-villes-petites-moyennes")
    assert f"le {timezone.localtime(chinon.sessions.get().starts_at).day} mars 2032" in chinon.description


def test_dates_read_in_french():
    moments = [datetime(2027, 3, day, tzinfo=PARIS) for day in (1, 9, 15)] + [datetime(2027, 4, 12, tzinfo=PARIS)]
    assert date_list(moments) == "1er, 9 et 15 mars et 12 avril 2027"
    assert period(moments[0], moments[2]) == "du 1er au 15 mars 2027"
    assert date_list([datetime(2026, 12, 18, tzinfo=PARIS), datetime(2027, 1, 8, tzinfo=PARIS)]) == (
        "18 décembre 2026 et 8 janvier 2027"
    )


# Sessions of each series, as the programme of January–July 2023 gives them.
SERIES = {
    "porte-voix-breves-citoyennes": 10,  # an hour every fortnight, 20 January to 26 May
    "reseau-equipes-contrats-de-ville": 6,
    "reseau-chefs-de-projet-action-coeur-de-ville": 3,
    "ateliers-fresque-du-climat-quartiers-en-transition": 3,
    "ateliers-recit-positif-quartiers-en-transition": 4,  # and two stretches of work on one's own
    "tecdem-recherche-transitions": 3,
    "co-construction-democratie-permanente-acte-2": 5,
    "mise-en-recit-transitions-sanitas-tours": 3,
    "conversations-carbone-sanitas-tours": 6,
    "rencontres-audiovisuel-participatif-orleans": 4,
}


def test_series_have_the_sessions_the_programme_gives():
    load_demo()
    counts = {event.slug: event.sessions.count() for event in Event.objects.filter(slug__in=SERIES)}
    assert counts == SERIES
    sessions = EventSession.objects.filter(event__slug="porte-voix-breves-citoyennes")
    days = [timezone.localtime(start).date() for start in sessions.values_list("starts_at", flat=True)]
    assert {later - earlier for earlier, later in zip(days, days[1:])} == {timedelta(weeks=2)}
    assert {timezone.localtime(start).hour for start in sessions.values_list("starts_at", flat=True)} == {10}


# Past events whose replay or synthesis the documents publish (002: Matinales, 004: syntheses).
WITH_RESOURCES = {
    "matinale-elus-1-enjeux-politique-de-la-ville-2020": {"replay", "slides", "synthesis"},
    "matinale-elus-2-renovation-urbaine-2020": {"replay", "slides", "synthesis"},
    "webinaire-emancipation-au-feminin-2021": {"replay", "synthesis"},
    "webinaire-acces-offre-culturelle-qpv-2021": {"replay", "synthesis"},
    "journee-politique-de-la-ville-dans-10-ans-2020": {"synthesis", "document"},
    "webinaire-acces-numerique-qpv-2020": {"synthesis"},
    "formation-egalite-femmes-hommes-montpellier-2020": {"document"},
    "seminaire-marketing-territorial-montpellier-2019": {"synthesis"},
    "formation-conseils-citoyens-herault-sante-lodeve-2019": {"document"},
    # The 2024 report's named publications (001), on the events closest to them.
    "rendez-vous-actualites-politique-de-la-ville-2024": {"synthesis", "document"},
    "entretiens-chefs-de-projet-action-coeur-de-ville-2024": {"synthesis"},
    "voyage-etudes-politique-de-la-ville-bourges-2024": {"document"},
}


def test_past_events_carry_the_replays_and_syntheses_of_the_documents(client):
    load_demo()
    kinds = {}
    for resource in EventResource.objects.select_related("event"):
        kinds.setdefault(resource.event.slug, set()).add(resource.kind)
    assert kinds == WITH_RESOURCES
    assert set(Event.objects.past().filter(slug__in=WITH_RESOURCES).values_list("slug", flat=True)) == set(WITH_RESOURCES)
    page = client.get(reverse("consultations:event_detail", args=["matinale-elus-1-enjeux-politique-de-la-ville-2020"]))
    assert "Retransmission des interventions de la Matinale #1" in page.text
    assert "La synthèse des Matinales : idées clés et leviers pour agir" in page.text


# The 2024 activity report (001): its events with a participant count, and its headline figures.
REPORT_PARTICIPANTS = {
    "rendez-vous-actualites-politique-de-la-ville-2024": 145,  # 9 monthly meetings
    "pop-up-citoyennete-bourges-2024": 38,
    "journee-regionale-mediateurs-sociaux-adultes-relais-2024": 82,
    "lancement-centre-appui-participation-dynamiques-citoyennes-2024": 60,
    "journee-reseau-villes-et-habitat-mixite-sociale-2024": 38,
    "journee-nationale-reseau-programme-reussite-educative-2024": 300,
    "tournee-cap-sur-la-citoyennete-2024": 145,
    "entretiens-chefs-de-projet-action-coeur-de-ville-2024": 14,
    "voyage-etudes-politique-de-la-ville-bourges-2024": 50,
}
REPORT_RENDEZ_VOUS = 75
REPORT_PARTICIPANTS_TOTAL = 1500  # « + de 1 500 participant·es mobilisé·es »


REPORT_NAMED_PUBLICATIONS = 20 + 2 + 1 + 1 + 1  # sheets, map and analysis, city contracts, ACV note, transitions


def test_the_2024_statistics_show_the_reports_events_and_figures(client_for, staff):
    load_demo()
    page = client_for(staff).get(reverse("staff:statistics") + "?annee=2024")
    figures = {str(label): value for label, value in page.context["figures"]}
    table = next(t for t in page.context["tables"] if t["name"] == "participants_per_event")
    titles = dict(Event.objects.filter(slug__in=REPORT_PARTICIPANTS).values_list("title", "slug"))
    attended = {titles[row["event"]]: row["attended"] for row in table["rows"] if row["event"] in titles}
    assert attended == REPORT_PARTICIPANTS
    # The report's named rendez-vous: the nine above and « Faire vivre le projet urbain », uncounted.
    assert figures["Rendez-vous organisés"] == len(REPORT_PARTICIPANTS) + 1
    # Its counts are per event, without who came twice: one person a participation.
    assert figures["Participant·es présent·es"] == figures["Inscriptions"] == sum(REPORT_PARTICIPANTS.values())
    # The rest of the 75 rendez-vous and 1 500 participants is not described in the report.
    assert figures["Rendez-vous organisés"] < REPORT_RENDEZ_VOUS
    assert figures["Participant·es présent·es"] < REPORT_PARTICIPANTS_TOTAL
    # The publications the report names (25 of its 67), each attached to the event closest to it.
    assert figures["Publications (replays, synthèses, documents)"] == REPORT_NAMED_PUBLICATIONS
    assert "Journée régionale des médiateurs sociaux en contrat Adultes-relais" in page.text


def test_the_demo_loads_twice_the_same_day_to_the_same_data():
    load_demo()
    counts = [
        model.objects.count() for model in (Event, EventSession, EventResource, Registration, get_user_model())
    ]
    load_demo()
    assert [
        model.objects.count() for model in (Event, EventSession, EventResource, Registration, get_user_model())
    ] == counts


def test_no_past_event_of_the_demo_offers_its_live_room(client):
    from participation.live.demo import load_demo as load_live_demo
    from participation.live.models import Room

    load_demo()
    load_live_demo()
    rooms = Room.objects.select_related("event")
    assert rooms.count() >= 2
    past = set(Event.objects.past().values_list("pk", flat=True))
    assert not [room.event.slug for room in rooms if room.event_id in past and room.can_be_joined()]
    for room in rooms:
        page = client.get(room.event.get_absolute_url()).text
        assert ("Rejoindre le salon en direct" in page) is room.can_be_joined()

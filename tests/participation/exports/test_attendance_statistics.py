"""Presence recorded in a live room (consultations.attendance) feeds the statistics: registered against present."""

import pytest
from django.urls import reverse

from consultations.attendance import record_attendance

pytestmark = pytest.mark.needs_apps("lapartcitoyenne")


def test_a_person_seen_in_the_room_counts_as_present(client_for, staff, frame):
    second = frame["events"][1]
    record_attendance(frame["events"][0].pk, frame["people"][2].pk)  # on the waiting list, came anyway
    year = second.sessions.get().starts_at.year
    response = client_for(staff).get(reverse("staff:statistics") + f"?annee={year}")
    figures = dict((str(label), value) for label, value in response.context["figures"])
    assert (figures["Personnes inscrites"], figures["Participant·es présent·es"]) == (2, 3)
    table = next(t for t in response.context["tables"] if t["name"] == "participants_per_event")
    first = next(row for row in table["rows"] if row["event"] == frame["events"][0].title)
    assert (first["registered"], first["attended"]) == (2, 3)

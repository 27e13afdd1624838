"""The mixed crowd's « nothing written lost » check (bench/crowd_report.py) counts what it must.

Not a timing: the bench's figures are printed by ``python -m bench crowd``; this only checks that
the writes the load tool reports are matched one by one with the rows in the database.
"""

import pytest

from bench import crowd_fixture, crowd_report

pytestmark = pytest.mark.django_db


@pytest.fixture
def seed():
    return crowd_fixture.prepare(citizens=3)


def test_the_fixture_opens_what_the_crowd_writes_to(seed):
    from participation.proposals import services as proposals
    from participation.proposals.models import Proposal
    from participation.surveys.models import Questionnaire
    from participation.surveys.services import refusal_reason

    citizen = crowd_fixture.crowd_users().get(email=seed["citizens"][0])
    proposal = Proposal.objects.get(pk=seed["crowd_proposals"][0])
    proposals.cast_support(citizen, proposal)
    assert refusal_reason(Questionnaire.objects.get(pk=seed["questionnaire"]["pk"]), citizen) is None
    assert len(seed["citizens"]) == 3 and len(seed["crowd_proposals"]) == crowd_fixture.CROWD_PROPOSALS


def test_reported_writes_are_matched_with_rows(seed):
    from participation.comments.services import add_comment
    from participation.proposals import services as proposals
    from participation.proposals.models import Proposal

    first, second = seed["citizens"][:2]
    users = {user.email: user for user in crowd_fixture.crowd_users()}
    supported = Proposal.objects.get(pk=seed["crowd_proposals"][0])
    proposals.cast_support(users[first], supported)
    add_comment(users[first], supported, "Un commentaire que la foule a vu réussir.")
    add_comment(users[second], supported, "Un commentaire que la foule n’a pas vu réussir.")
    writes = {
        "support": [{"user": first, "proposal": supported.pk},
                    # Told it succeeded, yet not in the database: lost.
                    {"user": second, "proposal": seed["crowd_proposals"][1]}],
        "comment": [{"body": "Un commentaire que la foule a vu réussir."}],
        "answer": [],
    }
    counted = crowd_report.counted_in_database(writes, seed)
    assert counted["supports"] == {"reported": 2, "counted": 1, "missing": 1, "unreported": 0, "reported twice": 0}
    assert counted["comments"] == {"reported": 1, "counted": 2, "missing": 0, "unreported": 1, "reported twice": 0}
    assert counted["answers"]["counted"] == 0


def test_percentiles_and_pages_exclude_the_hello_world_view():
    rows = [("home", "GET", float(ms), None, 1000.0 + ms / 100) for ms in range(1, 101)]
    rows += [("hello-world view", "GET", 1.0, None, 1000.5), ("support (write)", "POST", 50.0, "409", 1001.0)]
    kinds, total = crowd_report.summarise(rows)
    assert total["pages"]["count"] == 100 and total["pages"]["p95"] == 95.0 and total["pages"]["p50"] == 50.0
    assert kinds["support (write) [POST]"]["errors"] == 1

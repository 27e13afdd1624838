"""The councils dataset counts the proposals made on behalf of each council only where proposals exist."""

from types import SimpleNamespace

from django.apps import apps

from participation.councils.exports import columns, council_row, councils

from .factories import CouncilFactory

SCOPE = SimpleNamespace(territory=None, since=None, until=None)


def test_the_proposals_column_follows_the_proposals_app(db):
    CouncilFactory(name="Conseil citoyen de Dreux – Les Chamards")
    keys = [column[0] for column in columns(SCOPE)]
    [row] = [council_row(council, SCOPE) for council in councils(SCOPE)]
    assert row["name"] == "Conseil citoyen de Dreux – Les Chamards"
    with_proposals = apps.is_installed("participation.proposals")
    assert ("proposals" in keys) is with_proposals
    assert row["proposals"] == (0 if with_proposals else None)

"""The proposal list's filter boxes and cards, now written by the view (filter_choices, for_cards)."""

import pytest
from django.utils import timezone
from django.utils.formats import date_format

from tests.factories import ThemeFactory, UserFactory
from tests.participation.proposals.factories import ProposalFactory

pytestmark = pytest.mark.django_db


def test_the_chosen_theme_is_selected_and_names_are_escaped(client):
    ThemeFactory(name="Eau & forêts", slug="eau")
    ThemeFactory(name="Mobilité", slug="mobilite")
    html = client.get("/propositions/?theme=eau", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert '<option value="eau" selected>Eau &amp; forêts</option>' in html
    assert '<option value="mobilite">Mobilité</option>' in html


def test_a_card_shows_its_address_author_and_date(client):
    proposal = ProposalFactory(author=UserFactory(display_name="Awa <i>"))
    html = client.get("/propositions/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    local = timezone.localtime(proposal.created_at)
    assert f'<a href="{proposal.get_absolute_url()}">' in html
    assert "Awa &lt;i&gt;" in html
    assert f'<time datetime="{local.isoformat()}">{date_format(local, "DATE_FORMAT")}</time>' in html

"""htmx (51 KB) is loaded only where a form swaps itself; the figure of a first visit is `make bench pages`."""

from django.urls import reverse

from tests.participation.proposals.factories import ProposalFactory


def test_htmx_only_on_the_pages_that_use_it(citizen, client_for):
    client = client_for(citizen)
    proposal = ProposalFactory()
    for url in [reverse("home"), reverse("consultations:programme"), reverse("proposals:list")]:
        assert "htmx" not in client.get(url).content.decode(), url
    page = client.get(proposal.get_absolute_url()).content.decode()
    assert "django_htmx/htmx-2.min.js" in page and "hx-post" in page


def test_the_font_and_logo_are_served_from_the_site(client, db):
    page = client.get(reverse("home")).content.decode()
    assert "/static/lapartcitoyenne/logo.svg" in page
    assert "atkinson-hyperlegible-latin-400-normal.woff2" in page
    assert "fonts.googleapis" not in page

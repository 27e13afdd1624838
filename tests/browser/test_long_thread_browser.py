"""A long discussion in a browser: « Commentaires suivants » appends the next page in place with
htmx, and opens it as a page without JavaScript; phone and desktop, nothing wider than the screen."""

import pytest
from playwright.sync_api import expect

from tests.factories import UserFactory
from tests.participation.comments.factories import comment
from tests.participation.proposals.factories import ProposalFactory

WIDTHS = [390, 1280]
PAGE = 30  # COMMENT_PAGE_SIZE's default


@pytest.fixture
def long_thread(site):
    proposal, author = ProposalFactory(title="Un jardin partagé aux Clos"), UserFactory(display_name="Awa")
    for n in range(PAGE + 5):
        root = comment(proposal, author, f"Avis numéro {n}")
        comment(proposal, author, f"Réponse à l’avis {n}", parent=root)
    return proposal


@pytest.mark.parametrize("width", WIDTHS)
def test_more_comments_appends_the_next_page(width, page, site, long_thread, tmp_path):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(site + long_thread.get_absolute_url())
    comments = page.locator("li.comment")
    expect(comments).to_have_count(2 * PAGE)
    page.get_by_role("link", name="Commentaires suivants").click()
    expect(comments).to_have_count(2 * (PAGE + 5))
    expect(page.get_by_text("Réponse à l’avis 34")).to_be_visible()
    assert "commentaires=" not in page.url  # appended in place, not a new page
    expect(page.get_by_role("link", name="Commentaires suivants")).to_have_count(0)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.screenshot(path=tmp_path / f"thread-{width}.png", full_page=True)


def test_without_javascript_the_link_opens_the_next_page(browser, site, long_thread):
    context = browser.new_context(java_script_enabled=False, locale="fr-FR")
    page = context.new_page()
    page.goto(site + long_thread.get_absolute_url())
    page.get_by_role("link", name="Commentaires suivants").click()
    assert "commentaires=2" in page.url
    expect(page.locator("li.comment")).to_have_count(10)
    expect(page.get_by_text("Avis numéro 30", exact=True)).to_be_visible()
    page.get_by_role("link", name="Commentaires précédents").click()
    expect(page.get_by_text("Avis numéro 0", exact=True)).to_be_visible()
    context.close()

"""In Chromium: a citizen reports a proposal, a moderator hides it, the author asks for a review."""

import re

import pytest
from django.core import mail

from participation.moderation.models import Case, CaseStatus
from tests.factories import UserFactory, with_totp
from tests.participation.proposals.factories import ProposalFactory


SECRET = "Publicité pour le garage de mon cousin"


@pytest.fixture
def reported_world(site):
    author = UserFactory(display_name="Auteur")
    proposal = ProposalFactory(author=author, title=SECRET, consultation=None)
    return {
        "site": site,
        "author": author,
        "reporter": UserFactory(display_name="Awa"),
        "moderator": with_totp(UserFactory(display_name="Modératrice", roles=["moderator"])),
        "proposal": proposal,
    }


def test_report_hide_and_review_in_the_browser(browser, reported_world, sign_in, axe_check):
    site, proposal = reported_world["site"], reported_world["proposal"]

    reporter = browser.new_context(locale="fr-FR")
    sign_in(reporter, reported_world["reporter"])
    page = reporter.new_page()
    page.goto(f"{site}{proposal.get_absolute_url()}")
    page.locator("a[href*='/moderation/signaler/']").click()
    axe_check(page)
    page.locator("input[name=reason][value=spam]").check()
    page.locator("textarea[name=note]").fill("Lien vers un commerce.")
    page.locator("form.stacked button[type=submit]").click()
    page.wait_for_load_state()
    assert page.url.endswith(proposal.get_absolute_url())
    assert Case.objects.get(object_id=proposal.pk).report_count == 1

    moderation = browser.new_context(locale="fr-FR")
    sign_in(moderation, reported_world["moderator"])
    page = moderation.new_page()
    page.goto(f"{site}/moderation/")
    axe_check(page)
    assert SECRET in page.locator("table.moderation-queue").inner_text()
    page.locator("table.moderation-queue a").first.click()
    axe_check(page)
    page.locator("#decision-decision").select_option("hide")
    page.locator("#decision-reason").fill("Publicité commerciale.")
    page.locator("form.stacked button[type=submit]").click()
    page.wait_for_load_state()
    assert Case.objects.get(object_id=proposal.pk).status == CaseStatus.HIDDEN

    visitor = browser.new_context(locale="fr-FR").new_page()
    visitor.goto(f"{site}{proposal.get_absolute_url()}")
    assert SECRET not in visitor.content()
    assert visitor.locator(".moderation-marker").is_visible()

    review_path = next(
        re.search(r"/moderation/revision/\d+/", message.body).group(0)
        for message in mail.outbox
        if message.to == [reported_world["author"].email] and "/moderation/revision/" in message.body
    )
    author = browser.new_context(locale="fr-FR")
    sign_in(author, reported_world["author"])
    page = author.new_page()
    page.goto(site + review_path)
    axe_check(page)
    page.locator("textarea[name=note]").fill("Ce n'était pas une publicité.")
    page.locator("form.stacked button[type=submit]").click()
    page.wait_for_load_state()
    assert Case.objects.get(object_id=proposal.pk).status == CaseStatus.REVIEW_REQUESTED

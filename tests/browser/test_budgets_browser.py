"""A resident fills a knapsack ballot on a 390 px phone with the keyboard only.

What is left to spend follows each box ticked (the small script), an over-budget choice is refused
in French next to the projects with every tick kept, and the vote is recorded once confirmed.
"""

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from participation.budgets.models import Ballot

from ..participation.budgets.fixtures import make_budget, make_user

pytestmark = pytest.mark.browser


def sign_in(page, site, user):
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": site}])


def test_a_knapsack_ballot_by_keyboard_on_a_phone(page, site, axe_check):
    _budget, (source, _clos), p = make_budget()
    voter = make_user()
    page.set_viewport_size({"width": 390, "height": 844})
    sign_in(page, site, voter)
    page.goto(f"{site}/budgets/enveloppes/{source.pk}/vote/")
    remaining = page.locator("[data-remaining]")
    expect(remaining).to_have_text("10\u00a0000\u00a0€ restants sur 10\u00a0000\u00a0€")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    axe_check(page)

    boxes = page.locator("input[name=projects]")
    titles = [box.evaluate("b => b.closest('label').textContent.trim()") for box in boxes.all()]
    order = [next(i for i, t in enumerate(titles) if t.startswith(name)) for name in ("Bancs", "Fresque", "Jardin")]
    boxes.nth(0).focus()
    position = 0
    for target in order:  # Tab from box to box (each box, then its « En savoir plus » link), Space ticks
        while position < target:
            page.keyboard.press("Tab")
            page.keyboard.press("Tab")
            position += 1
        expect(boxes.nth(target)).to_be_focused()
        page.keyboard.press("Space")
    expect(remaining).to_have_text("2\u00a0000\u00a0€ de dépassement : retirez un projet")

    page.get_by_role("button", name="Confirmer mon vote").focus()
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    errors = page.locator("#projects-errors")
    expect(errors).to_contain_text("plus que les 10\u00a0000\u00a0€ de l’enveloppe")
    expect(page.locator("input[name=projects]:checked")).to_have_count(3)
    assert not Ballot.objects.exists()

    fresque = page.locator(f"input[name=projects][value='{p['fresque'].pk}']")
    fresque.focus()
    page.keyboard.press("Space")
    expect(remaining).to_have_text("3\u00a0000\u00a0€ restants sur 10\u00a0000\u00a0€")
    page.get_by_role("button", name="Confirmer mon vote").focus()
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    expect(page.get_by_text("Votre vote est enregistré", exact=False).first).to_be_visible()
    ballot = Ballot.objects.get(user=voter)
    assert ballot.total_cents == 700_000 and ballot.confirmed_at is not None
    assert page.evaluate("document.documentElement.scrollWidth") <= 390

"""A citizen joins a consultation and answers its questionnaire with the keyboard only.

Self-contained fixtures (prefixed ``consultation_``) so this module runs with or without the
shared tests/browser/conftest.py. Run with
``.venv/bin/python -m pytest -m browser tests/browser/test_consultations_browser.py``.
"""

import os

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from consultations.models import Follow
from participation.surveys.models import Response

from ..factories import UserFactory
from ..participation.surveys.fixtures import make_questionnaire

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytestmark = pytest.mark.browser

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS, "headless": True}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "fr-FR", "timezone_id": "Europe/Paris"}


@pytest.fixture
def consultation_site(live_server, transactional_db):
    return live_server.url


def sign_in(page, site, user):
    """Give the browser a session cookie: signing in is not what this test is about."""
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": site}])


def axe_check(page):
    results = Axe().run(page)
    blocking = [
        f"{v['id']} ({v['impact']}): {v['help']} — " + "; ".join(n["target"][0] for n in v["nodes"][:3])
        for v in results.response["violations"]
        if v["impact"] in {"serious", "critical"}
    ]
    assert not blocking, f"axe on {page.url}:\n" + "\n".join(blocking)


def tab_to(page, selector, limit=80):
    """Press Tab until the focused element matches the selector, as a keyboard user would."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement && document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{selector} cannot be reached with the Tab key")


def test_a_citizen_joins_and_answers_with_the_keyboard_only(page, consultation_site):
    questionnaire, q, choices = make_questionnaire()
    consultation = questionnaire.step.consultation
    citizen = UserFactory(display_name="Awa")
    sign_in(page, consultation_site, citizen)

    page.goto(consultation_site + "/consultations/?period=open")
    axe_check(page)
    page.goto(consultation_site + consultation.get_absolute_url())
    axe_check(page)
    tab_to(page, "form[action$='/rejoindre/'] button")
    page.keyboard.press("Enter")
    expect(page.get_by_text("Vous avez rejoint cette consultation.")).to_be_visible()
    assert Follow.objects.filter(user=citizen, consultation=consultation).exists()

    tab_to(page, f"a[href='{questionnaire.get_absolute_url()}']")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(questionnaire.title)
    axe_check(page)

    # Send it with a required question left empty: the error sits next to it, typed text stays.
    tab_to(page, f"#{q['long'].field_name}")
    page.keyboard.type("Plus de jardins partagés.")
    tab_to(page, "button[type=submit]")
    page.keyboard.press("Enter")
    expect(page.get_by_role("alert")).to_contain_text("Certaines réponses demandent votre attention")
    expect(page.locator(f"#{q['short'].field_name}-error")).to_have_text("Cette question est obligatoire.")
    expect(page.locator(f"#{q['long'].field_name}")).to_have_value("Plus de jardins partagés.")
    axe_check(page)

    tab_to(page, f"#{q['short'].field_name}")
    page.keyboard.type("La Source")
    tab_to(page, f"input[name={q['single'].field_name}]")
    page.keyboard.press("Space")
    tab_to(page, f"#{q['multiple'].field_name}_{choices['multiple'][0].pk}")
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    tab_to(page, f"input[name={q['scale'].field_name}]")
    for _ in range(3):
        page.keyboard.press("ArrowRight")
    for rank, choice in enumerate(choices["ranking"], start=1):
        tab_to(page, f"#{q['ranking'].field_name}_c{choice.pk}")
        for _ in range(rank):
            page.keyboard.press("ArrowDown")
    tab_to(page, "button[type=submit]")
    page.keyboard.press("Enter")
    expect(page.get_by_text("Merci, vos réponses sont enregistrées.")).to_be_visible()

    response = Response.objects.get(user=citizen, questionnaire=questionnaire)
    answers = {a.question_id: a for a in response.answers.prefetch_related("selections")}
    assert answers[q["short"].pk].text == "La Source"
    assert answers[q["scale"].pk].number == 4  # Tab lands on 1, three arrows move to 4
    picked = {s.choice_id for s in answers[q["multiple"].pk].selections.all()}
    assert picked == {choices["multiple"][0].pk, choices["multiple"][1].pk}
    ranked = sorted(answers[q["ranking"].pk].selections.all(), key=lambda s: s.rank)
    assert [s.choice_id for s in ranked] == [c.pk for c in choices["ranking"]]


def test_results_and_my_consultations_pages_pass_axe(page, consultation_site):
    from participation.surveys import services

    from ..participation.surveys.fixtures import valid_raw

    questionnaire, q, choices = make_questionnaire()
    citizen = UserFactory()
    services.submit_answers(questionnaire, citizen, valid_raw(q, choices))
    services.publish_results(questionnaire)
    Follow.objects.create(user=citizen, consultation=questionnaire.step.consultation)
    sign_in(page, consultation_site, citizen)
    page.goto(consultation_site + questionnaire.get_results_url())
    expect(page.get_by_role("row", name="Oui 1 100 %")).to_be_visible()
    axe_check(page)
    page.goto(consultation_site + "/mes-consultations/")
    expect(page.get_by_role("link", name=questionnaire.step.consultation.title)).to_be_visible()
    axe_check(page)

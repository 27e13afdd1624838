"""axe-core finds no serious or critical violation on any page of the site, for each role, on a phone and a wide screen.

The pages and roles are the overflow test's (site_pages.PAGES, on the demo data). One browser, one
context per role; each page is loaded once at 390 px, checked, widened to 1280 px and checked again.
A page a role is redirected away from (the login page, « Mes inscriptions »...) is checked once,
where it lands.
"""

from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth import get_user_model

from .conftest import BLOCKING_IMPACTS
from .site_pages import page_paths
from .test_layout_browser import ROLE_EMAILS, demo_site, resize  # noqa: F401  (the fixture)

WIDTHS = (390, 1280)
HEIGHT = 844
# Only what can be wrong: violations, not the passes and inapplicable rules axe also lists.
OPTIONS = {"resultTypes": ["violations"]}

# Violations known and not ours to fix, with why; the test fails when one disappears.
KNOWN = {}


def blocking(violations):
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} — "
        + "; ".join(str(node["target"][0]) for node in violation["nodes"][:3])
        for violation in violations
        if violation["impact"] in BLOCKING_IMPACTS and violation["id"] not in KNOWN
    ]


def violations(page):
    """axe's violations on the page as it is now (axe-core already injected into it)."""
    return page.evaluate("options => axe.run(document, options)", OPTIONS)["violations"]


def check_role(axe, browser, site, sign_in, paths, email):
    """The problems axe finds on every page as one person sees them."""
    context = browser.new_context(viewport={"width": WIDTHS[0], "height": HEIGHT}, locale="fr-FR")
    if email:
        sign_in(context, get_user_model().objects.get(email=email))
    page = context.new_page()
    seen, problems = set(), []
    for name, path in paths.items():
        page.set_viewport_size({"width": WIDTHS[0], "height": HEIGHT})
        page.goto(site + path, wait_until="load")  # axe needs the styles (contrast, hidden elements)
        landed = page.url.split("?")[0]
        if landed in seen:
            continue
        seen.add(landed)
        page.evaluate(axe.axe_script)  # once per page: both widths reuse it
        for width in WIDTHS:
            resize(page, width)
            problems += [f"{width}px {name} ({page.url}): {problem}" for problem in blocking(violations(page))]
    context.close()
    return problems


def test_no_serious_accessibility_violation_on_any_page(demo_site, browser, sign_in):  # noqa: F811
    axe = Axe()
    paths = page_paths()
    problems = []
    for role, email in ROLE_EMAILS.items():
        problems += [f"{role} {problem}" for problem in check_role(axe, browser, demo_site, sign_in, paths, email)]
    assert not problems, "axe found:\n" + "\n".join(problems)


def test_axe_sees_a_violation(site, browser):
    """The check itself works: an unlabelled field and an image without text are reported."""
    page = browser.new_page()
    page.goto(site + "/")
    page.evaluate("""() => document.querySelector("main").insertAdjacentHTML("beforeend", '<input type="text"><img src="/static/lapartcitoyenne/logo.svg">')""")
    page.evaluate(Axe().axe_script)
    found = blocking(violations(page))
    page.close()
    assert any(problem.startswith("label") for problem in found), found
    assert any(problem.startswith("image-alt") for problem in found), found

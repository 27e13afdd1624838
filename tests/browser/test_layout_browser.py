"""No page of the site scrolls sideways on a phone: every page, for each role, at 320 and 390 px.

The pages are those of ``site_pages.PAGES`` (checked against the URL resolver by
tests/lapartcitoyenne/test_site_pages.py), on the demo data. One browser, one context per role;
each page is loaded once at 320 px and measured again after widening the viewport to 390 px.
"""

import threading
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from .site_pages import page_paths

WIDTHS = (320, 390)
HEIGHT = 844
ROLE_EMAILS = {
    "visitor": None,
    "citizen": "citoyenne@demo.lapartcitoyenne.fr",
    "council_member": "conseil@demo.lapartcitoyenne.fr",
    "facilitator": "animation@demo.lapartcitoyenne.fr",
    "moderator": "moderation@demo.lapartcitoyenne.fr",
    "staff": "equipe@demo.lapartcitoyenne.fr",  # has TOTP, as the site requires of staff
}

# Pages known to overflow, with why; the test fails as soon as one fits, to have it removed here.
KNOWN_OVERFLOWS = {}

# The page's width beyond the viewport, and the elements that stick out (to say what to fix).
OVERFLOW = """() => {
  const width = window.innerWidth;
  const excess = document.documentElement.scrollWidth - width;
  if (excess <= 0) return null;
  const culprits = [...document.querySelectorAll("body *")]
    .filter((el) => el.getBoundingClientRect().right > width)
    .map((el) => el.tagName.toLowerCase() + (el.className && typeof el.className === "string" ? "." + el.className.trim().split(/\\s+/).join(".") : ""))
    .slice(0, 5);
  return {excess, culprits};
}"""


@pytest.fixture
def demo_site(site):
    # In a thread of its own: the demo's live room broadcasts with async_to_sync, which cannot run
    # in this thread where Playwright's event loop lives.
    loader = threading.Thread(target=call_command, args=("load_demo",), kwargs={"stdout": StringIO()})
    loader.start()
    loader.join()
    return site


def resize(page, width):
    """The viewport at this width, and the page told: innerWidth can lag behind the resize (while a
    web font loads, for one), and the page would look 70 px wider than a screen it no longer has."""
    page.set_viewport_size({"width": width, "height": HEIGHT})
    page.wait_for_function("width => window.innerWidth === width", arg=width)


def describe(overflow, name):
    if not overflow:
        return f"fits now: remove it from KNOWN_OVERFLOWS ({KNOWN_OVERFLOWS[name]})"
    return f"+{overflow['excess']}px {overflow['culprits']}"


def test_no_page_overflows_on_a_phone(demo_site, browser, sign_in):
    paths = page_paths()
    users = get_user_model().objects.in_bulk(filter(None, ROLE_EMAILS.values()), field_name="email")
    overflows = []
    for role, email in ROLE_EMAILS.items():
        context = browser.new_context(viewport={"width": WIDTHS[0], "height": HEIGHT}, locale="fr-FR")
        if email:
            sign_in(context, users[email])
        page = context.new_page()
        for name, path in paths.items():
            page.set_viewport_size({"width": WIDTHS[0], "height": HEIGHT})
            # "load": DOMContentLoaded fires before the stylesheets arrive, and an unstyled page is wide.
            page.goto(demo_site + path, wait_until="load")
            for width in WIDTHS:
                resize(page, width)
                overflow = page.evaluate(OVERFLOW)
                if bool(overflow) != (name in KNOWN_OVERFLOWS and width == WIDTHS[0]):
                    overflows.append(f"{role} {width}px {name} ({page.url}): {describe(overflow, name)}")
        context.close()
    assert not overflows, "pages wider than the screen:\n" + "\n".join(overflows)

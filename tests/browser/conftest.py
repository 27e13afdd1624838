"""Browser tests: Debian's Chromium driven by Playwright against pytest-django's live server.

Run with ``make test-browser``. Never downloads a browser: the executable is /usr/bin/chromium
(override with CHROMIUM_PATH).
"""

import os
import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core import mail

# Playwright's sync API runs an event loop in the test thread; Django's ORM calls from the test
# (factories, assertions) are still synchronous and safe there.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
BLOCKING_IMPACTS = {"serious", "critical"}


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS, "headless": True}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "fr-FR", "timezone_id": "Europe/Paris"}


@pytest.fixture
def site(live_server, transactional_db):
    """The live server's address; the database is shared with it and emptied after each test."""
    return live_server.url


@pytest.fixture
def login():
    def log_in(page, site, email, password="mot-de-passe-solide-42"):
        page.goto(f"{site}/compte/login/")
        page.get_by_label("E-mail").fill(email)
        page.get_by_label("Mot de passe", exact=False).first.fill(password)
        page.get_by_role("button", name="Connexion").click()
        page.wait_for_load_state()

    return log_in


@pytest.fixture
def axe_check():
    axe = Axe()

    def check(page):
        results = axe.run(page)
        blocking = [
            f"{violation['id']} ({violation['impact']}): {violation['help']} — "
            + "; ".join(node["target"][0] for node in violation["nodes"][:3])
            for violation in results.response["violations"]
            if violation["impact"] in BLOCKING_IMPACTS
        ]
        assert not blocking, f"axe on {page.url}:\n" + "\n".join(blocking)
        return results

    return check


@pytest.fixture
def last_email_link():
    def find(pattern):
        for message in reversed(mail.outbox):
            match = re.search(pattern, message.body)
            if match:
                return match.group(0)
        raise AssertionError(f"no email contains {pattern!r}")

    return find


@pytest.fixture
def sign_in(site):
    """Put a logged-in session for the user into a browser context, without the login form."""
    from django.conf import settings
    from django.test import Client

    def add_session(context, user):
        client = Client()
        client.force_login(user)
        cookie = client.cookies[settings.SESSION_COOKIE_NAME]
        context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": site}])

    return add_session


@pytest.fixture
def xss_watch():
    """Count every payload that runs: they call xss() or alert()."""

    def watch(page):
        fired = []
        page.add_init_script("window.xss = () => { window.__xssFired = (window.__xssFired || 0) + 1; };")
        page.on("dialog", lambda dialog: (fired.append(dialog.message), dialog.dismiss()))

        def count():
            return len(fired) + (page.evaluate("window.__xssFired || 0"))

        return count

    return watch


# The DOM as Chromium built it: handlers, script URLs and foreign scripts, whether or not they ran.
DOM_PROBLEMS = """() => {
  const problems = [];
  const bad = /^(javascript|vbscript|data|livescript):/i;
  for (const el of document.querySelectorAll("*")) {
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      const value = attr.value.replace(/[\\x00-\\x20]/g, "");
      if (name.startsWith("on")) problems.push(`${el.tagName} ${name}=${attr.value}`);
      else if (["href", "src", "action", "formaction", "data", "xlink:href", "srcdoc"].includes(name) && (name === "srcdoc" || bad.test(value)))
        problems.push(`${el.tagName} ${name}=${attr.value}`);
    }
    if (["IFRAME", "OBJECT", "EMBED", "BASE", "FRAME"].includes(el.tagName)) problems.push(el.tagName);
    if (el.tagName === "SCRIPT" && el.type !== "application/json" && !(el.src && new URL(el.src).origin === location.origin))
      problems.push(`SCRIPT ${el.src} ${el.textContent.slice(0, 60)}`);
  }
  return problems;
}"""


@pytest.fixture
def dom_problems():
    """What in the page's DOM could run script; [] when nothing."""

    def find(page):
        return page.evaluate(DOM_PROBLEMS)

    return find

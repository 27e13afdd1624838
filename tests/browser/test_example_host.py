"""The worked example of docs/integrate.md in Chromium: a city's own Django site (examples/host) with
live rooms and questionnaires on its own pages, started as ``make example`` starts it.

Inès logs in through the city's login page (Django's own User), answers the questionnaire, then
writes in the webinar's live room; the animatrice sees the message arrive over the websocket.
"""

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from playwright.sync_api import expect

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "host"
PASSWORD = "vierzon-participe"


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def example_host(tmp_path):
    env = {**os.environ, "EXAMPLE_DATABASE": str(tmp_path / "example.sqlite3"), "DJANGO_SETTINGS_MODULE": "ville.settings"}
    env.pop("PYTHONPATH", None)
    for command in (["migrate", "--no-input", "-v", "0"], ["seed_example"]):
        result = subprocess.run([sys.executable, "manage.py", *command], cwd=EXAMPLE, env=env, capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stderr
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=EXAMPLE, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            break
        except OSError:
            time.sleep(0.2)
    else:
        server.terminate()
        raise RuntimeError("the example host did not start")
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def log_in(page, site, username):
    page.goto(f"{site}/connexion/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    expect(page.locator(".ville-bandeau")).to_contain_text("Se déconnecter")


def test_a_city_mounts_live_rooms_and_questionnaires_on_its_own_pages(example_host, browser):
    ines = browser.new_context(locale="fr-FR").new_page()
    log_in(ines, example_host, "ines")

    # The questionnaire, from the city's home page, under the city's layout.
    ines.get_by_role("link", name="La place de la gare demain").click()
    expect(ines).to_have_url(f"{example_host}/avis/questionnaires/1/")
    expect(ines.locator(".ville-bandeau")).to_contain_text("Ville de Vierzon")
    ines.get_by_label("Oui").check()
    ines.get_by_label("Que faudrait-il y changer ?").fill("Des arbres et des bancs.")
    ines.locator("button[type=submit]").last.click()
    expect(ines.get_by_text("Merci, vos réponses sont enregistrées.")).to_be_visible()

    # The webinar's live room: a message reaches the animatrice through the websocket.
    camille = browser.new_context(locale="fr-FR").new_page()
    log_in(camille, example_host, "animatrice")
    for page in (ines, camille):
        page.goto(f"{example_host}/")
        page.get_by_role("link", name="Webinaire : le budget participatif 2027").click()
        expect(page).to_have_url(f"{example_host}/webinaires/evenements/webinaire-budget-participatif/direct/")
        page.locator("#live-connection").filter(has_text="Connecté").wait_for()
    ines.get_by_label("Votre message").fill("Bonjour de la place de la gare !")
    ines.get_by_label("Votre message").press("Enter")
    expect(camille.locator("#live-messages")).to_contain_text("Bonjour de la place de la gare !")
    expect(camille.locator("#live-messages")).to_contain_text("Inès")

"""Screenshots of the main pages on a 390 px phone, for the README.

With the demo site running (``make run``) in another terminal:

    .venv/bin/python docs/screenshots/make_screenshots.py [http://127.0.0.1:8000]

Reads the demo database to find an event, a proposal, a consultation and the open live room, and
writes one PNG per page here, reduced to 64 colours (a few dozen KB each).
"""

import io
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lapartcitoyenne.settings")
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pages():
    import django

    django.setup()
    from django.urls import reverse

    from consultations.models import Consultation, Event
    from participation.proposals.models import Proposal

    live = Event.objects.filter(live_room__state="open").order_by("pk").first()
    return [
        ("home", reverse("home")),
        ("programme", reverse("consultations:programme")),
        ("event", Event.objects.filter(status="published").order_by("pk").first().get_absolute_url()),
        ("proposals", reverse("proposals:list")),
        ("proposal", Proposal.objects.public().order_by("pk").first().get_absolute_url()),
        ("consultation", Consultation.objects.public().order_by("pk").first().get_absolute_url()),
        ("live-room", reverse("live:room", kwargs={"slug": live.slug})),
    ]


def main(base):
    from PIL import Image
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
        context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=1, locale="fr-FR")
        page = context.new_page()
        for name, path in pages():
            page.goto(base + path, wait_until="networkidle")
            shot = Image.open(io.BytesIO(page.screenshot()))
            shot.convert("RGB").quantize(colors=64).save(HERE / f"{name}-390.png", optimize=True)
            print(f"{name}: {path}")
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000")

"""``python -m bench pages``: what a first visit downloads, page by page, as production serves it.

Serves the demo data (``manage.py load_demo``) with ``bench.pages_settings`` (static files collected
and pre-compressed by WhiteNoise, pages gzipped, DEBUG off) and opens each page in Chromium with an
empty cache, phone-sized (390 px). It sums what crossed the network for the page and everything it
loaded (Playwright's transfer sizes: compressed bodies plus headers). Budget: the home page under
100 KB (DESIGN.md).
"""

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SETTINGS = "bench.pages_settings"
PAGES = [
    ("home page", "/"),
    ("programme", "/programme/"),
    ("proposals", "/propositions/"),
    ("a proposal", "/propositions/1/"),
]
BUDGET_KB = {"/": 100}


def manage(*args, quiet=True):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": SETTINGS}
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True,
        stdout=subprocess.DEVNULL if quiet else None,
    )


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(port):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": SETTINGS}
    server = subprocess.Popen(
        [sys.executable, "manage.py", "serve", f"127.0.0.1:{port}", "--noreload"], cwd=ROOT, env=env,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise RuntimeError("the server did not start")


def first_visit(browser, url):
    """(total bytes, [(bytes, url)]) of one visit with an empty cache."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    responses = []
    page.on("requestfinished", lambda request: responses.append(request))
    page.goto(url, wait_until="networkidle")
    items = []
    for request in responses:
        sizes = request.sizes()
        items.append((sizes["responseBodySize"] + sizes["responseHeadersSize"], request.url))
    context.close()
    return sum(size for size, _url in items), sorted(items, reverse=True)


def main():
    from playwright.sync_api import sync_playwright

    chromium = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
    if not Path(chromium).exists():
        print(f"skipped: no Chromium at {chromium}")
        return
    manage("migrate", "--no-input", "-v", "0")
    manage("load_demo")
    manage("collectstatic", "--no-input", "-v", "0")
    port = free_port()
    server = serve(port)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
            for label, path in PAGES:
                total, items = first_visit(browser, f"http://127.0.0.1:{port}{path}")
                budget = BUDGET_KB.get(path)
                verdict = f" (budget {budget} KB: {'within' if total <= budget * 1000 else 'OVER'})" if budget else ""
                print(f"{label:<12} {path:<18} {total / 1000:6.1f} KB in {len(items)} responses{verdict}")
                for size, url in items[:4]:
                    print(f"    {size / 1000:6.1f} KB  {url.split(str(port), 1)[-1]}")
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()

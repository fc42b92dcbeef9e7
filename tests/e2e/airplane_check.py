"""Run inside a network namespace with only loopback: start the explorer and open every
page in both languages. Prints one line per page and exits non-zero on any failure.

Called by test_airplane.py as `unshare -n python -m tests.e2e.airplane_check`.
"""

from __future__ import annotations

import subprocess
import sys
import time

from playwright.sync_api import sync_playwright

from components.navigation import PAGES
from core.i18n import LANGUAGES, Translator
from deploy.local_server import CHROMIUM_LAUNCH
from tests.e2e.conftest import Server, open_app, screenshot

# A new namespace starts with loopback down.
subprocess.run(["ip", "link", "set", "lo", "up"], check=True)

started = time.monotonic()
server = Server()
print(f"server healthy after {time.monotonic() - started:.1f} s")
failures = []
try:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(**CHROMIUM_LAUNCH)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        for lang in LANGUAGES:
            for info in PAGES:
                try:
                    open_app(page, server, info.url_path, lang=lang)
                    title = page.locator("h1").first.inner_text().strip()
                    expected = Translator(lang)(f"{info.section}.title")
                    problems = page.locator(
                        '[data-testid="stException"], [data-testid="stAlertContentError"]'
                    ).count()
                    ok = title == expected and problems == 0
                    screenshot(page, f"airplane-{info.section}-{lang}")
                except Exception as error:  # report every page, not just the first failure
                    ok, title = False, repr(error)[:200]
                print(f"{'ok' if ok else 'FAIL'} {info.section} {lang}: {title}")
                if not ok:
                    failures.append(f"{info.section}/{lang}")
        browser.close()
finally:
    server.stop()
sys.exit(1 if failures else 0)

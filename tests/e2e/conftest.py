"""A real explorer server on a free localhost port and Debian's headless Chromium.

With CI=true a missing browser fails the run instead of skipping: CI must test in a
real browser. Every test records the requests its page makes, so a request that
leaves this machine fails it (the explorer must work in a room with no internet).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from deploy import local_server
from deploy.local_server import CHROMIUM, CHROMIUM_LAUNCH, DRAWN_JS
from tests.conftest import REPO

ARTIFACTS = REPO / "tests" / "artifacts"
LOCAL_HOSTS = {"127.0.0.1", "localhost", "[::1]", "::1"}
READY = '[data-testid="stApp"][data-test-script-state="notRunning"]'


def pytest_collection_modifyitems(items):
    if os.path.exists(CHROMIUM):
        return
    if os.environ.get("CI") == "true":
        raise pytest.UsageError(f"{CHROMIUM} is missing: CI must run the browser tests")
    skip = pytest.mark.skip(reason=f"{CHROMIUM} not installed (apt-get install chromium)")
    for item in items:
        if item.get_closest_marker("e2e"):
            item.add_marker(skip)


class Server(local_server.Server):
    """The explorer for one test, a module or a session, its log in tests/artifacts."""

    def __init__(self, **options):
        super().__init__(log_dir=ARTIFACTS, **options)


@pytest.fixture(scope="session")
def server() -> Iterator[Server]:
    """One explorer per test process (each xdist worker has its own), shared by its tests."""
    with Server() as running:
        yield running


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(**CHROMIUM_LAUNCH)
        yield launched
        launched.close()


class OutsideRequests(list):
    """Requests the page made to any host but this machine."""

    def record(self, request) -> None:
        parts = urlsplit(request.url)
        if parts.scheme in {"http", "https", "ws", "wss"} and parts.hostname not in LOCAL_HOSTS:
            self.append(request.url)


@pytest.fixture
def page_factory(browser):
    """New pages at a given viewport; each records requests that leave localhost."""
    contexts = []

    def make(width: int = 1280, height: int = 900):
        context = browser.new_context(viewport={"width": width, "height": height}, locale="vi-VN")
        contexts.append(context)
        page = context.new_page()
        page.outside_requests = OutsideRequests()
        page.on("request", page.outside_requests.record)
        page.set_default_timeout(60_000)  # a shared machine under load is slow, not broken
        return page

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(page_factory):
    page = page_factory()
    yield page
    assert page.outside_requests == [], "requests left localhost"


def wait_until_ready(page) -> None:
    """The script has finished running and nothing is still being drawn."""
    page.wait_for_selector(READY, timeout=60_000)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stSkeleton\"]')", timeout=60_000
    )
    page.wait_for_function(DRAWN_JS, polling="raf", timeout=60_000)
    page.wait_for_selector(READY, timeout=60_000)


def wait_for_view(page, view: str) -> None:
    """The app rewrites the URL in place after the rerun (no navigation), so poll it."""
    page.wait_for_function(
        "v => new URLSearchParams(location.search).getAll('view').join() === v",
        arg=view,
        timeout=60_000,
    )
    wait_until_ready(page)


def open_app(page, server: Server, path: str = "", **params: str) -> None:
    query = "&".join(f"{key}={value}" for key, value in params.items())
    page.goto(f"{server.url}/{path}" + (f"?{query}" if query else ""))
    wait_until_ready(page)


def screenshot(page, name: str) -> Path:
    """The whole page: Streamlit scrolls inside its own container, so grow the viewport to it."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    viewport = page.viewport_size
    content_height = page.evaluate(
        "() => Math.max(...[...document.querySelectorAll('*')]"
        ".filter(e => e.scrollHeight > e.clientHeight + 1 && "
        "getComputedStyle(e).overflowY.match(/auto|scroll/))"
        ".map(e => e.scrollHeight), document.documentElement.scrollHeight)"
    )
    page.set_viewport_size(
        {"width": viewport["width"], "height": min(max(content_height, viewport["height"]), 8000)}
    )
    page.wait_for_function(DRAWN_JS, polling="raf", timeout=60_000)  # re-laid out
    page.screenshot(path=str(path), full_page=True)
    page.set_viewport_size(viewport)
    return path


def no_traceback(page) -> None:
    assert "Traceback" not in page.inner_text("body")
    assert page.locator('[data-testid="stException"]').count() == 0


def page_title(page) -> str:
    return page.locator("h1").first.inner_text().strip()


def open_page(page, server: Server, section: str, lang: str, **params: str) -> None:
    """Open one of the explorer's pages and check it drew its own title, without a traceback."""
    from components.navigation import page_of
    from core.i18n import Translator

    open_app(page, server, page_of(section).url_path, lang=lang, **params)
    no_traceback(page)
    assert page_title(page) == Translator(lang)(f"{section}.title")

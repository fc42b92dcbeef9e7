"""A real explorer server on a free localhost port and Debian's headless Chromium.

With CI=true a missing browser fails the run instead of skipping: CI must test in a
real browser. Every test records the requests its page makes, so a request that
leaves this machine fails it (the explorer must work in a room with no internet).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.conftest import REPO

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = REPO / "tests" / "artifacts"
# Flags that keep Chromium from calling home; it has no sandbox as root in a container.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LOCAL_HOSTS = {"127.0.0.1", "localhost", "[::1]", "::1"}
READY = '[data-testid="stApp"][data-test-script-state="notRunning"]'


def pytest_collection_modifyitems(items):
    if os.path.exists(CHROMIUM):
        return
    if os.environ.get("CI") == "true":
        raise pytest.UsageError(f"{CHROMIUM} is missing: CI must run the browser tests")
    skip = pytest.mark.skip(reason=f"{CHROMIUM} not installed (apt-get install chromium)")
    for item in items:
        if "e2e" in str(item.fspath):
            item.add_marker(skip)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """`streamlit run app.py` on localhost, stopped when the test session ends."""

    def __init__(
        self,
        env: dict[str, str] | None = None,
        script: str = "app.py",
        extra_args: tuple[str, ...] = (),
    ):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        command = [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            script,
            "--server.port",
            str(self.port),
            "--server.address",
            "127.0.0.1",
            "--server.headless",
            "true",
            "--server.fileWatcherType",
            "none",
            *extra_args,
        ]
        self.log = ARTIFACTS / f"server-{self.port}.log"
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        self.process = subprocess.Popen(
            command,
            cwd=REPO,
            env={**os.environ, **(env or {})},
            stdout=self.log.open("w"),
            stderr=subprocess.STDOUT,
        )
        self._wait_healthy()

    def _wait_healthy(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited: {self.log.read_text()[-2000:]}")
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as reply:
                    if reply.status == 200:
                        return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("server did not become healthy within 60 s")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()


@pytest.fixture(scope="session")
def server() -> Iterator[Server]:
    running = Server()
    yield running
    running.stop()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
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
        page.set_default_timeout(30_000)
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
        "() => !document.querySelector('[data-testid=\"stSkeleton\"]')", timeout=30_000
    )
    page.wait_for_timeout(300)  # let charts paint after their data arrives
    page.wait_for_selector(READY, timeout=60_000)


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
    page.wait_for_timeout(300)
    page.screenshot(path=str(path), full_page=True)
    page.set_viewport_size(viewport)
    return path


def no_traceback(page) -> None:
    assert "Traceback" not in page.inner_text("body")
    assert page.locator('[data-testid="stException"]').count() == 0


def page_title(page) -> str:
    return page.locator("h1").first.inner_text().strip()


def open_page(page, server: Server, section: str, lang: str) -> None:
    """Open one of the explorer's pages and check it drew its own title, without a traceback."""
    from components.navigation import page_of
    from core.i18n import Translator

    open_app(page, server, page_of(section).url_path, lang=lang)
    no_traceback(page)
    assert page_title(page) == Translator(lang)(f"{section}.title")

"""Two replicas behind nginx on loopback, as deploy/ describes: both healthy, sticky per
browser, one WebSocket through the proxy, and a reader's whole visit renders.

nginx comes from Debian's nginx-light (./dev test installs it). Without it the tests skip
locally and fail when CI=true, like the browser rule in conftest.py.
"""

from __future__ import annotations

import os
import secrets
import socket
import urllib.request
from base64 import b64encode

import pytest

from core.i18n import Translator
from deploy.local_server import healthy
from deploy.run_replicas import Nginx, find_nginx
from tests.e2e.conftest import Server, no_traceback, open_app, screenshot, wait_until_ready

# One worker runs the whole module, so its module-scoped servers start once (--dist loadgroup).
pytestmark = pytest.mark.xdist_group("replicas")

TITLE = "h1"
CONNECTION_TROUBLE = '[data-testid="stConnectionStatus"]'


@pytest.fixture(scope="module", autouse=True)
def needs_nginx():
    if find_nginx() is None:
        message = "nginx not installed (apt-get install nginx-light)"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{message}: CI must run the replica tests")
        pytest.skip(message)


def start_replicas(count: int = 2) -> list[Server]:
    """Replicas as a deployment runs them: one cookie secret, the public host allowed."""
    env = {
        "STREAMLIT_SERVER_COOKIE_SECRET": secrets.token_hex(32),
        "STREAMLIT_SERVER_ALLOWED_HOSTS": "127.0.0.1 localhost",
    }
    replicas: list[Server] = []
    try:
        for _ in range(count):
            replicas.append(Server(env=env))
    except Exception:
        for replica in replicas:
            replica.stop()
        raise
    return replicas


@pytest.fixture(scope="module")
def replicas():
    running = start_replicas()
    yield running
    for replica in running:
        replica.stop()


@pytest.fixture(scope="module")
def proxy(replicas):
    with Nginx([replica.port for replica in replicas], expose_replica=True) as nginx:
        yield nginx


def get(url: str, cookie: str | None = None):
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    with urllib.request.urlopen(request, timeout=10) as reply:
        return reply.status, reply.headers, reply.read()


def route_cookie(headers) -> str:
    cookies = [c for c in headers.get_all("Set-Cookie") or [] if c.startswith("plan_route=")]
    assert cookies, "nginx set no route cookie"
    return cookies[0].split(";")[0]


def websocket_handshake(port: int, host: str) -> str:
    """The status line nginx returns to a WebSocket handshake sent with this Host."""
    key = b64encode(secrets.token_bytes(16)).decode()
    request = (
        f"GET /_stcore/stream HTTP/1.1\r\nHost: {host}\r\nUpgrade: websocket\r\n"
        f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\n"
        "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: streamlit\r\n\r\n"
    )
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(request.encode())
        return sock.recv(4096).decode("latin-1").split("\r\n")[0]


def test_replicas_healthy_and_nginx_forwards_health(replicas, proxy):
    for replica in replicas:
        assert healthy(replica.url), f"replica {replica.url} is not healthy"
    status, headers, body = get(f"{proxy.url}/_stcore/health")
    assert (status, body.strip()) == (200, b"ok")
    assert headers["X-Plan-Replica"] in {f"127.0.0.1:{r.port}" for r in replicas}


def test_sessions_are_sticky_and_spread(replicas, proxy):
    _, headers, _ = get(f"{proxy.url}/")
    cookie = route_cookie(headers)
    first = headers["X-Plan-Replica"]
    for _ in range(8):
        _, headers, _ = get(f"{proxy.url}/_stcore/health", cookie)
        assert headers["X-Plan-Replica"] == first, "a browser changed replica"
        assert not any(c.startswith("plan_route=") for c in headers.get_all("Set-Cookie") or [])
    # New browsers land on both replicas (a random route each; 2 x 0.5^24 to miss one).
    reached = {get(f"{proxy.url}/_stcore/health")[1]["X-Plan-Replica"] for _ in range(24)}
    assert reached == {f"127.0.0.1:{r.port}" for r in replicas}


def test_websocket_upgrade_and_allowed_hosts(proxy):
    assert " 101 " in websocket_handshake(proxy.port, f"127.0.0.1:{proxy.port}") + " "
    # server.allowedHosts (from the environment) turns away a host it does not name.
    assert " 101 " not in websocket_handshake(proxy.port, "evil.example") + " "


def heading(page) -> str:
    return page.locator(TITLE).first.inner_text().strip()


def settled(page, title: str) -> None:
    """The run finished, the page shows `title`, and nothing went wrong on the way."""
    page.wait_for_function(
        "title => document.querySelector('h1')?.innerText.trim() === title",
        arg=title,
        timeout=60_000,
    )
    wait_until_ready(page)
    assert heading(page) == title
    no_traceback(page)
    assert page.locator(CONNECTION_TROUBLE).count() == 0
    assert "Connection error" not in page.inner_text("body")


def nav_link(page, label: str):
    return page.locator('[data-testid="stSidebarNav"]').get_by_role("link", name=label).first


def test_visit_through_nginx(page, proxy):
    sockets = []
    page.on("websocket", lambda ws: sockets.append(ws))
    vi, en = Translator("vi"), Translator("en")

    open_app(page, proxy)
    settled(page, vi("overview.title"))

    nav_link(page, vi("nav.sources")).click()
    page.wait_for_url("**/sources**")
    settled(page, vi("sources.title"))

    page.get_by_text("English", exact=True).click()
    page.wait_for_url("**lang=en**")
    settled(page, en("sources.title"))

    nav_link(page, en("nav.economy")).click()
    page.wait_for_url("**/economy**")
    settled(page, en("economy.title"))

    # The sliders are on the what-if tab; the page opens on the targets.
    page.locator(".st-key-economy-tabs").get_by_role(
        "tab", name=en("economy.view.whatif"), exact=True
    ).click()
    page.wait_for_url("**view=whatif**")
    page.locator(".st-key-econ-g").wait_for()
    settled(page, en("economy.title"))
    # Streamlit 1.67 draws a slider as <input type="range">: an implicit role, no attribute.
    slider = page.locator(".st-key-econ-g").get_by_role("slider")
    before = slider.get_attribute("aria-valuetext")
    slider.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function(
        "before => document.querySelector('.st-key-econ-g input[type=\"range\"]')"
        "?.getAttribute('aria-valuetext') !== before",
        arg=before,
    )
    settled(page, en("economy.title"))

    screenshot(page, "replicas")
    # The whole visit was one session on one WebSocket through nginx, never dropped.
    assert [socket.url.split("/_stcore")[0] for socket in sockets] == [
        proxy.url.replace("http://", "ws://")
    ]
    assert not sockets[0].is_closed()


def test_one_replica_down_new_visits_still_served():
    replicas = start_replicas()
    try:
        with Nginx([replica.port for replica in replicas], expose_replica=True) as nginx:
            replicas[0].stop()
            for _ in range(12):  # whichever replica a new browser hashes to
                status, headers, body = get(f"{nginx.url}/_stcore/health")
                assert (status, body.strip()) == (200, b"ok")
                assert headers["X-Plan-Replica"].endswith(f":{replicas[1].port}")
    finally:
        for replica in replicas:
            replica.stop()


def test_first_visit_to_a_fresh_replica_by_deep_link(page):
    """A restarted replica's first reader may come by a shared link, not by the root.

    Streamlit 1.67 treats pages/ as a legacy multipage folder until st.navigation first
    runs; components/legacy_pages.py routes that first request through app.py.
    """
    fresh = Server()
    try:
        open_app(page, fresh, "sources", lang="en")
        en = Translator("en")
        settled(page, en("sources.title"))
        assert nav_link(page, en("nav.overview")).count() == 1
        assert page.get_by_role("radio", name="English").is_checked()
    finally:
        fresh.stop()

"""What the benchmark measures: page loads and slider reruns in headless Chromium, the
script alone in AppTest, and a server's memory with many sessions. No verdicts here:
report.py compares the figures with the floor and the budgets.
"""

from __future__ import annotations

import base64
import json
import logging
import statistics
import time
from dataclasses import dataclass, field
from pathlib import Path

from deploy.local_server import DRAWN_JS, REPO, Server

ARTIFACTS = REPO / "benchmarks" / "artifacts"
VIEWPORT = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}  # a common phone's CSS pixels (issue 19)

# Installed before any page script: remembers when the app's script started and
# stopped running and when a key went down, in the page's clock (ms since navigation).
PROBE_JS = """
(() => {
  const probe = window.__bench = {runningAt: [], notRunningAt: [], keydownAt: null};
  let last = null;
  const look = () => {
    const app = document.querySelector('[data-testid="stApp"]');
    const state = app && app.getAttribute('data-test-script-state');
    if (state === last) return;
    last = state;
    if (state === 'running') probe.runningAt.push(performance.now());
    if (state === 'notRunning') probe.notRunningAt.push(performance.now());
  };
  new MutationObserver(look).observe(document, {
    subtree: true, childList: true, attributes: true,
    attributeFilter: ['data-test-script-state']});
  window.addEventListener('keydown', () => { probe.keydownAt = performance.now(); }, true);
  // When the app's WebSocket sends and receives, to split a rerun into server and browser.
  probe.sentAt = []; probe.receivedAt = [];
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', () => probe.receivedAt.push(performance.now()));
    }
    send(data) { probe.sentAt.push(performance.now()); return super.send(data); }
  };
})();
"""

# Truthy (the time, ms since navigation start) once the script has finished, nothing is
# stale or a skeleton, and everything a reader can see is drawn.
READY_JS = (
    """
() => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
  if (document.querySelector('[data-testid="stSkeleton"]')) return false;
  const main = document.querySelector('[data-testid="stMainBlockContainer"]');
  if (!main || !main.querySelector('[data-testid="stElementContainer"]')) return false;
  if (main.querySelector('[data-stale="true"]')) return false;
  return ("""
    + DRAWN_JS.strip()
    + """)() && performance.now();
}
"""
)


def ready_with(selector: str) -> str:
    """READY_JS that also waits for `selector` on the page (truthy: the time)."""
    return f"() => !!document.querySelector({json.dumps(selector)}) && ({READY_JS.strip()})()"


# Truthy (the time) once the watched text differs from `before`.
CHANGED_JS = """
([selector, before]) => {
  const found = document.querySelector(selector);
  const text = found ? found.innerText : null;
  return text !== null && text !== before ? performance.now() : false;
}
"""


def frame_bytes(payload: str, opcode: int) -> int:
    """Bytes of a WebSocket frame as CDP reports it: binary frames come base64-encoded."""
    if opcode == 2:
        return len(base64.b64decode(payload)) if payload else 0
    return len(payload.encode("utf-8"))


def is_static(url: str) -> bool:
    """The framework's own files (JS, CSS, fonts) that every Streamlit app downloads."""
    return "/static/" in url.split("?", 1)[0]


@dataclass
class Traffic:
    """Bytes a page received, by kind, since the last reset (fed by CDP events)."""

    static: int = 0
    http_other: int = 0
    websocket: int = 0
    other_urls: dict[str, int] = field(default_factory=dict)
    _urls: dict[str, str] = field(default_factory=dict)

    def attach(self, context, page) -> None:
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.on("Network.requestWillBeSent", self._request)
        cdp.on("Network.loadingFinished", self._finished)
        cdp.on("Network.webSocketFrameReceived", self._frame)

    def reset(self) -> None:
        self.static = self.http_other = self.websocket = 0
        self.other_urls = {}

    def _request(self, event) -> None:
        self._urls[event["requestId"]] = event["request"]["url"]

    def _finished(self, event) -> None:
        url = self._urls.pop(event["requestId"], "")
        size = int(event.get("encodedDataLength", 0))
        if is_static(url):
            self.static += size
        else:
            self.http_other += size
            path = url.split("?", 1)[0]
            self.other_urls[path] = self.other_urls.get(path, 0) + size

    def _frame(self, event) -> None:
        response = event["response"]
        self.websocket += frame_bytes(response.get("payloadData", ""), response.get("opcode", 1))


@dataclass
class Load:
    render_ms: float
    script_ms: float | None
    static: int
    http_other: int
    websocket: int
    runs: int = 1  # script runs the browser saw until ready: 2 means a rerun on load

    @property
    def all_bytes(self) -> int:
        """Everything received: HTTP responses (incl. static JS) and WebSocket frames."""
        return self.static + self.http_other + self.websocket


class Tab:
    """One browser context with one page, its traffic recorded."""

    def __init__(self, browser, viewport: dict = VIEWPORT):
        self.context = browser.new_context(viewport=viewport, locale="vi-VN")
        self.context.add_init_script(PROBE_JS)
        self.page = self.context.new_page()
        self.page.set_default_timeout(60_000)
        self.traffic = Traffic()
        self.traffic.attach(self.context, self.page)

    def load(self, url: str) -> Load:
        self.traffic.reset()
        self.page.goto(url, wait_until="commit")
        ready = self.page.wait_for_function(READY_JS, polling="raf", timeout=60_000)
        render_ms = float(ready.json_value())
        # Let the last frames' CDP events arrive, and a rerun the page triggers on load start.
        self.page.wait_for_timeout(300)
        probe = self.page.evaluate("window.__bench")
        script_ms = None
        if probe["runningAt"] and probe["notRunningAt"]:
            started = probe["runningAt"][0]
            ended = [t for t in probe["notRunningAt"] if t >= started]
            script_ms = ended[-1] - started if ended else None
        return Load(
            render_ms,
            script_ms,
            self.traffic.static,
            self.traffic.http_other,
            self.traffic.websocket,
            len(probe["runningAt"]),
        )

    def close(self) -> None:
        self.context.close()


def slider_handle(page, scope: str):
    """The slider's focusable thumb: [role="slider"] or the range input that carries it."""
    handle = page.locator(f'{scope} [role="slider"], {scope} input[type="range"]')
    return handle.first if handle.count() else None


@dataclass
class SliderRun:
    to_result_ms: list[float] = field(default_factory=list)
    to_finished_ms: list[float] = field(default_factory=list)
    bytes_per_rerun: list[int] = field(default_factory=list)
    to_sent_ms: list[float] = field(default_factory=list)  # the browser sends the value
    to_last_frame_ms: list[float] = field(default_factory=list)  # last frame before the change


def slider_latency(tab: Tab, scope: str, result_selector: str, presses: int) -> SliderRun | None:
    page = tab.page
    handle = slider_handle(page, scope)
    if handle is None:
        return None
    handle.focus()
    run = SliderRun()
    for index in range(presses + 2):  # the first two warm up the rerun path
        key = "ArrowRight" if index % 2 == 0 else "ArrowLeft"
        before = page.locator(result_selector).first.inner_text()
        page.evaluate(
            "Object.assign(window.__bench, {keydownAt: null, sentAt: [], receivedAt: []})"
        )
        tab.traffic.reset()
        page.keyboard.press(key)
        changed = float(
            page.wait_for_function(
                CHANGED_JS, arg=[result_selector, before], polling="raf", timeout=30_000
            ).json_value()
        )
        page.wait_for_function(READY_JS, polling="raf", timeout=30_000)
        page.wait_for_timeout(150)  # the rerun's last frames and CDP events
        probe = page.evaluate("window.__bench")
        pressed = probe["keydownAt"]
        if index < 2 or pressed is None:
            continue
        run.to_result_ms.append(changed - pressed)
        if probe["sentAt"]:
            run.to_sent_ms.append(probe["sentAt"][0] - pressed)
        frames = [t for t in probe["receivedAt"] if pressed < t <= changed]
        if frames:
            run.to_last_frame_ms.append(frames[-1] - pressed)
        ended = [t for t in probe["notRunningAt"] if t > pressed]
        if ended:
            run.to_finished_ms.append(ended[-1] - pressed)
        run.bytes_per_rerun.append(tab.traffic.websocket)
    return run


def ward_search(
    tab: Tab, url: str, label: str, query: str, card: str, searches: int
) -> list[float]:
    """A name typed in the lookup box (label `label`), then Enter -> the chosen ward's
    `card` drawn and the script finished (ms from the key press); the page is loaded
    afresh (without a ward) before each search."""
    times = []
    for _ in range(searches):
        tab.load(url)
        box = tab.page.get_by_role("textbox", name=label)
        box.fill(query)  # no keydown: the probe's key press is the Enter below
        tab.page.evaluate("window.__bench.keydownAt = null")
        box.press("Enter")
        ready = tab.page.wait_for_function(ready_with(card), polling="raf", timeout=30_000)
        times.append(float(ready.json_value()) - tab.page.evaluate("window.__bench.keydownAt"))
    return times


def script_times(pages, lang: str, runs: int = 5) -> dict[str, float]:
    """Server-side script time per page (ms, median of `runs` warm reruns) in AppTest.

    In this process, so it includes AppTest's own bookkeeping but no browser or network.
    """
    from streamlit.testing.v1 import AppTest

    logging.disable(logging.WARNING)  # AppTest's "missing ScriptRunContext" lines
    try:
        return _script_times(AppTest, pages, lang, runs)
    finally:
        logging.disable(logging.NOTSET)


def _script_times(app_test, pages, lang: str, runs: int) -> dict[str, float]:
    times: dict[str, float] = {}
    for name, script, path, params in pages:
        at = app_test.from_file(str(REPO / script), default_timeout=60)
        at.query_params.update({"lang": lang, **params})
        at.run()
        if path is not None:
            at.switch_page(path).run()
        samples = []
        for _ in range(runs):
            begin = time.perf_counter()
            at.run()
            samples.append((time.perf_counter() - begin) * 1000)
        times[name] = statistics.median(samples)
    return times


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for pid {pid}")


@dataclass
class Memory:
    idle_mb: float
    one_mb: float
    many_mb: float
    sessions: int

    @property
    def per_extra_mb(self) -> float:
        return (self.many_mb - self.one_mb) / (self.sessions - 1)


def session_memory(browser, script: str, path: str, sessions: int) -> Memory:
    """A fresh server, so sessions of earlier measurements are not in its memory."""
    server = Server(script=script, log_dir=ARTIFACTS)
    tabs = []
    try:
        idle = rss_mb(server.process.pid)
        for count in range(sessions):
            tab = Tab(browser)
            tab.load(f"{server.url}/{path}")
            tabs.append(tab)
            if count == 0:
                time.sleep(1.0)
                one = rss_mb(server.process.pid)
        time.sleep(2.0)
        many = rss_mb(server.process.pid)
        return Memory(idle, one, many, sessions)
    finally:
        for tab in tabs:
            tab.close()
        server.stop()

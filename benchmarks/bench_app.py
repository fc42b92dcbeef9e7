"""The explorer's performance benchmark, measured against a floor app in the same run.

`./dev bench` (or `.venv/bin/python benchmarks/bench_app.py`) starts the explorer and
benchmarks/floor_app.py (one slider, one line of text) on localhost, drives headless
Chromium through them and prints every figure beside the floor's, with the budget:

* render: navigation start -> the script has finished (stApp notRunning), no
  stSkeleton, every visible chart/map/table has its canvas or SVG; one cold load
  (fresh browser context: empty cache) then the median of 5 warm loads, of every page
  and of every lazy tab of a page (``?view=…``). Vietnamese only (the default
  language; English runs the same code with other strings). Budget: each warm median
  <= 2.5x the floor's loaded the same way: the home page against the floor at /, pages
  below the root against the floor at /floor (see floor_app.py: Streamlit probes a
  sub-path for its server before the root, #7074). The ratio to the floor at / is
  printed beside it.
* slider: key press on the economy what-if tab's growth slider -> the first st.metric value
  in the results changes (floor: its slider -> its text); median of 20 presses,
  ArrowRight/ArrowLeft alternately. Budget: <= 6x the floor's and < 150 ms.
* bytes: HTTP responses (CDP Network.loadingFinished encodedDataLength), split into
  the framework's /static/ files and everything else, and WebSocket frames received
  (the page's own data). Budget: the page's own data <= 600 KB on every page.
* memory: the server's VmRSS with 1 and with 10 sessions on the economy what-if tab, on fresh
  servers. Budget: <= 40 MB per extra session.

It is a report: the exit code is 0 even when a budget fails (FAIL is printed). The
figures and a line about the machine replace the "## Benchmark" section of
benchmarks/results.md; other sections there are kept. Timings are wall-clock on a
shared machine: compare ratios to the floor, not absolute numbers between runs.
"""

from __future__ import annotations

import base64
import datetime as dt
import os
import platform
import re
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

RESULTS = REPO / "benchmarks" / "results.md"
SECTION = "## Benchmark"
LANG = "vi"
WARM_LOADS = 5
SLIDER_PRESSES = 20
SESSIONS = 10
VIEWPORT = {"width": 1280, "height": 900}

RENDER_RATIO = 2.5
SLIDER_RATIO = 6.0
SLIDER_MS = 150.0
PAGE_DATA_KB = 600.0
SESSION_MB = 40.0

ECON_SLIDER_SCOPE = ".st-key-econ-g"
ECON_WHATIF = f"economy?lang={LANG}&view=whatif"
FLOOR, FLOOR_BELOW_ROOT = "floor", "floor·/floor"  # the same page, at / and at /floor
FLOOR_SLIDER_SCOPE = ".st-key-floor"
METRIC_VALUE = '[data-testid="stMetricValue"]'
FLOOR_TEXT = '[data-testid="stText"]'

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

# Truthy (the time, ms since navigation start) once the page is fully drawn.
READY_JS = """
() => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
  if (document.querySelector('[data-testid="stSkeleton"]')) return false;
  const main = document.querySelector('[data-testid="stMainBlockContainer"]');
  if (!main || !main.querySelector('[data-testid="stElementContainer"]')) return false;
  if (main.querySelector('[data-stale="true"]')) return false;
  // Drawn only where a reader can see it: a table in a closed expander stays undrawn.
  const shown = e => e.getClientRects().length > 0 && !e.closest('details:not([open])')
    && (!e.checkVisibility || e.checkVisibility());
  const drawn = (selector, inner) => [...document.querySelectorAll(selector)]
    .filter(shown).every(e => [...e.querySelectorAll(inner)]
      .some(c => c.getBoundingClientRect().width > 0));
  if (!drawn('[data-testid="stVegaLiteChart"]', 'canvas, svg.marks')) return false;
  if (!drawn('[data-testid="stDeckGlJsonChart"]', 'canvas')) return false;
  if (!drawn('[data-testid="stDataFrame"]', 'canvas')) return false;
  return performance.now();
}
"""

# Truthy (the time) once the watched text differs from `before`.
CHANGED_JS = """
([selector, before]) => {
  const found = document.querySelector(selector);
  const text = found ? found.innerText : null;
  return text !== null && text !== before ? performance.now() : false;
}
"""


# ---- pure helpers (tested in tests/unit/test_bench_helpers.py) --------------------


def median(values: list[float]) -> float | None:
    return statistics.median(values) if values else None


def frame_bytes(payload: str, opcode: int) -> int:
    """Bytes of a WebSocket frame as CDP reports it: binary frames come base64-encoded."""
    if opcode == 2:
        return len(base64.b64decode(payload)) if payload else 0
    return len(payload.encode("utf-8"))


def is_static(url: str) -> bool:
    """The framework's own files (JS, CSS, fonts) that every Streamlit app downloads."""
    return "/static/" in url.split("?", 1)[0]


def explorer_views(pages) -> list[tuple[str, str, str]]:
    """Every page and every lazy tab of a page: (name, URL path, extra query)."""
    views = []
    for page in pages:
        views.append((page.section, page.url_path, ""))
        views += [
            (f"{page.section}·{view}", page.url_path, f"&view={view}") for view in page.views[1:]
        ]
    return views


def floor_for(url_path: str) -> str:
    """The floor loaded the same way: at the root for the home page, else below it."""
    return FLOOR if not url_path else FLOOR_BELOW_ROOT


def ratio(value: float | None, floor: float | None) -> float | None:
    if value is None or floor is None or floor <= 0:
        return None
    return value / floor


def verdict(ok: bool | None) -> str:
    return "n/a" if ok is None else ("PASS" if ok else "FAIL")


def within(value: float | None, limit: float | None) -> bool | None:
    return None if value is None or limit is None else value <= limit


def replace_section(document: str, section: str, heading: str = SECTION) -> str:
    """`document` with its `heading` section (up to the next level-2 heading) replaced."""
    body = section.rstrip("\n") + "\n"
    pattern = re.compile(rf"^{re.escape(heading)}[ \t]*\n.*?(?=^## |\Z)", re.M | re.S)
    if pattern.search(document):
        return pattern.sub(lambda _: body + "\n", document, count=1).rstrip("\n") + "\n"
    if not document.strip():
        return "# Performance results\n\n" + body
    return document.rstrip("\n") + "\n\n" + body


def fmt(value: float | None, unit: str = "", digits: int = 0) -> str:
    return "n/a" if value is None else f"{value:,.{digits}f}{unit}"


def fmt_ratio(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}×"


# ---- the browser side -------------------------------------------------------------


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


class Tab:
    """One browser context with one page, its traffic recorded."""

    def __init__(self, browser):
        self.context = browser.new_context(viewport=VIEWPORT, locale="vi-VN")
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
        self.page.wait_for_timeout(200)  # let the last frames' CDP events arrive
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


# ---- the server side --------------------------------------------------------------


def script_times(pages, runs: int = 5) -> dict[str, float]:
    """Server-side script time per page (ms, median of `runs` warm reruns) in AppTest.

    In this process, so it includes AppTest's own bookkeeping but no browser or network.
    """
    import logging

    from streamlit.testing.v1 import AppTest

    logging.disable(logging.WARNING)  # AppTest's "missing ScriptRunContext" lines
    try:
        return _script_times(AppTest, pages, runs)
    finally:
        logging.disable(logging.NOTSET)


def _script_times(app_test, pages, runs: int) -> dict[str, float]:
    times: dict[str, float] = {}
    for name, script, path, params in pages:
        at = app_test.from_file(str(REPO / script), default_timeout=60)
        at.query_params.update({"lang": LANG, **params})
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

    @property
    def per_extra_mb(self) -> float:
        return (self.many_mb - self.one_mb) / (SESSIONS - 1)


def session_memory(browser, server_cls, script: str, path: str) -> Memory:
    """A fresh server, so sessions of earlier measurements are not in its memory."""
    server = server_cls(script=script)
    tabs = []
    try:
        idle = rss_mb(server.process.pid)
        for count in range(SESSIONS):
            tab = Tab(browser)
            tab.load(f"{server.url}/{path}")
            tabs.append(tab)
            if count == 0:
                time.sleep(1.0)
                one = rss_mb(server.process.pid)
        time.sleep(2.0)
        many = rss_mb(server.process.pid)
        return Memory(idle, one, many)
    finally:
        for tab in tabs:
            tab.close()
        server.stop()


# ---- the report -------------------------------------------------------------------


def load_average() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def machine_line() -> str:
    import streamlit

    model = "unknown CPU"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            model = line.split(":", 1)[1].strip()
            break
    total = "?"
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal:"):
            total = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    return (
        f"{os.cpu_count()} CPUs (nproc {len(os.sched_getaffinity(0))}), {total} RAM, "
        f"{model}; Python {platform.python_version()}, Streamlit {streamlit.__version__}; "
        f"{dt.datetime.now().astimezone():%Y-%m-%d %H:%M %Z}"
    )


def table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def kb(value: float | None) -> float | None:
    return None if value is None else value / 1024


def main() -> int:
    from playwright.sync_api import sync_playwright

    from components.navigation import PAGES
    from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS, Server

    started = time.monotonic()
    load_before = load_average()
    print("Server-side script times (AppTest) …", flush=True)
    views = explorer_views(PAGES)
    path_of = {page.section: page.path for page in PAGES}
    script_ms = script_times(
        [(FLOOR, "benchmarks/floor_app.py", None, {})]
        + [
            (
                name,
                "app.py",
                None if not url_path else path_of[name.split("·")[0]],
                {"view": extra.split("=", 1)[1]} if extra else {},
            )
            for name, url_path, extra in views
        ]
    )
    print("Starting the explorer and the floor app …", flush=True)
    app = Server()
    floor = Server(script="benchmarks/floor_app.py")
    # (name, URL, the floor it is compared with; None for the floors themselves)
    targets = [(FLOOR, floor.url + "/", None), (FLOOR_BELOW_ROOT, floor.url + "/floor", None)]
    targets += [
        (name, f"{app.url}/{url_path}?lang={LANG}{extra}", floor_for(url_path))
        for name, url_path, extra in views
    ]
    cold: dict[str, Load] = {}
    warm: dict[str, list[Load]] = {name: [] for name, _, _ in targets}
    notes: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            # Cold: each page as a first visit, in a fresh context (empty HTTP cache).
            for name, url, _ in targets:
                tab = Tab(browser)
                cold[name] = tab.load(url)
                tab.close()
                print(
                    f"  cold {name}: {cold[name].render_ms:.0f} ms "
                    f"[{time.monotonic() - started:.0f} s]",
                    flush=True,
                )
            # Warm: rounds that visit the floors and every page, so noise hits them alike.
            floor_tab, app_tab = Tab(browser), Tab(browser)
            for _name, url, compared in targets:  # fill each context's cache once
                (floor_tab if compared is None else app_tab).load(url)
            for round_ in range(WARM_LOADS):
                for name, url, compared in targets:
                    load = (floor_tab if compared is None else app_tab).load(url)
                    warm[name].append(load)
                print(
                    f"  warm round {round_ + 1}/{WARM_LOADS} done "
                    f"[{time.monotonic() - started:.0f} s]",
                    flush=True,
                )

            # Slider -> result.
            floor_tab.load(floor.url + "/")
            floor_slider = slider_latency(floor_tab, FLOOR_SLIDER_SCOPE, FLOOR_TEXT, SLIDER_PRESSES)
            app_tab.load(f"{app.url}/{ECON_WHATIF}")
            econ_slider = slider_latency(app_tab, ECON_SLIDER_SCOPE, METRIC_VALUE, SLIDER_PRESSES)
            if econ_slider is None:
                notes.append(
                    f"The economy what-if tab has no `{ECON_SLIDER_SCOPE}` slider: "
                    "slider figures are n/a."
                )
            print(f"  sliders done [{time.monotonic() - started:.0f} s]", flush=True)
            floor_tab.close()
            app_tab.close()
            app.stop()
            floor.stop()

            # Memory with 1 and with 10 sessions, on fresh servers.
            econ_mem = session_memory(browser, Server, "app.py", ECON_WHATIF)
            floor_mem = session_memory(browser, Server, "benchmarks/floor_app.py", "")
            print(f"  memory done [{time.monotonic() - started:.0f} s]", flush=True)
        finally:
            browser.close()
            app.stop()
            floor.stop()

    elapsed = time.monotonic() - started
    notes.append(
        f"Load average (1, 5, 15 min) at the start {load_before}, at the end "
        f"{load_average()}, on {os.cpu_count()} CPUs: above the CPU count, other "
        "work shared the machine and the absolute times are inflated."
    )
    report, failures = build_report(
        targets,
        cold,
        warm,
        floor_slider,
        econ_slider,
        econ_mem,
        floor_mem,
        script_ms,
        notes,
        elapsed,
    )
    print()
    print(report)
    RESULTS.write_text(
        replace_section(RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "", report),
        encoding="utf-8",
    )
    print(f"\nWritten to {RESULTS.relative_to(REPO)} ({elapsed:.0f} s).")
    if failures:
        print("FAIL: " + "; ".join(failures))
    else:
        print("All budgets PASS.")
    return 0


def build_report(
    targets, cold, warm, floor_slider, econ_slider, econ_mem, floor_mem, script_ms, notes, elapsed
) -> tuple[str, list[str]]:
    header = ["Figure", "Explorer", "Floor", "Ratio", "Ratio to the floor at /", "Budget", "Result"]
    rows: list[list[str]] = []
    failures: list[str] = []

    def add(figure, value, floor_value, unit, digits, budget, ok, root_ratio="—"):
        rows.append(
            [
                figure,
                fmt(value, unit, digits),
                fmt(floor_value, unit, digits),
                fmt_ratio(ratio(value, floor_value)),
                root_ratio,
                budget,
                f"**{verdict(ok)}**" if ok is False else verdict(ok),
            ]
        )
        if ok is False:
            failures.append(f"{figure} = {fmt(value, unit, digits)} (budget {budget})")

    def warm_median(name, attr):
        return median(
            [getattr(load, attr) for load in warm[name] if getattr(load, attr) is not None]
        )

    pages = [(name, compared) for name, _, compared in targets if compared is not None]
    root_render = warm_median(FLOOR, "render_ms")
    for name, compared in pages:
        value = warm_median(name, "render_ms")
        floor_render = warm_median(compared, "render_ms")
        add(
            f"Render `{name}`, warm median of {WARM_LOADS}",
            value,
            floor_render,
            " ms",
            0,
            f"≤ {RENDER_RATIO}× `{compared}`",
            within(ratio(value, floor_render), RENDER_RATIO),
            fmt_ratio(ratio(value, root_render)),
        )
        if failures and failures[-1].startswith(f"Render `{name}`"):
            failures[-1] += (
                f" — of which the server script ≈ {fmt(script_ms.get(name), ' ms')}"
                f" (floor {fmt(script_ms.get(FLOOR), ' ms')}), "
                f"{fmt(kb(cold[name].websocket), ' KB')} on the WebSocket"
            )

    floor_ms = median(floor_slider.to_result_ms) if floor_slider else None
    econ_ms = median(econ_slider.to_result_ms) if econ_slider else None
    slider_ok = None
    if econ_ms is not None:
        slider_ok = bool(within(ratio(econ_ms, floor_ms), SLIDER_RATIO)) and econ_ms < SLIDER_MS
    add(
        f"Slider → updated result, median of {SLIDER_PRESSES}",
        econ_ms,
        floor_ms,
        " ms",
        0,
        f"≤ {SLIDER_RATIO:g}× floor and < {SLIDER_MS:g} ms",
        slider_ok,
    )
    if slider_ok is False:
        failures[-1] += (
            f" — the last frame before the change arrives after "
            f"{fmt(median(econ_slider.to_last_frame_ms), ' ms')} (floor "
            f"{fmt(median(floor_slider.to_last_frame_ms), ' ms')}), the rerun "
            f"sends {fmt(kb(median(econ_slider.bytes_per_rerun)), ' KB', 1)}"
        )

    floor_data = kb(cold[FLOOR].websocket + cold[FLOOR].http_other)
    for name, _ in pages:
        value = kb(cold[name].websocket)
        add(
            f"Page data `{name}` (WebSocket, first visit)",
            value,
            kb(cold[FLOOR].websocket),
            " KB",
            0,
            f"≤ {PAGE_DATA_KB:g} KB",
            within(value, PAGE_DATA_KB),
        )

    add(
        f"Server memory per extra session (1 → {SESSIONS} on economy·whatif)",
        econ_mem.per_extra_mb,
        floor_mem.per_extra_mb,
        " MB",
        1,
        f"≤ {SESSION_MB:g} MB",
        within(econ_mem.per_extra_mb, SESSION_MB),
    )

    detail_header = [
        "Page",
        "Cold render",
        "Warm render (median, min–max)",
        "Script (server)⁰",
        "Script run¹",
        "Static files²",
        "Other HTTP³",
        "WebSocket, cold",
        "WebSocket, warm",
    ]
    detail = []
    for name, _, _ in targets:
        renders = [load.render_ms for load in warm[name]]
        detail.append(
            [
                f"`{name}`",
                fmt(cold[name].render_ms, " ms"),
                f"{fmt(median(renders), ' ms')} ({fmt(min(renders))}–{fmt(max(renders))})",
                fmt(script_ms.get(name), " ms"),
                fmt(warm_median(name, "script_ms"), " ms"),
                fmt(kb(cold[name].static), " KB"),
                fmt(kb(cold[name].http_other), " KB", 1),
                fmt(kb(cold[name].websocket), " KB", 1),
                fmt(kb(median([load.websocket for load in warm[name]])), " KB", 1),
            ]
        )

    slider_header = [f"Slider (median of {SLIDER_PRESSES})", "Explorer `economy·whatif`", "Floor"]

    def pick(run, attr, scale=1.0, unit=" ms", digits=0):
        values = getattr(run, attr) if run else []
        value = median(values)
        return fmt(None if value is None else value * scale, unit, digits)

    slider_rows = [
        [
            "Key press → value sent on the WebSocket",
            pick(econ_slider, "to_sent_ms"),
            pick(floor_slider, "to_sent_ms"),
        ],
        [
            "Key press → last frame received before the change",
            pick(econ_slider, "to_last_frame_ms"),
            pick(floor_slider, "to_last_frame_ms"),
        ],
        [
            "Key press → first metric / text changed",
            pick(econ_slider, "to_result_ms"),
            pick(floor_slider, "to_result_ms"),
        ],
        [
            "Key press → rerun finished (notRunning)",
            pick(econ_slider, "to_finished_ms"),
            pick(floor_slider, "to_finished_ms"),
        ],
        [
            "WebSocket bytes received per rerun",
            pick(econ_slider, "bytes_per_rerun", 1 / 1024, " KB", 1),
            pick(floor_slider, "bytes_per_rerun", 1 / 1024, " KB", 1),
        ],
    ]
    memory_rows = [
        [
            "Server RSS, no session",
            fmt(econ_mem.idle_mb, " MB", 1),
            fmt(floor_mem.idle_mb, " MB", 1),
        ],
        ["Server RSS, 1 session", fmt(econ_mem.one_mb, " MB", 1), fmt(floor_mem.one_mb, " MB", 1)],
        [
            f"Server RSS, {SESSIONS} sessions",
            fmt(econ_mem.many_mb, " MB", 1),
            fmt(floor_mem.many_mb, " MB", 1),
        ],
    ]

    parts = [
        SECTION,
        "",
        f"Machine: {machine_line()}. Run time {elapsed:.0f} s.",
        "",
        "`./dev bench` (benchmarks/bench_app.py). Headless Debian Chromium, 1280×900, "
        f"Vietnamese pages only (`?lang={LANG}`; English runs the same code). The floor is "
        "benchmarks/floor_app.py (one slider, one line of text) served by the same "
        "Streamlit in the same run, at `/` and at `/floor`; timings are wall-clock on a "
        "shared 2-core machine, so read the ratios. Render = navigation start → script "
        "finished (stApp notRunning), no stSkeleton, every visible chart, map and table "
        "drawn (canvas/SVG). Every page and every tab of a page (`name·view`, `?view=…`) is "
        "measured. Each is compared with the floor loaded the same way: the home page with "
        "the floor at `/`; pages below the root, opened by their own URL, with the floor at "
        "`/floor`, because Streamlit first probes `<page>/_stcore/health`, gets a 404 and "
        "retries at the root after 100 ms (streamlit/streamlit#7074), a cost of the "
        "framework, not of the page. The ratio to the floor at `/` is shown beside it.",
        "",
        table(header, rows),
        "",
        "### Per page",
        "",
        table(detail_header, detail),
        "",
        "⁰ The script alone (router + page), rerun in-process with AppTest, median of 5. "
        "¹ Script run as the browser sees it (stApp running → notRunning), warm median; it "
        "includes sending the page. ² The framework's `/static/` files, first visit with an "
        "empty cache (cached afterwards). ³ The HTML page and `/_stcore/` endpoints "
        "(health, host config), plus any `/media/` files. "
        f"Floor page data incl. other HTTP: {fmt(floor_data, ' KB', 1)}.",
        "",
        "### Slider and sessions",
        "",
        table(slider_header, slider_rows),
        "",
        table(["Memory (VmRSS, fresh server)", "Explorer `economy·whatif`", "Floor"], memory_rows),
        "",
    ]
    parts += [f"- {note}" for note in notes] + [""]
    if failures:
        parts += ["### Over budget", ""] + [f"- {failure}" for failure in failures]
    else:
        parts += ["All budgets pass."]
    return "\n".join(parts).rstrip("\n") + "\n", failures


if __name__ == "__main__":
    sys.exit(main())

"""The explorer's performance benchmark, measured against a floor app in the same run.

`./dev bench` (or `.venv/bin/python benchmarks/bench_app.py`) starts the explorer and
benchmarks/floor_app.py (one slider, one line of text) on localhost, drives headless
Chromium through them and prints every figure beside the floor's, with the budget:

* render: navigation start -> the script has finished (stApp notRunning), no
  stSkeleton, every visible chart/map/table has its canvas or SVG; one cold load
  (fresh browser context: empty cache) at 1280x900 and one at phone size (390x844), then
  10 warm loads (median, 90th percentile, maximum), of every page and of every lazy tab
  of a page (``?view=…``), with the script runs seen per load (a rerun on load shows).
  Vietnamese only (the default language; English runs the same code with other
  strings). Budget: each warm 90th percentile <= 2x the floor's loaded the same way:
  the home page against the floor at /, pages below the root against the floor at
  /floor (see floor_app.py: Streamlit probes a sub-path for its server before the
  root, #7074). The ratio to the floor at / is
  printed beside it. Cold phone visit to the zones page: first zones drawn <= 2x the
  cold phone visit to the overview, all bytes loaded (HTTP incl. static JS, and the
  WebSocket) <= half of what it loaded before issue 19.
* slider: key press on the economy what-if tab's growth slider -> the first headline card value
  in the results changes (floor: its slider -> its text); median of 20 presses,
  ArrowRight/ArrowLeft alternately. Budget: <= 3x the floor's and < 150 ms (issues 14
  and 19); the WebSocket bytes per move <= those before the likelihood section + 20 KB.
* zones (issue 16): the map data a first visit to the zones page with the 2025 units
  layer on receives (WebSocket), < 150 KB; a ward's name typed in the lookup box and
  Enter -> its card drawn and the script finished, median of 7 on a fresh page each,
  <= 2x the floor's warm render at /floor (median).
* bytes: HTTP responses (CDP Network.loadingFinished encodedDataLength), split into
  the framework's /static/ files and everything else, and WebSocket frames received
  (the page's own data). Budget: the page's own data <= 600 KB on every page.
* memory: the server's VmRSS with 1 and with 10 sessions on the economy what-if tab, on fresh
  servers. Budget: <= 40 MB per extra session.

It is a report: the exit code is 0 even when a budget fails (FAIL is printed). The
figures and a line about the machine replace the "## Benchmark" section of
benchmarks/results.md; other sections there are kept. ``--only slider,zones`` runs just
those probes (and the floor they are judged against) and prints their budget rows;
``--only tracker,it_park:timeline`` loads just those views (and both floors) warm and cold,
without touching results.md: a quick check of a probe, not a benchmark. Timings are wall-clock on a
shared machine: compare ratios to the floor, not absolute numbers between runs.

This file plans the run; benchmarks/probes.py measures, benchmarks/report.py writes the
report, and deploy/local_server.py starts the servers and Chromium.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:  # run as a script: benchmarks/ is a folder of the repo
    sys.path.insert(0, str(REPO))

from benchmarks.probes import (  # noqa: E402
    ARTIFACTS,
    PHONE,
    Load,
    Tab,
    script_times,
    session_memory,
    slider_latency,
    ward_search,
)
from benchmarks.report import (  # noqa: E402
    BUDGET_HEADER,
    FLOOR,
    FLOOR_BELOW_ROOT,
    Measurements,
    budget_table,
    build_report,
    load_average,
    replace_section,
    table,
)
from components.metrics import CARDS_CLASS  # noqa: E402
from core.i18n import Translator  # noqa: E402
from deploy.local_server import CHROMIUM_LAUNCH, Server  # noqa: E402

RESULTS = REPO / "benchmarks" / "results.md"
LANG = "vi"
WARM_LOADS = 10
SLIDER_PRESSES = 20
SESSIONS = 10

ECON_SLIDER_SCOPE = ".st-key-econ-g"
ECON_WHATIF = f"economy?lang={LANG}&view=whatif"
FLOOR_SCRIPT = "benchmarks/floor_app.py"
FLOOR_SLIDER_SCOPE = ".st-key-floor"
METRIC_VALUE = f".{CARDS_CLASS} .value"  # the first headline card's value
FLOOR_TEXT = '[data-testid="stText"]'
ZONES_UNITS = f"zones?lang={LANG}&layers=units"
ZONES = f"zones?lang={LANG}"
WARD_QUERY = "phu loi"  # one match: Phường Phú Lợi (tests/e2e/test_zones.py)
WARD_CARD = ".st-key-ward-card"
WARD_SEARCHES = 7
PROBES = ("slider", "zones")


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


class Clock:
    """Progress lines with the seconds since the benchmark started."""

    def __init__(self) -> None:
        self.started = time.monotonic()

    @property
    def elapsed(self) -> float:
        return time.monotonic() - self.started

    def say(self, text: str) -> None:
        print(f"  {text} [{self.elapsed:.0f} s]", flush=True)


def measure_scripts(pages, views) -> dict[str, float]:
    """The script alone for the floor and every view, in AppTest."""
    path_of = {page.section: page.path for page in pages}
    return script_times(
        [(FLOOR, FLOOR_SCRIPT, None, {})]
        + [
            (
                name,
                "app.py",
                None if not url_path else path_of[name.split("·")[0]],
                {"view": extra.split("=", 1)[1]} if extra else {},
            )
            for name, url_path, extra in views
        ],
        LANG,
    )


def measure_cold(browser, targets, clock: Clock, viewport=None) -> dict[str, Load]:
    """Each page as a first visit, in a fresh context (empty HTTP cache)."""
    cold = {}
    for name, url, _ in targets:
        tab = Tab(browser, viewport) if viewport else Tab(browser)
        cold[name] = tab.load(url)
        tab.close()
        size = f", {cold[name].all_bytes / 1024:,.0f} KB" if viewport else ""
        clock.say(f"cold {'phone ' if viewport else ''}{name}: {cold[name].render_ms:.0f} ms{size}")
    return cold


def measure_warm(floor_tab: Tab, app_tab: Tab, targets, clock: Clock) -> dict[str, list[Load]]:
    """Rounds that visit the floors and every page, so noise hits them alike."""
    warm: dict[str, list[Load]] = {name: [] for name, _, _ in targets}
    for _name, url, compared in targets:  # fill each context's cache once
        (floor_tab if compared is None else app_tab).load(url)
    for round_ in range(WARM_LOADS):
        for name, url, compared in targets:
            warm[name].append((floor_tab if compared is None else app_tab).load(url))
        clock.say(f"warm round {round_ + 1}/{WARM_LOADS} done")
    return warm


def load_targets(app: Server, floor: Server, views) -> list[tuple[str, str, str | None]]:
    """Both floors and the views: (name, URL, the floor it is compared with or None)."""
    targets = [(FLOOR, floor.url + "/", None), (FLOOR_BELOW_ROOT, floor.url + "/floor", None)]
    return targets + [
        (name, f"{app.url}/{url_path}?lang={LANG}{extra}", floor_for(url_path))
        for name, url_path, extra in views
    ]


def measure(browser, app: Server, floor: Server, views, script_ms, clock: Clock) -> Measurements:
    """Loads and sliders on the running servers, then memory on fresh ones."""
    targets = load_targets(app, floor, views)
    cold = measure_cold(browser, targets, clock)
    cold_phone = measure_cold(browser, targets, clock, viewport=PHONE)
    floor_tab, app_tab = Tab(browser), Tab(browser)
    warm = measure_warm(floor_tab, app_tab, targets, clock)
    floor_slider, econ_slider = measure_sliders(floor_tab, app_tab, app, floor)
    clock.say("sliders done")
    zones_units, ward_ms = measure_zones(browser, app_tab, app)
    clock.say("zones layer and ward lookup done")
    floor_tab.close()
    app_tab.close()
    app.stop()
    floor.stop()
    econ_memory = session_memory(browser, "app.py", ECON_WHATIF, SESSIONS)
    floor_memory = session_memory(browser, FLOOR_SCRIPT, "", SESSIONS)
    clock.say("memory done")
    return Measurements(
        targets=targets,
        cold=cold,
        cold_phone=cold_phone,
        warm=warm,
        floor_slider=floor_slider,
        econ_slider=econ_slider,
        econ_memory=econ_memory,
        floor_memory=floor_memory,
        lang=LANG,
        warm_loads=WARM_LOADS,
        slider_presses=SLIDER_PRESSES,
        script_ms=script_ms,
        zones_units=zones_units,
        ward_search_ms=ward_ms,
    )


def measure_sliders(floor_tab: Tab, app_tab: Tab, app: Server, floor: Server):
    """The floor's slider and the what-if growth slider, each on its freshly loaded page."""
    floor_tab.load(floor.url + "/")
    floor_slider = slider_latency(floor_tab, FLOOR_SLIDER_SCOPE, FLOOR_TEXT, SLIDER_PRESSES)
    app_tab.load(f"{app.url}/{ECON_WHATIF}")
    return floor_slider, slider_latency(app_tab, ECON_SLIDER_SCOPE, METRIC_VALUE, SLIDER_PRESSES)


def measure_zones(browser, app_tab: Tab, app: Server) -> tuple[Load, list[float]]:
    """Issue 16: a first visit with the units layer on (fresh context), then the lookup."""
    layer_tab = Tab(browser)
    zones_units = layer_tab.load(f"{app.url}/{ZONES_UNITS}")
    layer_tab.close()
    label = Translator(LANG)("zones.ward.search_label")
    ward_ms = ward_search(
        app_tab, f"{app.url}/{ZONES}", label, WARD_QUERY, WARD_CARD, WARD_SEARCHES
    )
    return zones_units, ward_ms


def only_probes(argv: list[str], view_names: list[str]) -> tuple[str, ...] | None:
    """``--only slider,zones,tracker,it_park:timeline`` -> the probes and views named (a
    view's "·" may be typed ":"); None without the flag."""
    if "--only" not in argv:
        return None
    index = argv.index("--only")
    names = tuple(argv[index + 1].replace(":", "·").split(",")) if index + 1 < len(argv) else ()
    known = (*PROBES, *view_names)
    unknown = [name for name in names if name not in known]
    if not names or unknown:
        raise SystemExit(f"--only takes a comma-separated subset of {', '.join(known)}")
    return names


@contextmanager
def explorer_floor_and_browser() -> Iterator[tuple[Server, Server, object]]:
    """The explorer and the floor app on fresh servers of this tree, and one Chromium."""
    from playwright.sync_api import sync_playwright

    with (
        Server(log_dir=ARTIFACTS) as app,
        Server(script=FLOOR_SCRIPT, log_dir=ARTIFACTS) as floor,
        sync_playwright() as playwright,
    ):
        browser = playwright.chromium.launch(**CHROMIUM_LAUNCH)
        try:
            yield app, floor, browser
        finally:
            browser.close()


def run_subset(probes: tuple[str, ...]) -> int:
    """The named probes against fresh servers of this tree, their budget rows printed."""

    from components.navigation import PAGES

    clock = Clock()
    views = [view for view in explorer_views(PAGES) if view[0] in probes]
    with explorer_floor_and_browser() as (app, floor, browser):
        floor_tab, app_tab = Tab(browser), Tab(browser)
        measured = Measurements(
            targets=[(FLOOR_BELOW_ROOT, floor.url + "/floor", None)],
            cold={},
            cold_phone={},
            warm={},
            floor_slider=None,
            econ_slider=None,
            econ_memory=None,
            floor_memory=None,
            script_ms={},
            lang=LANG,
            warm_loads=WARM_LOADS,
            slider_presses=SLIDER_PRESSES,
        )
        if views:
            measured.targets = load_targets(app, floor, views)
            measured.cold = measure_cold(browser, measured.targets, clock)
            measured.warm = measure_warm(floor_tab, app_tab, measured.targets, clock)
        if "slider" in probes:
            measured.floor_slider, measured.econ_slider = measure_sliders(
                floor_tab, app_tab, app, floor
            )
            clock.say("sliders done")
        if "zones" in probes and FLOOR_BELOW_ROOT not in measured.warm:
            floor_tab.load(floor.url + "/floor")  # fill the cache: warm loads
            measured.warm[FLOOR_BELOW_ROOT] = [
                floor_tab.load(floor.url + "/floor") for _ in range(WARM_LOADS)
            ]
            measured.zones_units, measured.ward_search_ms = measure_zones(browser, app_tab, app)
            clock.say("zones layer and ward lookup done")
    budgets = budget_table(measured)
    print(table(list(BUDGET_HEADER), budgets.rows))
    print(f"\nLoad average {load_average()} on {os.cpu_count()} CPUs; results.md untouched.")
    return 0


def main() -> int:

    from components.navigation import PAGES

    clock = Clock()
    load_before = load_average()
    print("Server-side script times (AppTest) …", flush=True)
    views = explorer_views(PAGES)
    script_ms = measure_scripts(PAGES, views)
    print("Starting the explorer and the floor app …", flush=True)
    with explorer_floor_and_browser() as (app, floor, browser):
        measured = measure(browser, app, floor, views, script_ms, clock)
    if measured.econ_slider is None:
        measured.notes.append(
            f"The economy what-if tab has no `{ECON_SLIDER_SCOPE}` slider: slider figures are n/a."
        )
    measured.notes.append(
        f"Load average (1, 5, 15 min) at the start {load_before}, at the end "
        f"{load_average()}, on {os.cpu_count()} CPUs: above the CPU count, other "
        "work shared the machine and the absolute times are inflated."
    )
    measured.elapsed = clock.elapsed
    return write(measured)


def write(measured: Measurements) -> int:
    """Print the report, put it in results.md, and name what is over budget."""
    report, failures = build_report(measured)
    print()
    print(report)
    RESULTS.write_text(
        replace_section(RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "", report),
        encoding="utf-8",
    )
    print(f"\nWritten to {RESULTS.relative_to(REPO)} ({measured.elapsed:.0f} s).")
    print(("FAIL: " + "; ".join(failures)) if failures else "All budgets PASS.")
    return 0


if __name__ == "__main__":
    from components.navigation import PAGES

    chosen = only_probes(sys.argv[1:], [name for name, _, _ in explorer_views(PAGES)])
    sys.exit(main() if chosen is None else run_subset(chosen))

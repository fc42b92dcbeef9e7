"""WCAG 2.1 A/AA in the real browser (issue 17): axe-core on every page, tab and
presentation screen, in Vietnamese and English, on a laptop and a phone; `<html lang>`;
the chart label Vega draws from a spec's description; keyboard use; 200 % zoom.

axe-core comes from the npm registry, pinned in tests/e2e/package-lock.json and installed
by ``./dev test`` (``npm ci --prefix tests/e2e``). Serious and critical violations fail;
moderate and minor ones go to tests/artifacts/accessibility.{json,md}. Streamlit scrolls
inside its own container and axe skips what that container clips, so each audit first
grows the viewport's height to the whole page (the width, and so the layout, stays).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import expect

from components.navigation import PAGES
from components.slides import SLIDES
from core.i18n import LANGUAGES
from tests.e2e.conftest import (
    ARTIFACTS,
    OutsideRequests,
    Server,
    no_traceback,
    open_app,
    wait_until_ready,
)
from tests.e2e.test_economy import per_capita_text, per_capita_value

AXE = Path(__file__).parent / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")
FAILING_IMPACTS = ("serious", "critical")
VIEWPORTS = {"laptop": (1280, 800), "phone": (390, 844)}
PROJECTOR = (1280, 720)
PRESENT_STEPS = range(1, len(SLIDES) + 1)  # every screen of components/slides.SLIDES
ZOOM_DIR = ARTIFACTS / "zoom200"
MAX_AUDIT_HEIGHT = 8000  # px: longer pages are audited down to here


@dataclass(frozen=True)
class Allowed:
    """A violation Streamlit causes and the app cannot fix: the rule, a CSS selector the
    offending element matches in the browser (not axe's generated one), and why."""

    rule: str
    selector: str
    why: str


# One worker runs the whole audit: the allow-list check reads what the other tests used.
pytestmark = pytest.mark.xdist_group("accessibility")

# Violations the framework causes and the app cannot fix: (rule, selector, why). Empty since
# the zones table lost its empty population columns and fits a phone: st.table's scrolling
# <div> (no tabindex in Streamlit 1.67) no longer appears. A new entry must name its element.
ALLOWED: tuple[Allowed, ...] = ()


def screens() -> list[tuple[str, str, dict[str, str]]]:
    """(name, url path, query) of every page and every lazy tab, presentation apart."""
    found = []
    for info in PAGES:
        if info.section == "present":
            continue
        for view in info.views or (None,):
            name = info.section + (f"-{view}" if view else "")
            found.append((name, info.url_path, {"view": view} if view else {}))
    return found


SCREENS = screens()
PRESENT_SCREENS = [
    (f"present-{step}", "present", {"present": "1", "step": str(step)}) for step in PRESENT_STEPS
]
report: dict[str, list[dict]] = {}
allow_list_used: set[Allowed] = set()


# ---- fixtures: one server for the module, one page per language and viewport ----------


@pytest.fixture(scope="module")
def a11y_server():
    running = Server()
    yield running
    running.stop()


@pytest.fixture(scope="module")
def pages(browser):
    """Pages kept open across tests (navigating is much cheaper than a new context)."""
    if not AXE.exists():
        pytest.fail(f"{AXE} missing: run `npm ci --prefix tests/e2e` (./dev test does)")
    opened: dict[tuple, object] = {}
    contexts = []

    def get(lang: str, width: int, height: int):
        key = (lang, width, height)
        if key not in opened:
            context = browser.new_context(
                viewport={"width": width, "height": height}, locale="vi-VN"
            )
            contexts.append(context)
            page = context.new_page()
            page.outside_requests = OutsideRequests()
            page.on("request", page.outside_requests.record)
            page.set_default_timeout(30_000)
            opened[key] = page
        return opened[key]

    yield get
    for page in opened.values():
        assert page.outside_requests == [], "requests left localhost"
    for context in contexts:
        context.close()


@pytest.fixture(scope="module", autouse=True)
def write_report():
    yield
    if report:
        write_reports(report)


# ---- the audit ---------------------------------------------------------------------------


def page_height(page) -> int:
    return page.evaluate(
        "() => Math.max(...[...document.querySelectorAll('*')]"
        ".filter(e => e.scrollHeight > e.clientHeight + 1 && "
        "getComputedStyle(e).overflowY.match(/auto|scroll/))"
        ".map(e => e.scrollHeight), document.documentElement.scrollHeight)"
    )


def run_axe(page) -> list[dict]:
    """axe's violations of the WCAG 2.1 A/AA rules, the whole page in view."""
    viewport = page.viewport_size
    height = min(max(page_height(page), viewport["height"]), MAX_AUDIT_HEIGHT)
    page.set_viewport_size({"width": viewport["width"], "height": height})
    try:
        page.wait_for_timeout(300)  # charts re-fit to the new height
        if not page.evaluate("() => typeof window.axe === 'object'"):
            page.add_script_tag(path=str(AXE))
        result = page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags},"
            " resultTypes: ['violations']})",
            list(WCAG_TAGS),
        )
        violations = result["violations"]
        for violation in violations:
            for node in violation["nodes"]:
                node["allowed"] = allowed_for(page, violation["id"], node["target"])
        return violations
    finally:
        page.set_viewport_size(viewport)


def allowed_for(page, rule: str, target: list) -> str | None:
    """The allow-list selector this node matches for this rule, if any."""
    for entry in ALLOWED:
        if entry.rule != rule or len(target) != 1:  # a target in an iframe is never allowed
            continue
        matches = page.evaluate(
            "([target, selector]) => { const e = document.querySelector(target);"
            " return !!e && e.matches(selector); }",
            [target[0], entry.selector],
        )
        if matches:
            allow_list_used.add(entry)
            return entry.selector
    return None


def audit(page, name: str, lang: str, viewport: str) -> None:
    no_traceback(page)
    violations = run_axe(page)
    report[f"{name} · {lang} · {viewport}"] = violations
    failing = [
        f"{v['id']} ({v['impact']}) {node['target']}: {node['html'][:160]}"
        for v in violations
        if v["impact"] in FAILING_IMPACTS
        for node in v["nodes"]
        if not node["allowed"]
    ]
    assert failing == [], "\n".join(failing)


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize(("name", "path", "query"), SCREENS, ids=[s[0] for s in SCREENS])
def test_page_has_no_serious_wcag_violation(pages, a11y_server, name, path, query, lang, viewport):
    page = pages(lang, *VIEWPORTS[viewport])
    open_app(page, a11y_server, path, lang=lang, **query)
    audit(page, name, lang, viewport)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize(
    ("name", "path", "query"), PRESENT_SCREENS, ids=[s[0] for s in PRESENT_SCREENS]
)
def test_presentation_screen_has_no_serious_wcag_violation(
    pages, a11y_server, name, path, query, lang
):
    page = pages(lang, *PROJECTOR)
    open_app(page, a11y_server, path, lang=lang, **query)
    audit(page, name, lang, "projector")


def test_every_allow_list_entry_is_still_needed():
    """Runs after the audits above: an entry nothing matched any more is removed."""
    if not report:
        pytest.skip("no audit ran in this session")
    assert set(ALLOWED) <= allow_list_used, set(ALLOWED) - allow_list_used


# ---- the report --------------------------------------------------------------------------


def write_reports(results: dict[str, list[dict]]) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    rows = [
        {
            "screen": screen,
            "rule": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "help_url": v["helpUrl"],
            "target": node["target"],
            "html": node["html"],
            "allowed": node["allowed"],
        }
        for screen, violations in results.items()
        for v in violations
        for node in v["nodes"]
    ]
    (ARTIFACTS / "accessibility.json").write_text(
        json.dumps({"axe_tags": WCAG_TAGS, "violations": rows}, ensure_ascii=False, indent=1)
    )
    lines = [
        "# Accessibility audit (axe-core, WCAG 2.1 A/AA)",
        "",
        f"{len(results)} screens audited; {len(rows)} violation nodes "
        "(serious/critical fail the test unless allow-listed).",
        "",
        "| screen | rule | impact | element | allowed because |",
        "|---|---|---|---|---|",
    ]
    why = {entry.selector: entry.why for entry in ALLOWED}
    for row in rows:
        element = re.sub(r"\s+", " ", row["html"])[:120].replace("|", "\\|")
        lines.append(
            f"| {row['screen']} | [{row['rule']}]({row['help_url']}) | {row['impact']} "
            f"| `{element}` | {why.get(row['allowed'], '')} |"
        )
    if not rows:
        lines.append("| — | none | | | |")
    (ARTIFACTS / "accessibility.md").write_text("\n".join(lines) + "\n")


# ---- <html lang> and the chart label -----------------------------------------------------


def document_lang(page) -> str:
    return page.evaluate("() => document.documentElement.lang")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_html_lang_is_the_readers_language(pages, a11y_server, lang):
    page = pages(lang, *VIEWPORTS["laptop"])
    open_app(page, a11y_server, "", lang=lang)
    assert document_lang(page) == lang


def test_html_lang_follows_the_language_switch(pages, a11y_server):
    page = pages("vi", *VIEWPORTS["laptop"])
    open_app(page, a11y_server, "economy")
    assert document_lang(page) == "vi"
    page.locator('[data-testid="stSidebar"]').get_by_text("English", exact=True).click()
    page.wait_for_function("() => document.documentElement.lang === 'en'", timeout=30_000)
    wait_until_ready(page)
    page.locator('[data-testid="stSidebar"]').get_by_text("Tiếng Việt", exact=True).click()
    page.wait_for_function("() => document.documentElement.lang === 'vi'", timeout=30_000)


CHART_SCRIPT = """
import streamlit as st
bars = {"data": {"values": [{"x": 1, "y": 2}]}, "mark": "bar",
        "encoding": {"x": {"field": "x", "type": "ordinal"},
                     "y": {"field": "y", "type": "quantitative"}}}
st.vega_lite_chart({**bars, "description": "GRDP bình quân đầu người năm 2030: 10.363 USD"})
st.vega_lite_chart(bars)
"""


def test_vega_uses_the_spec_description_as_the_charts_accessible_name(tmp_path, pages, browser):
    """Why chart_text's descriptions go into spec["description"]: Vega-Embed in
    Streamlit 1.67 labels the chart's container with it, else "Vega visualization"."""
    script = tmp_path / "chart.py"
    script.write_text(CHART_SCRIPT)
    server = Server(script=str(script))
    try:
        page = pages("vi", *VIEWPORTS["laptop"])
        open_app(page, server)
        page.wait_for_selector('.vega-embed[role="graphics-document"]')
        labels = page.locator('.vega-embed[role="graphics-document"]').evaluate_all(
            "nodes => nodes.map(n => n.getAttribute('aria-label'))"
        )
        assert labels == ["GRDP bình quân đầu người năm 2030: 10.363 USD", "Vega visualization"]
    finally:
        server.stop()


# ---- keyboard ----------------------------------------------------------------------------

GROWTH = ".st-key-econ-g"
GROWTH_SLIDER = GROWTH + " input[type=range]"  # after the label's help button


def focused_outline(page) -> dict:
    return page.evaluate(
        "() => { const s = getComputedStyle(document.activeElement);"
        " return {outline: s.outlineStyle + ' ' + s.outlineWidth, shadow: s.boxShadow,"
        " tag: document.activeElement.tagName}; }"
    )


def has_focus_indicator(style: dict) -> bool:
    outline_visible = not style["outline"].startswith("none") and not style["outline"].endswith(
        " 0px"
    )
    return outline_visible or style["shadow"] not in ("none", "")


def tab_to(page, selector: str, most: int = 120) -> list[dict]:
    """Press Tab until the focus is on ``selector``; the styles of each stop on the way."""
    stops = []
    for _ in range(most):
        page.keyboard.press("Tab")
        stops.append(focused_outline(page))
        inside = page.evaluate(
            "s => !!document.activeElement && document.activeElement.matches(s)", selector
        )
        if inside:
            return stops
    raise AssertionError(f"{selector} not reached with {most} Tab presses")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_keyboard_alone_changes_growth_and_reads_the_result(pages, a11y_server, lang):
    page = pages(lang, *VIEWPORTS["laptop"])
    open_app(page, a11y_server, "economy", lang=lang, view="whatif")
    before = per_capita_text(page)
    value_before = page.locator(GROWTH).get_by_role("slider").get_attribute("aria-valuetext")
    page.evaluate("() => document.activeElement && document.activeElement.blur()")
    stops = tab_to(page, GROWTH_SLIDER)
    assert has_focus_indicator(stops[-1]), stops[-1]
    for _ in range(3):
        page.keyboard.press("ArrowRight")
    page.wait_for_function(
        "([s, v]) => document.querySelector(s).getAttribute('aria-valuetext') !== v",
        arg=[GROWTH_SLIDER, value_before],
    )
    # The slider's label changes in the browser before the rerun starts: wait for the
    # result itself (auto-waiting), not for an idle script that may not have begun.
    expect(per_capita_value(page)).not_to_have_text(before)
    wait_until_ready(page)
    after = per_capita_text(page)
    assert re.search(r"\d", after)


# ---- 200 % zoom --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "path", "query"),
    [*SCREENS, PRESENT_SCREENS[0]],
    ids=[s[0] for s in SCREENS] + ["present-1"],
)
def test_zoom_200_screenshots(browser, a11y_server, name, path, query):
    """200 % browser zoom on a 1280-px window lays out as a 640-CSS-px viewport drawn at
    device scale 2 (what Chromium's zoom does): the screenshot is 1280 px wide and shows
    what a reader at 200 % sees. Nothing may scroll sideways on the page itself."""
    context = browser.new_context(
        viewport={"width": 640, "height": 400}, device_scale_factor=2, locale="vi-VN"
    )
    try:
        page = context.new_page()
        open_app(page, a11y_server, path, **query)
        no_traceback(page)
        overflow = page.evaluate(
            "() => { const m = document.querySelector('[data-testid=\"stMain\"]');"
            " return m ? m.scrollWidth - m.clientWidth : 0; }"
        )
        ZOOM_DIR.mkdir(parents=True, exist_ok=True)
        height = min(max(page_height(page), 400), MAX_AUDIT_HEIGHT)
        page.set_viewport_size({"width": 640, "height": height})
        page.wait_for_timeout(300)
        page.screenshot(path=str(ZOOM_DIR / f"{name}.png"), full_page=True)
        assert overflow <= 1, f"the page scrolls sideways by {overflow} px at 200 %"
    finally:
        context.close()

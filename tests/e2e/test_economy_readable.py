"""The economy page as a first-time reader sees it (issue 18): the targets chart and its
table fit a 1280-px screen and a 390-px phone, and on a phone the what-if results stay
in view at the top of the controls while a slider moves. Screenshots in tests/artifacts."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from components.metrics import CARDS_CLASS
from core.i18n import Translator
from tests.e2e.conftest import ARTIFACTS, no_traceback, open_app, screenshot, wait_until_ready
from tests.e2e.test_economy import growth_slider, per_capita_text
from tests.plan_data import PLAN

TARGETS_CHART = ".st-key-econ-chart-economy-targets"
STRIP = ".st-key-econ-strip"
LAST_SLIDER = ".st-key-econ-g50"
# The table is no wider than the box it is drawn in: nothing cut off, no sideways scroll.
FITS_JS = """el => [el, ...el.querySelectorAll('*')]
    .every(e => e.scrollWidth <= e.clientWidth + 1 || getComputedStyle(e).overflowX == 'visible')
    && el.getBoundingClientRect().right <= document.documentElement.clientWidth"""


@pytest.mark.parametrize(("width", "height"), [(1280, 800), (390, 844)])
def test_the_targets_tab_and_its_table_fit_the_screen(page, server, width, height):
    t = Translator("vi", PLAN)
    page.set_viewport_size({"width": width, "height": height})
    open_app(page, server, "economy", lang="vi", view="targets")
    chart = page.locator(f"{TARGETS_CHART} canvas, {TARGETS_CHART} svg").first
    chart.wait_for()
    box = chart.bounding_box()
    assert box["x"] >= 0
    assert box["x"] + box["width"] <= width
    page.get_by_text(t("a11y.table.show"), exact=True).click()
    wait_until_ready(page)
    table = page.locator('[data-testid="stTable"]')
    table.wait_for()
    if width >= 1280:  # on a phone a five-column table scrolls sideways by design
        assert table.evaluate(FITS_JS)
    screenshot(page, f"economy-targets-vi-{width}x{height}")
    no_traceback(page)


def test_on_a_phone_the_results_stay_in_view_at_the_sliders(page, server):
    page.set_viewport_size({"width": 390, "height": 844})
    open_app(page, server, "economy", lang="vi", view="whatif")
    strip = page.locator(STRIP)
    expect(strip).to_be_visible()
    page.locator(LAST_SLIDER).scroll_into_view_if_needed()
    wait_until_ready(page)
    box = strip.bounding_box()
    assert box["y"] >= 0
    assert box["y"] + box["height"] <= 844  # still on screen beside the lowest slider
    # The strip and the result card below show the same figure from the same result.
    card = per_capita_text(page)
    assert card in strip.inner_text()
    before = strip.inner_text()
    growth_slider(page).focus()
    page.keyboard.press("ArrowRight")
    expect(strip).not_to_have_text(before, timeout=30_000)
    wait_until_ready(page)
    page.locator(LAST_SLIDER).scroll_into_view_if_needed()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "economy-whatif-strip-vi-390x844.png"))
    no_traceback(page)


def test_beside_the_result_cards_the_strip_is_hidden(page, server):
    page.set_viewport_size({"width": 1280, "height": 800})
    open_app(page, server, "economy", lang="en", view="whatif")
    page.locator(f".{CARDS_CLASS} .value").first.wait_for()
    expect(page.locator(STRIP)).to_be_hidden()

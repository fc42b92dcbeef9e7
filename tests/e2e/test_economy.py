"""The economy page in Chromium: a keyboard move of the growth slider changes the
result and the chart, goes into the URL, and the URL reproduces it in a new page."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from tests.e2e.conftest import no_traceback, open_app, screenshot, wait_until_ready

# Streamlit 1.67 draws sliders as <input type="range"> (implicit ARIA role "slider").
GROWTH = ".st-key-econ-g"
INDEX_CHART = ".st-key-econ-chart-economy-index"


def per_capita_text(page) -> str:
    return page.locator('[data-testid="stMetric"]').nth(1).locator(
        '[data-testid="stMetricValue"]').inner_text()


def growth_slider(page):
    return page.locator(GROWTH).get_by_role("slider")


def growth_value(page) -> str:
    return growth_slider(page).get_attribute("aria-valuetext")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_page_in_each_language(page, server, lang):
    page.set_viewport_size({"width": 1600, "height": 1000})
    open_app(page, server, "economy", lang=lang)
    no_traceback(page)
    assert page.locator('[data-testid="stAlertContentError"]').count() == 0
    body = page.inner_text("body")
    assert ("Tăng trưởng GRDP thực" if lang == "vi" else "Real GRDP growth") in body
    screenshot(page, f"economy-{lang}")


def test_keyboard_move_changes_result_chart_and_url(page, server, page_factory):
    page.set_viewport_size({"width": 1600, "height": 1000})
    open_app(page, server, "economy", lang="vi")
    before_text = per_capita_text(page)
    chart = page.locator(INDEX_CHART)
    chart.scroll_into_view_if_needed()
    wait_until_ready(page)
    before_chart = chart.screenshot()
    assert growth_value(page) == "10,0%/năm"
    growth_slider(page).focus()
    for _ in range(5):
        page.keyboard.press("ArrowLeft")
    page.wait_for_url("**g=9.5**")
    wait_until_ready(page)
    after_text = per_capita_text(page)
    assert after_text != before_text
    chart.scroll_into_view_if_needed()
    wait_until_ready(page)
    assert chart.screenshot() != before_chart
    query = parse_qs(urlsplit(page.url).query)
    assert query["g"] == ["9.5"] and query["lang"] == ["vi"]
    no_traceback(page)

    shared = page_factory(1600, 1000)
    shared.goto(page.url)
    wait_until_ready(shared)
    assert growth_value(shared) == growth_value(page) == "9,5%/năm"
    assert per_capita_text(shared) == after_text
    assert shared.outside_requests == []
    screenshot(shared, "economy-scenario")

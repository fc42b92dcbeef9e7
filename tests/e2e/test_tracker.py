"""The tracker in real Chromium at a laptop and a phone size: it draws the status chart
and the table as HTML (no Vega, no data grid), the commitments in their tab, nothing
wider than the screen (the table scrolls inside its own box), and leaves screenshots."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from core.data import data_dir, load_table
from core.i18n import LANGUAGES, Translator
from tests.e2e.conftest import no_traceback, open_app, page_title, screenshot, wait_until_ready

SIZES = {"desktop": (1280, 800), "phone": (390, 844)}
COMMITMENTS = load_table("commitments", data_dir())
TARGETS = load_table("plan_targets", data_dir())

WIDER_THAN_SCREEN = """() => [...document.querySelectorAll(
    '[data-testid="stMain"] .status-strip, [data-testid="stMain"] .plan-table-box, '
    + '[data-testid="stMain"] [data-testid="stAlert"], '
    + '[data-testid="stMain"] .metric-cards > li')]
    .filter(node => node.getBoundingClientRect().right > window.innerWidth + 1).length"""
# The table box scrolls sideways while its first column stays at its left edge.
SCROLLED_ROW_NAME = """() => {
  const box = document.querySelector('.plan-table-box');
  const name = box.querySelector('tbody th');
  const before = name.getBoundingClientRect().left;
  box.scrollLeft = 200;
  const after = name.getBoundingClientRect().left;
  return {scrolls: box.scrollWidth > box.clientWidth, before, after, moved: box.scrollLeft};
}"""


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("size", SIZES)
def test_tracker_at_laptop_and_phone_size(page_factory, server, size, lang):
    width, height = SIZES[size]
    page = page_factory(width, height)
    t = Translator(lang)
    open_app(page, server, "tracker", lang=lang)
    assert page_title(page) == t("tracker.title")
    no_traceback(page)
    assert page.locator('[data-testid="stAlertContentError"]').count() == 0
    chart = page.locator('.status-strip[role="img"]')
    chart.scroll_into_view_if_needed()
    assert chart.locator(".mark").count() == len(TARGETS)
    assert page.locator('[data-testid="stVegaLiteChart"], [data-testid="stDataFrame"]').count() == 0
    rows = page.locator(".plan-table tbody tr")
    assert rows.count() == len(TARGETS)
    assert page.evaluate(WIDER_THAN_SCREEN) == 0
    screenshot(page, f"tracker-{size}-{lang}")
    scrolled = page.evaluate(SCROLLED_ROW_NAME)
    if size == "phone":
        assert scrolled["scrolls"], scrolled
        assert scrolled["moved"] > 0, scrolled
        assert abs(scrolled["after"] - scrolled["before"]) <= 1, scrolled
    page.get_by_role("tab", name=t("tracker.view.commitments")).click()
    wait_until_ready(page)
    conflicts = COMMITMENTS["conflict_with"].notna().sum() // 2
    # The cards arrive one by one while the tab's script runs: wait for all of them.
    expect(page.locator('[class*="st-key-commitment-"]')).to_have_count(
        int(len(COMMITMENTS) - conflicts), timeout=30_000
    )
    assert "view=commitments" in page.url
    assert page.evaluate(WIDER_THAN_SCREEN) == 0
    screenshot(page, f"tracker-commitments-{size}-{lang}")
    assert page.outside_requests == [], "requests left localhost"


def test_a_shared_filter_link_opens_filtered(page, server):
    t = Translator("en")
    open_app(page, server, "tracker", lang="en", status="behind&status=no_data")
    chosen = page.locator('[data-testid="stMultiSelect"]').nth(1)
    for status in ("behind", "no_data"):
        assert t(f"tracker.status.{status}") in chosen.inner_text()
    assert "status=behind" in page.url
    assert "status=no_data" in page.url
    no_traceback(page)

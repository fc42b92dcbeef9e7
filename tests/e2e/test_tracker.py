"""The tracker in real Chromium at a laptop and a phone size: it draws the status chart
and the table, every commitment, nothing wider than the screen, and leaves screenshots."""

from __future__ import annotations

import pytest

from core.data import data_dir, load_table
from core.i18n import LANGUAGES, Translator
from tests.e2e.conftest import no_traceback, open_app, page_title, screenshot

SIZES = {"desktop": (1280, 800), "phone": (390, 844)}
COMMITMENTS = load_table("commitments", data_dir())

WIDER_THAN_SCREEN = """() => [...document.querySelectorAll(
    '[data-testid="stMain"] [data-testid="stVegaLiteChart"], '
    + '[data-testid="stMain"] [data-testid="stAlert"], '
    + '[data-testid="stMain"] [data-testid="stMetric"]')]
    .filter(node => node.getBoundingClientRect().right > window.innerWidth + 1).length"""


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
    chart = page.locator('[data-testid="stVegaLiteChart"]').first
    chart.scroll_into_view_if_needed()
    assert chart.locator("canvas, svg").first.is_visible()
    assert page.locator('[data-testid="stDataFrame"]').count() >= 1
    cards = page.locator('[class*="st-key-commitment-"]')
    conflicts = COMMITMENTS["conflict_with"].notna().sum() // 2
    assert cards.count() == len(COMMITMENTS) - conflicts
    assert page.evaluate(WIDER_THAN_SCREEN) == 0
    screenshot(page, f"tracker-{size}-{lang}")
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

"""The presentation's tracker screen in Chromium at 1280 × 720: it fits without
scrolling, its chart is named by the counts of the targets it draws, and a screenshot
is kept for a look."""

from __future__ import annotations

import pytest

from components.slides import SLIDES
from core.i18n import LANGUAGES, Translator
from tests.e2e.conftest import no_traceback, open_app, screenshot
from tests.e2e.test_present import MEASURE, TOLERANCE

CHART = '.st-key-present-tracker .vega-embed[role="graphics-document"]'


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_tracker_screen_fits_a_projector(page_factory, server, lang):
    t = Translator(lang)
    page = page_factory(1280, 720)
    step = SLIDES.index("tracker") + 1
    open_app(page, server, "present", present="1", step=str(step), lang=lang)
    heading = page.locator('[class*="st-key-present-slide"] h2').first
    assert heading.inner_text().strip() == t("present.tracker.heading")
    sizes = page.evaluate(MEASURE)
    assert sizes["page"] <= sizes["window"], sizes
    assert sizes["mainHeight"] <= sizes["mainVisible"] + TOLERANCE, sizes
    chart = page.locator(CHART)
    chart.wait_for()
    box = chart.bounding_box()
    assert box["y"] + box["height"] <= 720 + TOLERANCE, box  # the whole chart on screen
    label = chart.get_attribute("aria-label")
    assert label.startswith(t("a11y.chart.tracker", count="\x00", items="").split("\x00")[0])
    assert t("tracker.status.no_data") not in label  # drawn: the measured targets only
    assert page.locator('[data-testid="stAlert"]').count() == 0
    no_traceback(page)
    screenshot(page, f"present-tracker-1280x720-{lang}")
    assert page.outside_requests == [], "requests left localhost"

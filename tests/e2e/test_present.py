"""Meeting mode in real Chromium at a desktop, a projector and a phone size: every
screen saved as a screenshot, nothing wider than the window, each screen fitting a
1280 × 720 projector without scrolling, chrome hidden, big type, the step in the URL."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from components.slides import SLIDES
from core.i18n import Translator
from tests.e2e.conftest import no_traceback, open_app, screenshot, wait_until_ready
from tests.plan_data import PLAN

SIZES = {"1920x1080": (1920, 1080), "1280x720": (1280, 720), "390x844": (390, 844)}
RUNS = [
    (size, lang) for size in SIZES for lang in ("vi", "en") if lang == "vi" or size == "1280x720"
]
MAIN = '[data-testid="stMain"]'
TOLERANCE = 2  # px of rounding
# The body text measured on each slide: Markdown, metrics, and the zones map's legend.
BODY_TEXT = (
    '[class*="st-key-present-slide"] [data-testid="stMarkdownContainer"] p,'
    '[class*="st-key-present-slide"] [data-testid="stMetricValue"],'
    '[class*="st-key-present-slide"] .map-legend strong'
)
# Slides whose chart or map must fill the screen (not stay a 230-px strip).
FILLED = {
    "scenario": '[data-testid="stVegaLiteChart"]',
    "zones": '[data-testid="stDeckGlJsonChart"]',
}
FONT_PX = "e => parseFloat(getComputedStyle(e).fontSize)"

MEASURE = """() => {
  const main = document.querySelector('[data-testid="stMain"]');
  return {page: document.documentElement.scrollWidth, window: window.innerWidth,
          mainScroll: main.scrollWidth, mainWidth: main.clientWidth,
          mainHeight: main.scrollHeight, mainVisible: main.clientHeight};
}"""


def fits_width(page) -> dict:
    sizes = page.evaluate(MEASURE)
    assert sizes["page"] <= sizes["window"], sizes
    assert sizes["mainScroll"] <= sizes["mainWidth"] + TOLERANCE, sizes
    return sizes


def chrome_hidden(page) -> None:
    for test_id in (
        "stSidebar",
        "stHeader",
        "stToolbar",
        "stExpandSidebarButton",
        "stSidebarCollapsedControl",
    ):
        assert not page.locator(f'[data-testid="{test_id}"]').is_visible(), test_id


@pytest.mark.parametrize(("size", "lang"), RUNS, ids=[f"{s}-{lang}" for s, lang in RUNS])
def test_every_screen_fits(page_factory, server, size, lang):
    width, height = SIZES[size]
    page = page_factory(width, height)
    t = Translator(lang, PLAN)
    for step in range(1, len(SLIDES) + 1):
        open_app(page, server, "present", present="1", step=str(step), lang=lang, g="8")
        assert page.locator("h1").first.inner_text().strip() == t("present.title")
        no_traceback(page)
        chrome_hidden(page)
        assert page.locator('[data-testid="stAlert"]').count() == 0
        sizes = fits_width(page)
        if size == "1280x720":
            assert sizes["mainHeight"] <= sizes["mainVisible"] + TOLERANCE, (step, sizes)
        heading = page.locator('[class*="st-key-present-slide"] h2').first
        # Type at least 1.4 times the app's 16 px body text.
        assert float(heading.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")) >= 30
        body = page.locator(BODY_TEXT)
        assert body.count() > 0, f"step {step}: no text or metric on the slide to measure"
        size_px = float(body.first.evaluate(FONT_PX))
        assert size_px >= 1.4 * 16, (step, size_px)
        slide = SLIDES[step - 1]
        if slide == "zones":  # the legend's notes too, 20 px or more on a projector
            notes = page.locator('[class*="st-key-present-slide"] .map-legend small')
            assert min(notes.evaluate_all(f"es => es.map({FONT_PX})")) >= 20
        if slide in FILLED and size != "390x844":
            shown = [
                box["height"]
                for box in (e.bounding_box() for e in page.locator(FILLED[slide]).all())
                if box and box["height"] > 0
            ]
            assert len(shown) == 1, (step, shown)  # the zones map drawn for this screen only
            assert shown[0] >= 0.6 * height, (step, shown, height)
        box = heading.bounding_box()
        assert box["x"] >= 0
        assert box["x"] + box["width"] <= width + TOLERANCE
        screenshot(page, f"present-{size}-step{step}-{lang}")
    assert page.outside_requests == [], "requests left localhost"


def test_next_previous_and_reload_keep_the_step_in_the_url(page_factory, server):
    page = page_factory(1280, 720)
    open_app(page, server, "present", present="1", step="2", lang="en", g="9")
    heading = page.locator('[class*="st-key-present-slide"] h2').first
    first = heading.inner_text()
    page.locator(".st-key-present-next button").click()
    page.wait_for_url("**step=3**")
    # The URL changes while the rerun runs: wait for the new slide itself.
    expect(heading).not_to_have_text(first, timeout=30_000)
    wait_until_ready(page)
    third = heading.inner_text()
    assert "9%" in third
    assert "g=9" in page.url
    assert "lang=en" in page.url
    assert "present=1" in page.url
    page.reload()
    wait_until_ready(page)
    assert page.locator('[class*="st-key-present-slide"] h2').first.inner_text() == third
    page.locator(".st-key-present-prev button").click()
    page.wait_for_url("**step=2**")
    expect(heading).to_have_text(first, timeout=30_000)
    assert page.outside_requests == [], "requests left localhost"


def test_the_sidebar_toggle_and_exit(page_factory, server):
    page = page_factory(1280, 720)
    open_app(page, server, "economy", lang="vi", g="7")
    assert page.locator('[data-testid="stSidebar"]').is_visible()
    page.locator(".st-key-present-toggle label").click()
    page.wait_for_url("**/present?**")
    wait_until_ready(page)
    chrome_hidden(page)
    assert "g=7" in page.url
    assert "present=1" in page.url
    page.locator(".st-key-present-exit button").click()
    page.wait_for_url("**/economy?**")
    wait_until_ready(page)
    assert page.locator('[data-testid="stSidebar"]').is_visible()
    assert "present" not in page.url
    assert "g=7" in page.url
    assert page.outside_requests == [], "requests left localhost"


def test_a_link_with_present_1_opens_the_presentation(page_factory, server):
    page = page_factory(1280, 720)
    open_app(page, server, "zones", present="1", step=str(SLIDES.index("zones") + 1), lang="en")
    page.wait_for_url("**/present?**")
    wait_until_ready(page)
    assert page.locator('[class*="st-key-present-slide"] h2').first.inner_text() == Translator(
        "en"
    )("present.zones.heading")
    assert page.outside_requests == [], "requests left localhost"


# (page, open tab): the economy and IT-park pages draw one tab at a time, so each tab
# with wide content (sliders and result cards, the timeline chart) is opened by its link.
PHONE_VIEWS = [
    ("", None),
    ("economy", None),
    ("economy", "whatif"),
    ("zones", None),
    ("it-park", "timeline"),
]


@pytest.mark.parametrize(
    ("path", "view"),
    PHONE_VIEWS,
    ids=[
        f"{path or 'overview'}-{view}" if view else path or "overview" for path, view in PHONE_VIEWS
    ],
)
def test_ordinary_pages_do_not_scroll_sideways_on_a_phone(page_factory, server, path, view):
    page = page_factory(390, 844)
    open_app(page, server, path, lang="vi", **({"view": view} if view else {}))
    no_traceback(page)
    fits_width(page)
    screenshot(page, f"phone-{path or 'overview'}{f'-{view}' if view else ''}-vi")
    assert page.outside_requests == [], "requests left localhost"

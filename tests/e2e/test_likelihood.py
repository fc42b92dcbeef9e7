"""How likely is the plan, in Chromium: a keyboard move of the growth slider changes the
probability and the tornado; on a 390-px phone the cards, the ledger and the tornado
stay inside the screen; the presentation's new screen fits a 1280 × 720 projector."""

from __future__ import annotations

from components.metrics import CARDS_CLASS
from components.slides import SLIDES
from core.i18n import Translator
from tests.e2e.conftest import ARTIFACTS, no_traceback, open_app, screenshot, wait_until_ready
from tests.e2e.test_economy import growth_slider

PROBABILITY = f".st-key-econ-probability .{CARDS_CLASS} .value"
TORNADO = ".st-key-econ-chart-likelihood-tornado"
LEDGER = ".st-key-econ-ledger"
TOLERANCE = 2  # px of rounding


def probabilities(page) -> list[str]:
    return [value.inner_text() for value in page.locator(PROBABILITY).all()]


def choose_tornado(page, lang: str) -> None:
    page.locator(".st-key-econ-chart").get_by_text(
        Translator(lang)("likelihood.chart.tornado"), exact=True
    ).click()
    page.locator(f"{TORNADO} [data-testid='stVegaLiteChart']").wait_for()
    wait_until_ready(page)


def test_moving_growth_changes_the_probability_and_the_tornado(page, server):
    page.set_viewport_size({"width": 1600, "height": 1000})
    open_app(page, server, "economy", lang="vi", view="whatif", g="13")
    choose_tornado(page, "vi")
    before = probabilities(page)
    assert len(before) == 3
    tornado = page.locator(TORNADO)
    tornado.scroll_into_view_if_needed()
    wait_until_ready(page)
    before_chart = tornado.screenshot()
    growth_slider(page).focus()
    for _ in range(5):
        page.keyboard.press("ArrowRight")
    page.wait_for_url("**g=13.5**")
    wait_until_ready(page)
    assert probabilities(page) != before
    tornado.scroll_into_view_if_needed()
    wait_until_ready(page)
    assert tornado.screenshot() != before_chart
    assert "seed=2024" in page.url
    no_traceback(page)


def test_a_phone_shows_the_probability_ledger_and_tornado_readable(page_factory, server):
    page = page_factory(390, 844)
    open_app(page, server, "economy", lang="vi", view="whatif", g="13")
    choose_tornado(page, "vi")
    for selector in (PROBABILITY, LEDGER, TORNADO):
        box = page.locator(selector).first.bounding_box()
        assert box is not None, selector
        assert box["x"] >= 0
        assert box["x"] + box["width"] <= 390 + TOLERANCE, selector
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
    size = page.locator(f"{LEDGER} li").first.evaluate(
        "e => parseFloat(getComputedStyle(e).fontSize)"
    )
    assert size >= 14
    no_traceback(page)
    screenshot(page, "likelihood-phone-390-vi")
    page.locator(TORNADO).scroll_into_view_if_needed()
    page.locator(TORNADO).screenshot(path=str(ARTIFACTS / "likelihood-phone-390-vi-tornado.png"))
    assert page.outside_requests == []


def test_the_likelihood_screen_fits_a_projector(page_factory, server):
    page = page_factory(1280, 720)
    step = SLIDES.index("likely") + 1
    for lang in ("vi", "en"):
        open_app(page, server, "present", present="1", step=str(step), lang=lang, g="8")
        page.locator(".st-key-present-likely-chart [data-testid='stVegaLiteChart']").wait_for()
        wait_until_ready(page)
        no_traceback(page)
        screenshot(page, f"present-likely-1280x720-{lang}")
        sizes = page.evaluate(
            """() => { const main = document.querySelector('[data-testid="stMain"]');
            return {height: main.scrollHeight, visible: main.clientHeight,
                    width: main.scrollWidth, room: main.clientWidth}; }"""
        )
        assert sizes["height"] <= sizes["visible"] + TOLERANCE, sizes
        assert sizes["width"] <= sizes["room"] + TOLERANCE, sizes
        heading = page.locator('[class*="st-key-present-slide"] h2').first.inner_text()
        assert heading == Translator(lang)("likelihood.slide.heading")
    assert page.outside_requests == []

"""The economy page in Chromium: its three lazy tabs and the ``?view=`` that keeps the
open one in the URL; on the what-if tab a keyboard move of the growth slider changes the
result and the chart, goes into the URL, and the URL reproduces it in a new page."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from components.metrics import CARDS_CLASS
from core.i18n import LANGUAGES, Translator
from tests.e2e.conftest import no_traceback, open_app, screenshot, wait_for_view, wait_until_ready
from tests.plan_data import PLAN

# Streamlit 1.67 draws sliders as <input type="range"> (implicit ARIA role "slider").
GROWTH = ".st-key-econ-g"
TABS = ".st-key-economy-tabs"
INDEX_CHART = ".st-key-econ-chart-economy-index"
PER_CAPITA_CHART = ".st-key-econ-chart-economy-per-capita"
VIEWS = ("targets", "structure", "whatif")


def per_capita_value(page):
    """The what-if result card with GRDP per person (the second card)."""
    return page.locator(f".{CARDS_CLASS}").first.locator("li").nth(1).locator(".value")


def per_capita_text(page) -> str:
    return per_capita_value(page).inner_text()


def growth_slider(page):
    return page.locator(GROWTH).get_by_role("slider")


def growth_value(page) -> str:
    return growth_slider(page).get_attribute("aria-valuetext")


def tab(page, view: str, lang: str = "vi"):
    return page.locator(TABS).get_by_role(
        "tab", name=Translator(lang, PLAN)(f"economy.view.{view}"), exact=True
    )


def open_tab_label(page) -> str:
    return page.locator(TABS).locator('[role="tab"][aria-selected="true"]').inner_text().strip()


def view_in_url(page) -> list[str]:
    return parse_qs(urlsplit(page.url).query).get("view", [])


@pytest.mark.parametrize("lang", LANGUAGES)
def test_page_opens_on_the_targets_tab(page, server, lang):
    t = Translator(lang, PLAN)
    page.set_viewport_size({"width": 1600, "height": 1000})
    open_app(page, server, "economy", lang=lang)
    no_traceback(page)
    assert page.locator('[data-testid="stAlertContentError"]').count() == 0
    labels = [label.strip() for label in page.locator(TABS).get_by_role("tab").all_inner_texts()]
    assert labels == [t(f"economy.view.{view}") for view in VIEWS]
    assert open_tab_label(page) == t("economy.view.targets")
    assert view_in_url(page) == ["targets"]
    assert t("economy.targets.heading") in page.inner_text("body")
    # Lazy: the what-if tab did not run, so its slider and charts were never sent.
    assert page.locator(GROWTH).count() == 0
    assert page.locator(INDEX_CHART).count() == 0
    if lang == "vi":
        screenshot(page, "economy-targets-vi")
    else:
        screenshot(page, f"economy-{lang}")


@pytest.mark.parametrize("view", ["structure", "whatif"])
def test_each_other_tab_by_link(page, server, view):
    page.set_viewport_size({"width": 1600, "height": 1000})
    open_app(page, server, "economy", lang="vi", view=view)
    no_traceback(page)
    assert page.locator('[data-testid="stAlert"]').count() == 0
    assert open_tab_label(page) == Translator("vi", PLAN)(f"economy.view.{view}")
    page.locator(f'{TABS} [data-testid="stVegaLiteChart"]').first.wait_for()
    assert (page.locator(GROWTH).count() == 1) == (view == "whatif")
    screenshot(page, f"economy-{view}-vi")


def test_clicking_the_scenario_tab_shows_the_sliders_and_reload_keeps_it(page, server):
    open_app(page, server, "economy", lang="vi")
    assert page.locator(GROWTH).count() == 0
    tab(page, "whatif").click()
    page.locator(GROWTH).wait_for()
    wait_for_view(page, "whatif")
    assert view_in_url(page) == ["whatif"]
    assert "lang=vi" in page.url
    assert tab(page, "whatif").get_attribute("aria-selected") == "true"
    assert growth_value(page) == "10,0%/năm"
    assert page.locator(INDEX_CHART).count() == 1
    no_traceback(page)

    page.reload()
    wait_until_ready(page)
    page.locator(GROWTH).wait_for()
    assert open_tab_label(page) == Translator("vi", PLAN)("economy.view.whatif")
    assert view_in_url(page) == ["whatif"]

    # And back: the targets tab drops the what-if content.
    tab(page, "targets").click()
    wait_for_view(page, "targets")
    page.locator(GROWTH).wait_for(state="detached")
    no_traceback(page)


def test_a_scenario_link_without_a_view_opens_the_what_if_tab(page, server):
    open_app(page, server, "economy", lang="en", g="8")
    page.locator(GROWTH).wait_for()
    assert open_tab_label(page) == Translator("en", PLAN)("economy.view.whatif")
    assert growth_value(page) == "8.0% a year"
    wait_for_view(page, "whatif")
    assert parse_qs(urlsplit(page.url).query)["g"] == ["8"]


def test_the_chart_choice_swaps_the_chart(page, server):
    t = Translator("vi", PLAN)
    page.set_viewport_size({"width": 1600, "height": 1000})
    open_app(page, server, "economy", lang="vi", view="whatif")
    chart = page.locator(f"{INDEX_CHART} [data-testid='stVegaLiteChart']")
    chart.wait_for()
    assert page.locator(PER_CAPITA_CHART).count() == 0
    choice = page.locator(".st-key-econ-chart")
    assert choice.get_by_role("radio", name=t("economy.whatif.chart_index")).is_checked()
    choice.get_by_text(t("economy.whatif.chart_per_capita"), exact=True).click()
    page.locator(f"{PER_CAPITA_CHART} [data-testid='stVegaLiteChart']").wait_for()
    page.locator(INDEX_CHART).wait_for(state="detached")
    wait_until_ready(page)
    drawn = page.locator(
        f"{PER_CAPITA_CHART} [data-testid='stVegaLiteChart'] canvas, "
        f"{PER_CAPITA_CHART} [data-testid='stVegaLiteChart'] svg"
    )
    drawn.first.wait_for()
    assert view_in_url(page) == ["whatif"]  # the choice stays on the what-if tab
    no_traceback(page)
    screenshot(page, "economy-whatif-per-capita-vi")


def test_a_bad_view_in_the_link_gives_a_notice_and_the_targets(page, server):
    t = Translator("en", PLAN)
    open_app(page, server, "economy", lang="en", view="nope")
    no_traceback(page)
    opening = t("common.notice_view", value="\x00", choices="", shown="").split("\x00")[0]
    notice = page.locator('[data-testid="stAlert"]').filter(has_text=opening.rstrip("(“ "))
    assert notice.count() == 1
    assert "nope" in notice.inner_text()
    assert open_tab_label(page) == t("economy.view.targets")
    assert view_in_url(page) == ["targets"]


def test_keyboard_move_changes_result_chart_and_url(page, server, page_factory):
    page.set_viewport_size({"width": 1600, "height": 1000})
    open_app(page, server, "economy", lang="vi", view="whatif")
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
    assert query["g"] == ["9.5"]
    assert query["lang"] == ["vi"]
    assert query["view"] == ["whatif"]
    no_traceback(page)

    shared = page_factory(1600, 1000)
    shared.goto(page.url)
    wait_until_ready(shared)
    assert growth_value(shared) == growth_value(page) == "9,5%/năm"
    assert per_capita_text(shared) == after_text
    assert shared.outside_requests == []
    screenshot(shared, "economy-scenario")

"""The tasks and IT-park pages in real Chromium, in both languages, with no internet."""

from __future__ import annotations

import pytest

from core.i18n import LANGUAGES, Translator
from tests.e2e.conftest import no_traceback, open_app, open_page, screenshot, wait_until_ready


@pytest.mark.parametrize("lang", LANGUAGES)
def test_tasks_page(page, server, lang):
    t = Translator(lang)
    open_page(page, server, "tasks", lang)
    headings = page.locator("h3").all_inner_texts()
    assert len([h for h in headings if h.startswith(t("tasks.task_heading", number=1,
                                                      title="")[:4])]) == 5
    body = page.inner_text("body")
    assert "Phát triển xanh hóa nền kinh tế" in body  # diacritics reach the page intact
    screenshot(page, f"tasks-{lang}")


def test_filter_without_diacritics_and_its_url(page, server):
    open_app(page, server, "tasks", lang="vi")
    box = page.get_by_label(Translator("vi")("tasks.filter_label"))
    box.fill("do thi")
    box.press("Enter")
    page.wait_for_url("**q=do**")
    wait_until_ready(page)
    headings = [h for h in page.locator("h3").all_inner_texts() if h.startswith("Nhiệm vụ")]
    assert [h.split(".")[0] for h in headings] == ["Nhiệm vụ 4", "Nhiệm vụ 5"]
    # The filtered view can be shared: opening its URL shows the same tasks.
    open_app(page, server, "tasks", lang="vi", q="do%20thi")
    headings = [h for h in page.locator("h3").all_inner_texts() if h.startswith("Nhiệm vụ")]
    assert len(headings) == 2


@pytest.mark.parametrize("lang", LANGUAGES)
def test_connectivity_link_opens_the_map_layer(page, server, lang):
    open_app(page, server, "tasks", lang=lang)
    page.get_by_role("link", name=Translator(lang)("nav.zones")).last.click()
    page.wait_for_url("**/zones**")
    wait_until_ready(page)
    assert "layers=connectivity" in page.url
    assert f"lang={lang}" in page.url
    no_traceback(page)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_it_park_page(page, server, lang):
    open_page(page, server, "it_park", lang)
    assert page.locator('[data-testid="stVegaLiteChart"]').count() >= 1
    assert page.locator('[data-testid="stDeckGlJsonChart"]').count() == 1
    metrics = page.locator('[data-testid="stMetricValue"]').all_inner_texts()
    assert {"vi": "156.993", "en": "156,993"}[lang] in metrics
    assert {"vi": "78,41%", "en": "78.41%"}[lang] in metrics
    page.locator('[data-testid="stVegaLiteChart"] canvas, '
                 '[data-testid="stVegaLiteChart"] svg').first.wait_for()
    page.wait_for_timeout(800)  # let the map and chart paint before the screenshot
    screenshot(page, f"it_park-{lang}")

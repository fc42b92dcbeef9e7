"""What an official audience sees (issue 18), in real Chromium, with screenshots to look
at: the merger on slide 1, the overview's latest figures and the tasks page on a phone,
and no curators' note on any Vietnamese page or tab."""

from __future__ import annotations

import pytest

from components.navigation import PAGES
from components.slides import SLIDES
from core.i18n import Translator
from tests.e2e.conftest import no_traceback, open_app, open_page, screenshot

INTERNAL = ("data/raw", "FACTS", "commit")
MAIN = '[data-testid="stMain"]'


def views():
    """Every page, and every tab of a page with tabs (each is built only while open)."""
    for info in PAGES:
        for view in info.views or (None,):
            yield info, view


def test_no_vietnamese_page_shows_a_curators_note(page, server):
    shown = {}
    for info, view in views():
        params = {"lang": "vi", **({"view": view} if view else {})}
        open_app(page, server, info.url_path, **params)
        no_traceback(page)
        text = page.inner_text("body")
        shown[(info.section, view)] = [mark for mark in INTERNAL if mark in text]
    for step in range(1, len(SLIDES) + 1):
        open_app(page, server, "present", present="1", step=str(step), lang="vi")
        shown[("present", step)] = [mark for mark in INTERNAL if mark in page.inner_text("body")]
    assert {where: marks for where, marks in shown.items() if marks} == {}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_slide_one_states_the_merger_at_projector_size(page_factory, server, lang):
    page = page_factory(1280, 720)
    open_app(page, server, "present", present="1", step="1", lang=lang)
    date = {"vi": "1/7/2025", "en": "1 July 2025"}[lang]
    line = Translator(lang)("present.merger", date=date)
    assert line in page.inner_text(MAIN)
    sizes = page.evaluate(
        "() => { const m = document.querySelector('[data-testid=\"stMain\"]');"
        " return [m.scrollHeight, m.clientHeight]; }"
    )
    assert sizes[0] <= sizes[1] + 2, sizes  # still one screen without scrolling
    screenshot(page, f"public-slide1-{lang}-1280x720")


@pytest.mark.parametrize(
    ("lang", "latest"),
    [("vi", "Thực hiện gần nhất: 7.498 USD (2024)"), ("en", "Latest outturn: 7,498 USD (2024)")],
)
def test_the_overview_on_a_phone_shows_the_latest_outturn(page_factory, server, lang, latest):
    page = page_factory(390, 844)
    open_page(page, server, "overview", lang)
    assert latest in page.inner_text(MAIN)
    screenshot(page, f"public-overview-{lang}-390x844")


def test_the_tasks_page_on_a_phone_folds_the_other_language(page_factory, server):
    page = page_factory(390, 844)
    open_page(page, server, "tasks", "vi")
    t = Translator("vi")
    folded = page.locator('[data-testid="stExpander"]', has_text=t("tasks.translation_label"))
    assert folded.count() == 6  # the five tasks and the article's announcement of them
    assert "especially connections to seaports" not in page.inner_text(MAIN)
    path = screenshot(page, "public-tasks-vi-390x844")
    assert path.exists()

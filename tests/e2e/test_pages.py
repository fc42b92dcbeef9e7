"""Every page in both languages in real Chromium: it finishes, shows its own title,
asks nothing of the internet, and leaves a full-page screenshot to look at."""

from __future__ import annotations

import pytest

from components.navigation import PAGES
from core.i18n import LANGUAGES, Translator
from tests.e2e.conftest import Server, no_traceback, open_app, screenshot


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("info", PAGES, ids=lambda info: info.section)
def test_page_renders_offline(page, server, info, lang):
    open_app(page, server, info.url_path, lang=lang)
    title = Translator(lang)(f"{info.section}.title")
    assert page.locator("h1").first.inner_text().strip() == title
    no_traceback(page)
    assert page.locator('[data-testid="stAlertContentError"]').count() == 0
    screenshot(page, f"page-{info.section}-{lang}")


def test_language_switch_keeps_language_in_url(page, server):
    open_app(page, server)
    page.get_by_text("English", exact=True).click()
    page.wait_for_url("**lang=en**")
    page.get_by_role("link", name=Translator("en")("nav.sources")).first.click()
    page.wait_for_url("**/sources**lang=en**")
    assert page.locator("h1").first.inner_text().strip() == Translator("en")("sources.title")


def test_a_shared_link_is_the_first_request_of_a_fresh_server(page):
    """The first visitor after a restart may arrive by a deep link; it must keep its state."""
    fresh = Server()
    try:
        open_app(page, fresh, "sources", lang="en")
        assert page.locator("h1").first.inner_text().strip() == Translator("en")("sources.title")
        assert "lang=en" in page.url
    finally:
        fresh.stop()

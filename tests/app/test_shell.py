"""The frame every page stands on: each page in each language, and the language switch."""

from __future__ import annotations

import pytest

from components.navigation import PAGES
from core.i18n import LANGUAGES, Translator
from tests.app.conftest import run_page


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("info", PAGES, ids=lambda info: info.section)
def test_every_page_runs_and_shows_its_title(info, lang):
    at = run_page(info.path, lang)
    assert not at.exception
    assert at.title[0].value == Translator(lang)(f"{info.section}.title")
    assert [error.value for error in at.error] == []


def test_vietnamese_is_the_default():
    at = run_page("pages/overview.py", lang="")
    assert at.title[0].value == Translator("vi")("overview.title")
    assert at.session_state["lang"] == "vi"


@pytest.mark.parametrize("value", ["fr", "<script>alert(1)</script>", "x" * 5000, "EN "])
def test_unknown_language_falls_back_with_a_notice(value):
    at = run_page("pages/overview.py", lang=value)
    assert not at.exception
    if value.strip().lower() == "en":
        assert at.session_state["lang"] == "en"
        return
    assert at.session_state["lang"] == "vi"
    notice = at.warning[0].value
    assert notice.startswith("Ngôn ngữ trong đường liên kết")
    assert len(notice) < 200  # the rejected value is cut short


def test_switching_language_changes_the_page_text():
    at = run_page("pages/overview.py", lang="vi")
    at.sidebar.radio[0].set_value("en").run()
    assert at.title[0].value == Translator("en")("overview.title")


def test_overview_shows_the_headline_targets_in_each_language():
    vi = run_page("pages/overview.py", "vi")
    en = run_page("pages/overview.py", "en")
    # The three headline cards come first; the tracker's counts follow (test_tracker_counts).
    assert [m.value for m in vi.metric][:3] == ["≈ 10%/năm", "≈ 15.800", "4,04"]
    assert [m.value for m in en.metric][:3] == ["≈ 10%/yr", "≈ 15,800", "4.04"]
    assert "790/QĐ-TTg" in vi.markdown[1].value
    assert "3/8/2024" in vi.markdown[1].value

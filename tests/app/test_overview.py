"""The overview's headline cards: each target with its latest outturn and year beneath."""

from __future__ import annotations

import pytest

from components.navigation import PAGES
from core.i18n import Translator
from tests.app.conftest import run_page


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "vi",
            [
                "Thực hiện gần nhất: 5,8% (2021–2024)",
                "Thực hiện gần nhất: 7.498 USD (2024)",
                "Thực hiện gần nhất, dân số chính thức: 2,87 triệu người (2024)",
            ],
        ),
        (
            "en",
            [
                "Latest outturn: 5.8% (2021–2024)",
                "Latest outturn: 7,498 USD (2024)",
                "Latest outturn, official (resident) population: 2.87 million (2024)",
            ],
        ),
    ],
)
def test_each_headline_card_shows_the_latest_outturn_and_its_year(lang, expected):
    at = run_page("pages/overview.py", lang)
    assert not at.exception
    captions = [c.value for c in at.caption]
    assert captions[: len(expected)] == expected


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_explore_card_has_its_blurb(lang):
    """A missing catalog key shows itself: the tracker's card said "overview.blurb.tracker"."""
    at = run_page("pages/overview.py", lang)
    shown = [c.value for c in at.caption] + [m.value for m in at.markdown]
    assert [text for text in shown if "overview." in text] == []
    blurbs = {Translator(lang)(f"overview.blurb.{page.section}") for page in PAGES[1:]}
    assert blurbs <= set(shown)

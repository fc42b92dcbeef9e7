"""The IT-park page in each language: facts, timeline, quotations and figures as published,
each in its tab; a tab's content runs only while it is open."""

from __future__ import annotations

import pytest

from components.navigation import page_of
from components.page_parts import escape_markdown
from core.data import data_dir, load_table
from core.i18n import LANGUAGES, Translator
from tests.app.conftest import run_page
from tests.light_map_markup import parsed

METRICS = {
    "vi": ["78,41%", "156.993", "1/63", "4", "100%", "100%"],
    "en": ["78.41%", "156,993", "1/63", "4", "100%", "100%"],
}


PAGE = "pages/it_park.py"
VIEWS = page_of("it_park").views


def every_tab(lang: str):
    """Each tab opened by its link, as a reader would one after another."""
    runs = [run_page(PAGE, lang, view=view) for view in VIEWS]
    for at in runs:
        assert not at.exception
        assert [error.value for error in at.error] == []
    return runs


@pytest.mark.parametrize("lang", LANGUAGES)
def test_only_the_open_tab_runs(lang):
    t = Translator(lang)
    at = run_page(PAGE, lang)
    assert at.title[0].value == t("it_park.title")
    assert [tab.label for tab in at.tabs] == [t(f"it_park.view.{view}") for view in VIEWS]
    assert [subheader.value for subheader in at.subheader] == [t("it_park.what_heading")]
    # The location map is SVG markup (issue 19): the first tab needs no deck.gl, no Vega.
    assert not at.get("deck_gl_json_chart")
    assert not at.get("vega_lite_chart")
    [markup] = [h.proto.body for h in at.get("html") if "svg-map" in h.proto.body]
    assert parsed(markup).image.get("alt").startswith(t("it_park.map_alt"))
    assert at.query_params["view"] == "site"
    quotes = run_page(PAGE, lang, view="quotes")
    assert [subheader.value for subheader in quotes.subheader] == [t("it_park.quotes_heading")]
    # The reader's language shows; the other is folded under each speaker's words.
    shown, folded = ("quote_original", "quote_translation")[:: 1 if lang == "vi" else -1]
    words = "\n".join(m.value for m in quotes.markdown)
    assert f"**{t(f'it_park.{shown}')}**" in words
    assert f"**{t(f'it_park.{folded}')}**" not in words
    assert t(f"it_park.{folded}") in [e.label for e in quotes.expander]
    assert not quotes.get("deck_gl_json_chart")
    assert quotes.metric.len == 0


@pytest.mark.parametrize("lang", LANGUAGES)
def test_it_park_page_in_each_language(lang):
    runs = every_tab(lang)
    t = Translator(lang)
    assert [metric.value for at in runs for metric in at.metric] == METRICS[lang]
    text = "\n".join(m.value for at in runs for m in at.markdown)
    assert {"vi": "15,47 ha", "en": "15.47 ha"}[lang] in text
    assert "Hòa Phú" in text
    assert "890/QĐ-TTg" in text
    # The province's reasoning and the ministry's assessment, in the article's words.
    assert "nền tảng công nghiệp hơn 25 năm" in text
    assert "khả thi và có đầy đủ cơ sở pháp lý" in text
    captions = [caption.value for at in runs for caption in at.caption]
    assert t("it_park.as_of", date={"vi": "10/2/2025", "en": "10 February 2025"}[lang]) in captions
    # No coordinates for the site in it_park.csv: the page says so instead of guessing.
    assert t("it_park.map_no_site") in captions
    assert any(t("it_park.timeline_approx_note") in caption for caption in captions)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_timeline_list_names_actors_outcomes_and_marks_the_year_only_date(lang):
    at = run_page(PAGE, lang, view="timeline")
    t = Translator(lang)
    text = "\n".join(m.value for m in at.markdown)
    approximate = escape_markdown(t("it_park.timeline.approximate_date", date="2024"))
    assert f"**{approximate}**" in text
    assert {"vi": "**26/8/2024**", "en": "**26 August 2024**"}[lang] in text
    assert {"vi": "**12/5/2025**", "en": "**12 May 2025**"}[lang] in text
    assert "Nguyễn Văn Lợi" in text
    assert "Nguyễn Chí Dũng" in text
    # One outcome per timeline row that has one, and one per commitment (its status),
    # counted from the data, not copied.
    timeline = load_table("timeline", data_dir())
    with_outcome = timeline[f"outcome_{lang}"].notna().sum()
    commitments = load_table("commitments", data_dir())
    assert text.count(f"**{t('it_park.outcome')}:**") == with_outcome + len(commitments)
    # The chart is HTML, not Vega (issue 19): one marker per event listed.
    assert not at.get("vega_lite_chart")
    [chart] = [h.proto.body for h in at.get("html") if 'class="tl"' in h.proto.body]
    assert chart.count('class="tl-dot"') + chart.count('class="tl-dia"') == len(timeline) + len(
        commitments
    )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_timeline_draws_every_commitment_on_its_own_lane_with_conflicts_noted(lang):
    at = run_page(PAGE, lang, view="timeline")
    t = Translator(lang)
    commitments = load_table("commitments", data_dir())
    lane = t("it_park.kind.commitment")
    text = "\n".join(m.value for m in at.markdown)
    for row in commitments.itertuples():
        name = escape_markdown(t.pick(row.name_vi, row.name_en))
        assert f"{lane} — {name}" in text
    conflicts = commitments["conflict_with"].notna().sum()
    marker = t("it_park.timeline.conflict", outcome="\x00").split("\x00")[1]
    assert conflicts  # Long Thành, 19/12/2025: two readings of the same day
    assert text.count(escape_markdown(marker)) == conflicts
    assert any(t("it_park.timeline_commitments_note") in c.value for c in at.caption)

"""Meeting mode without a browser: every screen in both languages, links that ask for
a bad step, the sidebar toggle, Previous/Next and exit, and the scenario from the link."""

from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest

from components.page_parts import escape_markdown
from components.slides import SLIDES
from core.data import load_table
from core.i18n import LANGUAGES, Translator
from core.model import Baseline
from core.narrative import glossary_lines
from tests.app.conftest import outside_code_spans
from tests.conftest import DATA, REPO, font_sizes
from tests.plan_data import PLAN


def present(lang: str = "vi", **params: str) -> AppTest:
    """The app opened by a link with ?present=1: the router moves to the presentation."""
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=60)
    at.query_params.update({"lang": lang, "present": "1", **params})
    at.run()
    return at


def on_presentation(at: AppTest, lang: str = "vi") -> bool:
    return bool(at.title) and at.title[0].value == Translator(lang)("present.title")


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("step", range(1, len(SLIDES) + 1))
def test_every_step_renders_in_both_languages(lang, step):
    at = present(lang, step=str(step))
    assert not at.exception
    assert on_presentation(at, lang)
    assert [w.value for w in at.warning] == []
    assert [e.value for e in at.error] == []
    assert at.query_params["step"] == str(step)
    assert len(at.header) == 1  # one heading per screen


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("0", 1),
        ("99", len(SLIDES)),
        ("-1", 1),
        (str(len(SLIDES) + 1), len(SLIDES)),
        ("abc", 1),
        ("<script>", 1),
        ("", 1),
        ("1e309", 1),
        ("2.5", 1),
        ("３", 1),
        ("x" * 500, 1),
    ],
)
def test_a_bad_step_falls_back_with_a_notice(value, shown):
    at = present("vi", step=value)
    assert not at.exception
    assert on_presentation(at)
    assert at.query_params["step"] == str(shown)
    notices = [w.value for w in at.warning]
    assert len(notices) == 1
    assert notices[0].startswith("Bước")
    assert f"bước {shown}" in notices[0]
    assert len(notices[0]) < 200
    assert "<script>" not in outside_code_spans(notices[0])


def test_next_and_previous_move_the_step_in_the_url():
    at = present("en", step="2")
    at.button(key="present-next").click().run()
    assert at.query_params["step"] == "3"
    at.button(key="present-prev").click().run()
    at.button(key="present-prev").click().run()
    assert at.query_params["step"] == "1"
    assert at.button(key="present-prev").disabled
    at = present("en", step=str(len(SLIDES)))
    assert at.button(key="present-next").disabled


def test_the_scenario_comes_from_the_link():
    default = present("en", step="3")
    chosen = present("en", step="3", g="12", basis="total")
    assert not chosen.exception
    assert chosen.metric[0].value != default.metric[0].value
    first = Baseline.from_outturn(load_table("economy_outturn", DATA), PLAN).last_year + 1
    assert chosen.header[0].value == f"Scenario: At 12% growth a year from {first}"
    assert chosen.query_params["g"] == "12"
    assert chosen.query_params["basis"] == "total"


def test_a_bad_scenario_value_gets_the_economy_notice():
    at = present("vi", step="3", g="<b>x</b>")
    assert not at.exception
    assert any("«g»" in w.value for w in at.warning)


def test_the_sidebar_toggle_starts_and_exit_ends_the_presentation():
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=60)
    at.query_params.update({"lang": "vi"})
    at.run()
    assert at.title[0].value == Translator("vi")("overview.title")
    at.sidebar.toggle(key="present-toggle").set_value(True).run()
    assert on_presentation(at)
    at.button(key="present-exit").click().run()
    assert not at.exception
    assert at.title[0].value == Translator("vi")("overview.title")
    assert at.sidebar.toggle(key="present-toggle").value is False


@pytest.mark.parametrize("value", ["yes", "<script>", "2", ""])
def test_a_bad_present_value_leaves_the_page_as_it_is_with_a_notice(value):
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=60)
    at.query_params.update({"lang": "en", "present": value})
    at.run()
    assert not at.exception
    assert at.title[0].value == Translator("en")("overview.title")
    assert any(w.value.startswith("The value present") for w in at.warning)


def test_present_zero_is_the_ordinary_page():
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=60)
    at.query_params.update({"lang": "en", "present": "0"})
    at.run()
    assert at.title[0].value == Translator("en")("overview.title")
    assert [w.value for w in at.warning] == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_first_slide_says_the_province_merged_into_hcmc(lang):
    """The 2030 city status on slide 1 is followed by the merger that overtook it, its
    date from the data in the reader's format."""
    at = present(lang, step="1")
    as_of = load_table("commitments", DATA).set_index("id").loc["city_status", "as_of"]
    date = {"vi": "1/7/2025", "en": "1 July 2025"}[lang]
    assert as_of == "2025-07-01"
    line = Translator(lang)("present.merger", date=date)
    text = "\n".join(m.value for m in at.markdown)
    assert escape_markdown(line) in text
    assert ("Thành phố Hồ Chí Minh" if lang == "vi" else "Hồ Chí Minh City") in line


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_tasks_slide_keeps_the_editorial_reading_caveat(lang):
    at = present(lang, step=str(SLIDES.index("tasks") + 1))
    assert Translator(lang)("tasks.editorial_note") in [c.value for c in at.caption]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_slide_sources_are_public_labels(lang):
    for step in range(1, len(SLIDES) + 1):
        text = " ".join(c.value for c in present(lang, step=str(step)).caption)
        for mark in ("data/raw", "FACTS", "commit", "github.com/favourdavidemeka"):
            assert mark not in text, (step, mark)


def test_the_zones_slide_draws_its_map_for_each_screen_with_projector_labels():
    """Two fitted maps (1280 × 720, and 1600 × 900 and up; the CSS shows one), every label
    at least 20 px, and a legend the presentation's CSS can enlarge."""
    at = present("vi", step=str(SLIDES.index("zones") + 1))
    charts = at.get("deck_gl_json_chart")
    assert len(charts) == 2
    zooms = []
    for chart in charts:
        spec = json.loads(chart.proto.json)
        zooms.append(spec["initialViewState"]["zoom"])
        sizes = [layer["getSize"] for layer in spec["layers"] if layer["@@type"] == "TextLayer"]
        assert sizes
        assert min(sizes) >= 20, sizes
    assert zooms[1] > zooms[0]  # the larger screen's map shows the province larger
    assert any('class="map-legend"' in h.proto.body for h in at.get("html"))


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("screen", ["scenario", "likely", "tracker"])
def test_slide_charts_have_no_text_under_20_px(lang, screen):
    """A projector at the back of a room: the tornado's lever labels were 13 px."""
    at = present(lang, step=str(SLIDES.index(screen) + 1))
    [chart] = at.get("vega_lite_chart")
    spec = json.loads(chart.proto.spec)
    assert min(font_sizes(spec)) >= 20
    config = spec["config"]
    # Text that sets no size of its own takes these.
    assert (
        min(
            config[part][key]
            for part in ("axis", "legend")
            for key in ("labelFontSize", "titleFontSize")
        )
        >= 20
    )
    assert config["text"]["fontSize"] >= 20
    assert config["title"]["subtitleFontSize"] >= 20


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_scenario_slide_says_what_its_legend_terms_mean(lang):
    at = present(lang, step=str(SLIDES.index("scenario") + 1))
    [chart] = at.get("vega_lite_chart")
    spec = json.loads(chart.proto.spec)
    assert spec["title"]["subtitle"] == glossary_lines(Translator(lang, PLAN))

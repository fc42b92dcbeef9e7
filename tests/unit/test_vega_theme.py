"""The charts' shared theme (components/vega_theme): no chart text under 20 px on a slide,
wherever a chart sets its size, while the page's charts keep theirs; titles that fit a
phone; no English labels of Vega's own for a screen reader."""

from __future__ import annotations

import copy
import json

import altair as alt
import pandas as pd

from components import likelihood_charts
from components.vega_theme import (
    FONT,
    PHONE_TITLE_CHARS,
    SLIDE_FONT,
    fitted_title,
    larger,
    projector,
    without_vega_labels,
)
from core.i18n import Translator
from core.svg_map import text_width
from tests.conftest import font_sizes
from tests.plan_data import PLAN


def small_spec() -> dict:
    """A page chart in miniature: a 13-px axis of its own, a text mark, an expression."""
    return {
        "config": {"axis": {"labelFontSize": FONT, "labelLimit": 260}},
        "layer": [
            {
                "mark": {"type": "bar"},
                "encoding": {"y": {"axis": {"labelFontSize": 13, "labelLimit": 130}}},
            },
            {"mark": {"type": "text", "fontSize": 13}},
            {"mark": {"type": "text", "fontSize": {"expr": "width / 40"}}},
            {"encoding": {"x": {"axis": {"titleLimit": 320}}}},
        ],
        "datasets": {"rows": pd.DataFrame({"fontSize": [1]})},
    }


def test_every_size_set_in_the_spec_reaches_the_slide_size():
    page = small_spec()
    kept = copy.deepcopy(page)
    slide = larger(page)
    assert min(font_sizes(slide)) == SLIDE_FONT
    # Text marks without a size of their own take the theme's, raised too.
    assert slide["config"]["text"]["fontSize"] == SLIDE_FONT
    assert slide["config"]["title"]["fontSize"] == SLIDE_FONT + 2
    # The larger labels get room in proportion, so they are not cut short.
    assert slide["layer"][0]["encoding"]["y"]["axis"]["labelLimit"] == 200
    assert slide["config"]["axis"]["labelLimit"] == 325
    assert slide["layer"][3]["encoding"]["x"]["axis"]["titleLimit"] == 400
    # An expression is the chart's own business; data is not text to resize.
    assert slide["layer"][2]["mark"]["fontSize"] == {"expr": "width / 40"}
    assert slide["datasets"]["rows"] is page["datasets"]["rows"]
    # The page's chart is a cached template: it is never changed.
    assert page["layer"] == kept["layer"]
    assert page["config"] == kept["config"]


def test_larger_text_already_on_a_chart_stays():
    spec = {"config": {"title": {"fontSize": 30}}, "mark": {"type": "text", "fontSize": 24}}
    slide = larger(spec)
    assert slide["config"]["title"]["fontSize"] == 30
    assert slide["mark"]["fontSize"] == 24


def test_the_tornado_keeps_its_page_size_and_grows_on_a_slide():
    template = likelihood_charts.tornado_template(Translator("vi", PLAN), "per_capita")
    assert min(font_sizes(template)) < SLIDE_FONT  # the page's lever labels: compact
    assert min(font_sizes(larger(template))) >= SLIDE_FONT


def test_a_long_title_wraps_on_a_narrow_plot_and_stays_one_line_on_a_wide_one():
    title = "GRDP thực: thực hiện, lộ trình 10%/năm và kịch bản"
    fitted = fitted_title(title)
    condition, _, choices = fitted["text"]["expr"].partition(" ? ")
    wrapped, _, whole = choices.partition(" : ")
    lines = json.loads(wrapped)
    assert " ".join(lines) == json.loads(whole) == title
    assert all(len(line) <= PHONE_TITLE_CHARS for line in lines)
    # The switch is where the title on one line would no longer fit the plot.
    assert condition == f"width < {text_width(title, FONT + 2):.0f}"
    assert fitted_title("Năm") == {"text": "Năm"}
    # A slide's title keeps its subtitle.
    assert fitted_title({"text": "Năm", "subtitle": "x"}) == {"text": "Năm", "subtitle": "x"}


def test_vega_writes_no_aria_label_of_its_own():
    # Its labels are English ("X-axis titled …"): the chart's sentence names it instead.
    chart = alt.Chart(pd.DataFrame({"a": [1]})).mark_point().encode(x="a")
    spec = without_vega_labels(projector(chart.properties(title="Năm"), Translator("vi")))
    config = spec["config"]
    assert config["axis"]["aria"] is False
    assert config["legend"]["aria"] is False
    assert config["mark"]["aria"] is False
    assert spec["title"] == {"text": "Năm"}
    assert config["axis"]["labelFontSize"] == FONT  # the theme's settings kept

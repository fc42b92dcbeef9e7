"""Projector sizing (components/vega_theme.larger): no chart text under 20 px on a slide,
wherever a chart sets its size, while the page's charts keep theirs."""

from __future__ import annotations

import copy

import pandas as pd

from components import likelihood_charts
from components.vega_theme import FONT, SLIDE_FONT, larger
from core.i18n import Translator
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

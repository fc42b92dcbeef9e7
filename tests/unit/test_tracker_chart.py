"""The tracker's status chart keeps its lines off its text: the thresholds are short
marks in each marker's row, between the name above it and the next row's name, on the
page and on the slide (components/tracker_charts.py). Checked on the spec, from the
offsets and font sizes the renderer is given."""

from __future__ import annotations

import html
import re

import pytest

from components.tracker_charts import (
    ROW,
    STATUS_COLOURS,
    STATUS_SYMBOLS,
    axis_cap,
    chart_frame,
    status_chart,
    status_strip,
    target_names,
)
from components.tracker_view import SLIDE_ROW
from components.vega_theme import larger
from core.data import load_table
from core.i18n import Translator
from core.tracker import THRESHOLDS, track
from tests.conftest import DATA

TARGETS = load_table("plan_targets", DATA)
TRACKED = track(TARGETS, load_table("economy_outturn", DATA))


def page_spec(t: Translator) -> tuple[dict, int]:
    frame = chart_frame(TRACKED, target_names(TARGETS, t), None, THRESHOLDS, t)
    return status_chart(frame, THRESHOLDS, t), ROW


def slide_spec(t: Translator) -> tuple[dict, int]:
    """As tracker_view.slide draws it: each name on one line, text at least 20 px."""
    frame = chart_frame(TRACKED, target_names(TARGETS, t), None, THRESHOLDS, t)
    frame = frame.assign(upper="", lower=frame["target"])
    return larger(status_chart(frame, THRESHOLDS, t, row=SLIDE_ROW, legend=False)), SLIDE_ROW


def layers(spec: dict, kind: str) -> list[dict]:
    return [layer for layer in spec["layer"] if layer["mark"]["type"] == kind]


def name_layers(spec: dict) -> list[dict]:
    """The text layers of the names (bottom baseline), those with any text drawn."""
    return [
        layer
        for layer in layers(spec, "text")
        if layer["mark"].get("baseline") == "bottom"
        and any(
            row[layer["encoding"]["text"]["field"]]
            for row in spec["datasets"][layer["data"]["name"]]
        )
    ]


@pytest.mark.parametrize("build", [page_spec, slide_spec], ids=["page", "slide"])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_no_threshold_mark_reaches_a_name(build, lang):
    spec, row = build(Translator(lang))
    names = name_layers(spec)
    assert names
    # Offsets from a marker's centre; a name's text stands above its bottom (dy).
    name_bottom = max(layer["mark"]["dy"] for layer in names)
    next_name_top = row + min(layer["mark"]["dy"] - layer["mark"]["fontSize"] for layer in names)
    rules = layers(spec, "rule")
    assert rules
    for rule in rules:
        mark, encoding = rule["mark"], rule["encoding"]
        assert "y" in encoding, "a rule over the whole plot"
        assert "y2" in encoding, "a rule over the whole plot"
        assert name_bottom <= mark["yOffset"] < mark["y2Offset"] <= next_name_top, (
            mark,
            name_bottom,
            next_name_top,
        )


@pytest.mark.parametrize("build", [page_spec, slide_spec], ids=["page", "slide"])
def test_the_figures_beside_the_markers_are_outlined_over_the_thresholds(build):
    spec, _ = build(Translator("vi"))
    kinds = [layer["mark"]["type"] for layer in spec["layer"]]
    texts = [layer for layer in spec["layer"] if layer["mark"]["type"] == "text"]
    halo = next(layer for layer in texts if layer["mark"].get("stroke") == "white")
    figure = next(
        layer
        for layer in texts
        if layer is not halo and layer["encoding"]["text"]["field"] == "label"
    )
    order = spec["layer"].index
    assert kinds.index("rule") < order(halo) < order(figure)
    # The outline covers the figure's height and the threshold mark beside it.
    reach = figure["mark"]["fontSize"] / 2 + halo["mark"]["strokeWidth"] / 2
    rule = layers(spec, "rule")[0]["mark"]
    assert reach >= rule["y2Offset"]
    assert reach >= -rule["yOffset"]


def test_the_axis_draws_no_grid_through_the_names():
    spec, _ = page_spec(Translator("vi"))
    axes = [layer["encoding"]["x"].get("axis") for layer in spec["layer"]]
    assert any(axes)
    assert all(axis.get("grid") is False for axis in axes if axis)


def test_the_html_strip_draws_each_target_with_its_status_shape_and_figure():
    """The page's chart without Vega: one row per target in order, its marker the status's
    symbol in its colour at its share of the axis, its figure beside it, text escaped."""
    t = Translator("en")
    frame = chart_frame(TRACKED, target_names(TARGETS, t), None, THRESHOLDS, t)
    frame.loc[0, "target"] = "<b>Growth</b>"
    markup = status_strip(frame, THRESHOLDS, t, 'Counts "here"')
    assert 'role="img" aria-label="Counts &quot;here&quot;"' in markup
    assert "<b>Growth</b>" not in markup
    marks = re.findall(r'class="mark" style="left:([\d.]+)%;color:([^"]+)"[^>]*>(.)<', markup)
    assert len(marks) == len(frame)
    domain = axis_cap(THRESHOLDS) + 1
    for (left, colour, symbol), item in zip(marks, frame.itertuples(), strict=True):
        assert float(left) == pytest.approx(100 * item.shown / domain, abs=0.01)
        assert (colour, symbol) == (STATUS_COLOURS[item.status], STATUS_SYMBOLS[item.status])
    names = re.findall(r'<div class="name">([^<]*)</div>', markup)
    assert [html.unescape(n) for n in names] == list(frame["target"])
    rules = {float(x) for x in re.findall(r'class="rule" style="left:([\d.]+)%"', markup)}
    expected = {THRESHOLDS.behind_years, THRESHOLDS.far_behind_years}
    assert rules == {round(100 * at / domain, 2) for at in expected}
    for label in frame["label"]:
        assert f">{html.escape(label)}</span>" in markup


def test_the_html_strip_marks_the_opened_target_and_keeps_far_figures_inside():
    t = Translator("vi")
    frame = chart_frame(TRACKED, target_names(TARGETS, t), TRACKED[1].target_id, THRESHOLDS, t)
    frame.loc[2, "shown"] = axis_cap(THRESHOLDS)  # past two thirds of the axis
    markup = status_strip(frame, THRESHOLDS, t, "x")
    assert markup.count('class="mark chosen"') == 1
    assert (
        markup.count('class="value before"')
        == (frame["shown"] > (axis_cap(THRESHOLDS) + 1) * 2 / 3).sum()
    )

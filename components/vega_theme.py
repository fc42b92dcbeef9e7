"""The projector theme every Vega-Lite chart shares: large type, the reader's number
format, legends below the plot, and resizing helpers for slides and print."""

from __future__ import annotations

import json

import altair as alt
import pandas as pd

from components.palette import INK
from core.i18n import Translator
from core.svg_map import text_width
from core.text import label_lines

FONT = 16
PHONE_TITLE_CHARS = 26  # a title line that fits a phone's plot (~290 px at 18 px bold)
LINE = 4
WIDTH = "container"

NUMBER_LOCALES = {
    "vi": {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["", " ₫"]},
    "en": {"decimal": ".", "thousands": ",", "grouping": [3], "currency": ["$", ""]},
}


def projector(chart: alt.TopLevelMixin, t: Translator) -> dict:
    """The chart as a spec: large type everywhere, the reader's number format, no border."""
    spec = (
        chart.configure(font="sans-serif", locale={"number": NUMBER_LOCALES[t.lang]})
        .configure_axis(
            labelFontSize=FONT,
            titleFontSize=FONT,
            labelLimit=260,
            gridOpacity=0.5,
            labelColor=INK,
            titleColor=INK,
        )
        .configure_legend(
            # Below the plot: on a phone a legend at the right leaves the plot a sliver.
            labelFontSize=FONT,
            titleFontSize=FONT,
            orient="bottom",
            direction="vertical",
            symbolStrokeWidth=LINE,
            symbolSize=260,
            labelLimit=300,
            titleLimit=300,
            labelColor=INK,
            titleColor=INK,
        )
        .configure_title(fontSize=FONT + 2, anchor="start")
        .configure_header(
            labelFontSize=FONT,
            titleFontSize=FONT,
        )
        .configure_view(strokeWidth=0)
        .to_dict()
    )
    # Several legends below a chart stack instead of standing in a row wider than a phone
    # (a Vega setting Altair's schema does not list, so it is set on the spec).
    spec["config"]["legend"]["layout"] = {"bottom": {"direction": "vertical", "anchor": "start"}}
    # The plot keeps its height and the legend adds to it (Streamlit's default, "fit",
    # would squeeze the plot to make room for a legend below it).
    spec["autosize"] = {"type": "fit-x", "contains": "padding"}
    return spec


def fitted_title(title: str | dict) -> dict:
    """A title Vega would cut short ("GRDP thực: thực hiện, lộ trình 10…") on a phone,
    wrapped onto lines there: the plot's width picks the one-line or the wrapped text."""
    params = {"text": title} if isinstance(title, str) else dict(title)
    text = params["text"]
    if isinstance(text, str) and len(lines := label_lines(text, PHONE_TITLE_CHARS).split("\n")) > 1:
        one_line = text_width(text, FONT + 2)
        params["text"] = {
            "expr": f"width < {one_line:.0f} ? {json.dumps(lines)} : {json.dumps(text)}"
        }
    return params


def without_vega_labels(spec: dict) -> dict:
    """The spec with none of Vega's own aria-labels on axes, legends and marks: it writes
    them in English ("X-axis titled …") on a Vietnamese page. A screen reader gets the
    chart's sentence (its description) and the table one click away instead. (The
    title keeps "Title text '…'" around its own words: Vega 6 writes it even with
    ``aria: false``.)"""
    config = dict(spec.get("config", {}))
    for part in ("axis", "legend", "mark"):
        config[part] = {**config.get(part, {}), "aria": False}
    out = {**spec, "config": config}
    if "title" in spec:
        out["title"] = fitted_title(spec["title"])
    return out


def with_data(template: dict, name: str, frame: pd.DataFrame) -> dict:
    """A cached template with this run's rows as its named dataset (no validation)."""
    return {**template, "datasets": {**template.get("datasets", {}), name: frame}}


def sized(spec: dict, height: int, legend: str | None = None) -> dict:
    """The same chart at another height, for a slide or print, which have less room than
    the page; the legend moved to ``legend`` if given. The page's autosize is dropped, so
    each renderer sizes it its own way (Streamlit fits it whole, print pads the plot)."""
    out = {key: value for key, value in spec.items() if key != "autosize"} | {"height": height}
    if legend:
        config = spec.get("config", {})
        out["config"] = {**config, "legend": {**config.get("legend", {}), "orient": legend}}
    return out


SLIDE_FONT = 20  # the smallest chart text on a projector slide
#: Font sizes a spec may set, with the width limit that should grow with each.
FONT_LIMITS = {
    "labelFontSize": "labelLimit",
    "titleFontSize": "titleLimit",
    "fontSize": None,
    "subtitleFontSize": None,
}


def _at_least(node: object, size: int) -> object:
    """``node`` with every font size below ``size`` raised to it, wherever it is set (the
    theme, an axis of one encoding, a text mark), and each label's width limit widened in
    proportion, so the larger text is not cut short. Data is left alone."""
    if isinstance(node, list):
        return [_at_least(item, size) for item in node]
    if not isinstance(node, dict):
        return node
    out = {
        key: value if key == "datasets" else _at_least(value, size) for key, value in node.items()
    }
    for font_key, limit_key in FONT_LIMITS.items():
        own = node.get(font_key)
        numeric = isinstance(own, int | float)
        # An axis or legend without a size of its own shows the theme's FONT.
        shown = own if numeric else FONT
        if shown >= size:
            continue
        if numeric:
            out[font_key] = size
        if limit_key in node:
            out[limit_key] = round(node[limit_key] * size / shown)
    return out


def larger(spec: dict, size: int = SLIDE_FONT) -> dict:
    """The same chart for a projector: no text smaller than ``size`` px anywhere in it,
    the theme's defaults included (a text mark without a size of its own)."""
    out = _at_least(spec, size)
    config = dict(out.get("config", {}))

    def at_least(part: str, **sizes: int) -> None:
        given = config.get(part, {})
        config[part] = given | {key: max(given.get(key, 0), px) for key, px in sizes.items()}

    for part in ("axis", "legend", "header"):
        at_least(part, labelFontSize=size, titleFontSize=size)
    at_least("title", fontSize=size + 2, subtitleFontSize=size)
    at_least("text", fontSize=size)
    return {**out, "config": config}

"""The projector theme every Vega-Lite chart shares: large type, the reader's number
format, legends below the plot, and resizing helpers for slides and print."""

from __future__ import annotations

import altair as alt
import pandas as pd

from components.palette import INK
from core.i18n import Translator

FONT = 16
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

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


SLIDE_FONT = 20  # chart text on a projector slide


def larger(spec: dict, size: int = SLIDE_FONT) -> dict:
    """The same chart with projector-sized axis and legend text."""
    config = dict(spec.get("config", {}))
    for part in ("axis", "legend"):
        config[part] = {**config.get(part, {}), "labelFontSize": size, "titleFontSize": size}
    config["title"] = {**config.get("title", {}), "fontSize": size + 2}
    return {**spec, "config": config}

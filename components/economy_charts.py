"""Altair builders for the economy charts, sized and coloured for a projector.

Pure functions of small frames and a Translator: no Streamlit calls, so the same
chart goes to the page, the slides and, on a download click or in the PDF brief, to
vl_convert (``components.chart_export``). Colours are the Okabe–Ito palette
(``components.palette``); every legend label is translated. The numbers come computed
(``core.model.ScenarioResult``, ``core.economy``): nothing here runs the model.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache

import altair as alt
import pandas as pd

from components.chart_view import reader_table
from components.palette import (
    BLACK,
    BLUE,
    BROWN,
    DARK_GREY,
    GREEN,
    INK,
    ORANGE,
    PURPLE,
    SKY,
    VERMILION,
    label_on,
)
from components.vega_theme import FONT, LINE, WIDTH, projector, with_data
from core.economy import QUALITIES, outturn_quality
from core.i18n import Translator
from core.model import Baseline, ScenarioResult

SAVED_COLOURS = (GREEN, PURPLE, BROWN)
SECTOR_COLOURS = (BLUE, ORANGE, GREEN, DARK_GREY)
SECTOR_LABEL_COLOURS = tuple(label_on(colour) for colour in SECTOR_COLOURS)
BAR = 26  # px: the bar of each target row
LABEL_GAP = 6  # px between a target row's bar and its name above, its figure below
ROW_STEP = BAR + 2 * (FONT + LABEL_GAP) + 18  # px: name, bar, figure, and air between rows
HEIGHT = 320  # px: the plot; its legend adds below

LINES = "lines"  # dataset name of the line charts
ROWS = "rows"  # dataset name of the bar charts


def _line_styles(kinds: tuple[str, ...]) -> tuple[list[str], list[list[int]]]:
    """Colour and dash per series: outturn, the user's scenario, saved ones, the plan."""
    colours, dashes, saved = [], [], 0
    for index, kind in enumerate(kinds):
        if kind == "main":
            colours.append(BLUE if index == 0 else VERMILION)
            dashes.append([1, 0])
        elif kind == "plan":
            colours.append(BLACK)
            dashes.append([10, 6])
        else:
            colours.append(SAVED_COLOURS[saved % len(SAVED_COLOURS)])
            dashes.append([4, 3])
            saved += 1
    return colours, dashes


def line_frame(
    projection: pd.DataFrame,
    column: str,
    label_actual: str,
    label_scenario: str,
    quality: Mapping[int, str] | None = None,
) -> pd.DataFrame:
    """Actual and scenario years as two series that meet at the last actual year."""
    rows = []
    actual = projection[projection["kind"] == "actual"]
    last = int(actual["year"].max())
    for row in projection.itertuples(index=False):
        value = getattr(row, column)
        if pd.isna(value):
            continue
        if row.kind == "actual":
            rows.append((row.year, value, label_actual, (quality or {}).get(row.year, "")))
        if row.kind == "scenario" or row.year == last:
            rows.append((row.year, value, label_scenario, ""))
    return pd.DataFrame(rows, columns=["year", "value", "series", "quality"])


def _lines(
    names: tuple[str, ...],
    kinds: tuple[str, ...],
    y_title: str,
    t: Translator,
    decimals: int,
    y_zero: bool,
) -> alt.LayerChart:
    colours, dashes = _line_styles(kinds)
    base = alt.Chart(alt.NamedData(name=LINES)).encode(
        x=alt.X(
            "year:O",
            title=t("economy.chart.year"),
            axis=alt.Axis(labelAngle=0, labelOverlap="greedy"),
        ),
        y=alt.Y(
            "value:Q", title=y_title, scale=alt.Scale(zero=y_zero), axis=alt.Axis(format=",.0f")
        ),
        color=alt.Color(
            "series:N",
            scale=alt.Scale(domain=list(names), range=colours),
            title=None,
            sort=list(names),
            legend=alt.Legend(symbolType="stroke", symbolSize=500, symbolStrokeWidth=LINE),
        ),
        strokeDash=alt.StrokeDash(
            "series:N",
            scale=alt.Scale(domain=list(names), range=dashes),
            title=None,
            sort=list(names),
        ),
    )
    lines = base.mark_line(strokeWidth=LINE)
    quality_names = [t(f"economy.quality.{q}") for q in QUALITIES]
    tooltip = [
        alt.Tooltip("series:N", title=t("economy.chart.series")),
        alt.Tooltip("year:O", title=t("economy.chart.year")),
        alt.Tooltip("value:Q", title=y_title, format=f",.{decimals}f"),
    ]
    points = (
        base.transform_filter("datum.quality != ''")
        .mark_point(size=150, strokeWidth=3)
        .encode(
            shape=alt.Shape(
                "quality:N",
                title=t("economy.chart.quality"),
                scale=alt.Scale(domain=quality_names, range=["circle", "circle", "diamond"]),
                legend=alt.Legend(symbolStrokeColor=INK, symbolStrokeWidth=2.5),
            ),
            fill=alt.Fill(
                "quality:N",
                title=t("economy.chart.quality"),
                scale=alt.Scale(domain=quality_names, range=[BLUE, "white", "white"]),
                legend=alt.Legend(symbolStrokeColor=INK, symbolStrokeWidth=2.5),
            ),
            # Only outturn points carry a quality; a stroke by quality draws the legend outlines.
            stroke=alt.Stroke(
                "quality:N",
                title=t("economy.chart.quality"),
                scale=alt.Scale(domain=quality_names, range=[BLUE] * 3),
            ),
            strokeDash=alt.value([1, 0]),
            tooltip=[*tooltip, alt.Tooltip("quality:N", title=t("economy.chart.quality"))],
        )
    )
    hover = base.mark_point(size=60, opacity=0).encode(tooltip=tooltip)
    return alt.layer(lines, hover, points)


@lru_cache(maxsize=64)
def index_template(names: tuple[str, ...], kinds: tuple[str, ...], t: Translator) -> dict:
    """Real GRDP index (2020 = 100): outturn, the plan's 10 %/yr path, scenarios.

    Data: dataset ``lines`` (year, value, series, quality); series ``names`` in
    order, with kinds "main" (outturn, the user's scenario), "saved" or "plan".
    """
    chart = _lines(names, kinds, t("economy.chart.index_axis"), t, 1, False)
    return projector(
        chart.properties(title=t("economy.chart.index_title"), width=WIDTH, height=HEIGHT), t
    )


@lru_cache(maxsize=64)
def per_capita_template(
    names: tuple[str, ...], kinds: tuple[str, ...], target: float, t: Translator
) -> dict:
    """GRDP per capita (USD) against the plan's 2030 target line (dataset ``lines``)."""
    lines = _lines(names, kinds, t("economy.chart.per_capita_axis"), t, 0, True)
    rule_data = alt.InlineData(
        values=[{"value": target, "label": t("economy.chart.target_line", value=t.number(target))}]
    )
    rule = (
        alt.Chart(rule_data)
        .mark_rule(color=BLACK, strokeWidth=3, strokeDash=[10, 6])
        .encode(y="value:Q")
    )
    label = (
        alt.Chart(rule_data)
        .mark_text(align="left", dx=6, dy=-12, fontSize=FONT, fontWeight="bold", color=BLACK)
        .encode(y="value:Q", x=alt.value(0), text="label:N")
    )
    chart = alt.layer(lines, rule, label)
    return projector(
        chart.properties(title=t("economy.chart.per_capita_title"), width=WIDTH, height=HEIGHT), t
    )


@lru_cache(maxsize=16)
def structure_template(sectors: tuple[str, ...], periods: tuple[str, ...], t: Translator) -> dict:
    """Sector shares of GRDP now and in 2030: one stacked bar per period.

    Data: dataset ``rows`` (period, sector, share in %, order 0..3).
    """
    base = alt.Chart(alt.NamedData(name=ROWS)).encode(
        y=alt.Y("period:N", title=None, sort=list(periods)),
        x=alt.X(
            "share:Q",
            title=t("economy.chart.share_axis"),
            stack="zero",
            scale=alt.Scale(domain=[0, 100]),
        ),
        order=alt.Order("order:Q"),
    )
    bars = base.mark_bar(size=46, stroke="white", strokeWidth=2).encode(
        color=alt.Color(
            "sector:N",
            title=None,
            sort=list(sectors),
            scale=alt.Scale(domain=list(sectors), range=list(SECTOR_COLOURS)),
            legend=alt.Legend(orient="bottom", columns=2),
        ),
        tooltip=[
            alt.Tooltip("period:N", title=t("economy.chart.period")),
            alt.Tooltip("sector:N", title=t("economy.chart.sector")),
            alt.Tooltip("share:Q", title=t("economy.chart.share_axis"), format=".1f"),
        ],
    )
    # Each share in the colour that reads on its bar (a value, not a scale: the bars'
    # colour scale is on the same field and the layers would share it).
    on_ink = " || ".join(
        f"datum.order == {order}"
        for order, colour in enumerate(SECTOR_LABEL_COLOURS)
        if colour == INK
    )
    text = base.mark_text(fontSize=FONT, fontWeight="bold", dx=-4, align="right").encode(
        color=alt.condition(on_ink or "false", alt.value(INK), alt.value("white")),
        text=alt.Text("share:Q", format=".0f"),
        x=alt.X("share:Q", stack="zero"),
        opacity=alt.condition("datum.share >= 5", alt.value(1), alt.value(0)),
    )
    chart = alt.layer(bars, text).properties(
        title=t("economy.chart.structure_title"), width=WIDTH, height={"step": 64}
    )
    return projector(chart, t)


@lru_cache(maxsize=16)
def distance_template(indicators: tuple[str, ...], t: Translator) -> dict:
    """Each 2030 target beside its latest outturn, as a share of the way to the target.

    Data: dataset ``rows`` (indicator, progress = outturn / target × 100 or null,
    shown = progress capped for drawing, label, quality label, published flag).
    """
    order = list(indicators)
    # Each row is three lines: the indicator's name above its bar, the bar, and the figure
    # with its year and target under the bar. No text sits on a bar: the target tick and a
    # hollow bar's outline would cut through it, and a phone has no room beside the names.
    base = alt.Chart(alt.NamedData(name=ROWS)).encode(
        y=alt.Y("indicator:N", sort=order, title=None, axis=None),
    )
    track = base.mark_bar(color="#ececec", size=BAR).encode(x=alt.datum(100))
    bars = (
        base.transform_filter("isValid(datum.progress)")
        .mark_bar(size=BAR, stroke=BLUE, strokeWidth=3)
        .encode(
            x=alt.X(
                "shown:Q",
                title=t("economy.chart.progress_axis"),
                scale=alt.Scale(domain=[0, 150], nice=False),
            ),
            fill=alt.condition("datum.published", alt.value(SKY), alt.value("white")),
            strokeDash=alt.condition("datum.published", alt.value([1, 0]), alt.value([6, 3])),
            tooltip=[
                alt.Tooltip("indicator:N", title=t("economy.chart.indicator")),
                alt.Tooltip("label:N", title=t("economy.chart.value")),
                alt.Tooltip("quality:N", title=t("economy.chart.quality")),
            ],
        )
    )
    target = base.mark_tick(color=BLACK, thickness=4, size=BAR + 8).encode(x=alt.datum(100))
    at_left = {"align": "left", "fontSize": FONT, "x": 0}
    names = base.mark_text(
        baseline="bottom", dy=-(BAR // 2 + LABEL_GAP), fontWeight="bold", color=INK, **at_left
    ).encode(text="indicator:N")
    values = base.mark_text(baseline="top", dy=BAR // 2 + LABEL_GAP, color=BLACK, **at_left).encode(
        text="label:N"
    )
    chart = alt.layer(track, bars, target, names, values).properties(
        title=t("economy.chart.progress_title"), width=WIDTH, height={"step": ROW_STEP}
    )
    return projector(chart, t)


# ---- the scenario's two charts ---------------------------------------------------


def scenario_series(
    projection: pd.DataFrame,
    column: str,
    name: str | None,
    quality: dict[int, str] | None,
    t: Translator,
) -> pd.DataFrame:
    """Outturn and scenario lines (``name`` None), or one saved scenario's line."""
    if name is None:
        labelled = {year: t(f"economy.quality.{q}") for year, q in (quality or {}).items()}
        return line_frame(
            projection, column, t("economy.chart.actual"), t("economy.chart.yours"), labelled
        )
    frame = line_frame(projection, column, "", name)
    return frame[frame["series"] == name]


def line_table(spec: dict, t: Translator, decimals: int) -> pd.DataFrame:
    """A line chart's data as its table alternative: a row per year, a column per series
    in the legend's order, numbers written the reader's way."""
    lines = spec["datasets"][LINES]
    series = list(dict.fromkeys(lines["series"]))
    wide = lines.pivot(index="year", columns="series", values="value")[series]
    shown = reader_table(wide, t, dict.fromkeys(series, decimals))
    # A saved scenario may be named like the year column: both stay.
    return shown.rename_axis(t("economy.chart.year")).reset_index(allow_duplicates=True)


def scenario_specs(
    outturn: pd.DataFrame,
    baseline: Baseline,
    result: ScenarioResult,
    t: Translator,
    kept: Sequence[tuple[str, ScenarioResult]] = (),
) -> tuple[dict, dict]:
    """The real GRDP index chart and the per-capita chart of a computed scenario, with
    any saved scenarios (name, result, projected to the same end year) drawn beside it:
    the economy page, the presentation and the PDF brief all draw these two."""
    projection = result.projection
    recomputed = result.scenario.basis == "total"
    growth_q = outturn_quality(outturn, baseline.filled, "grdp_growth_real_pct")
    usd_q = outturn_quality(outturn, baseline.filled, "grdp_per_capita_usd", recomputed)
    index_frames = [scenario_series(projection, "real_index", None, growth_q, t)]
    usd_frames = [scenario_series(projection, "per_capita_usd", None, usd_q, t)]
    names = [t("economy.chart.actual"), t("economy.chart.yours")]
    reserved = {*names, t("economy.chart.plan_path")}
    for name, other in kept:
        shown = name if name not in reserved else f"{name} ({len(names) - 1})"
        reserved.add(shown)
        names.append(shown)
        index_frames.append(scenario_series(other.projection, "real_index", shown, None, t))
        usd_frames.append(scenario_series(other.projection, "per_capita_usd", shown, None, t))
    kinds = ("main", "main", *("saved",) * len(kept))
    plan = (
        projection.loc[projection["plan_index"].notna(), ["year", "plan_index"]]
        .rename(columns={"plan_index": "value"})
        .assign(series=t("economy.chart.plan_path"), quality="")
    )
    index = with_data(
        index_template((*names, t("economy.chart.plan_path")), (*kinds, "plan"), t),
        LINES,
        pd.concat([*index_frames, plan], ignore_index=True),
    )
    per_capita = with_data(
        per_capita_template(tuple(names), kinds, result.summary.per_capita_target_usd, t),
        LINES,
        pd.concat(usd_frames, ignore_index=True),
    )
    return index, per_capita

"""Altair builders for the likelihood charts: the tornado (sensitivity) and the fan
(uncertainty), themed like the economy charts (``components.vega_theme``).

A chart's shape is a template cached per language and measure; each run adds only its
rows (``with_data``), rounded, so a slider move sends a few kilobytes. The numbers come
computed (``core.likelihood``): nothing here runs the model.
"""

from __future__ import annotations

from functools import lru_cache

import altair as alt
import pandas as pd

from components.chart_view import reader_table
from components.palette import BLACK, BLUE, GREY, VERMILION
from components.vega_theme import FONT, LINE, WIDTH, projector, with_data
from core.i18n import Translator
from core.likelihood import BAND, Band, Swing, TargetId, Tornado
from core.likelihood_text import PERIOD, lever_name, range_text
from core.model import BASE_YEAR, TARGET_YEAR
from core.plan import PlanTargets

BARS = "bars"  # dataset of the tornado's bars
MARKS = "marks"  # dataset of the current value and the target
FAN = "fan"  # dataset of the bands
REFERENCE = "reference"  # dataset of the target or the plan's path
ROW_HEIGHT = 64  # px per tornado bar, its label above it
FAN_HEIGHT = 300
USD_DECIMALS, GROWTH_DECIMALS = 0, 2


def _value(outcome, by: TargetId) -> float:
    return outcome.gap_usd if by == "per_capita" else outcome.avg_growth_pct


def tornado_frame(tornado: Tornado, by: TargetId, t: Translator) -> pd.DataFrame:
    """One row per lever that moves the figure, widest first."""
    decimals = USD_DECIMALS if by == "per_capita" else GROWTH_DECIMALS
    rows = []
    for rank, swing in enumerate(tornado.rows):
        low, high = _value(swing.low, by), _value(swing.high, by)
        if round(abs(high - low), decimals + 1) == 0:
            continue
        rows.append(
            {
                "rank": rank,
                "lever": f"{lever_name(swing.lever, t)}|{range_text(swing, t)}",
                "start": round(min(low, high), decimals),
                "end": round(max(low, high), decimals),
                "low": round(low, decimals),
                "high": round(high, decimals),
                "crosses": swing.crosses(by),
                "note": t("likelihood.chart.changes_verdict") if swing.crosses(by) else "",
            }
        )
    return pd.DataFrame(
        rows, columns=["rank", "lever", "start", "end", "low", "high", "crosses", "note"]
    )


def idle_levers(tornado: Tornado, by: TargetId, t: Translator) -> list[str]:
    shown = set(tornado_frame(tornado, by, t)["rank"])
    return [lever_name(s.lever, t) for i, s in enumerate(tornado.rows) if i not in shown]


#: The lever's name above its range on the page; one line on a slide, where larger type
#: in two lines would need more height than the screen has (Vega then drops labels).
LABEL_EXPR = {False: "split(datum.label, '|')", True: "replace(datum.label, '|', ': ')"}
LABEL_LIMIT = {False: 170, True: 340}


@lru_cache(maxsize=8)
def tornado_template(t: Translator, by: TargetId, one_line: bool = False) -> dict:
    title = (
        t("likelihood.chart.gap_axis", year=TARGET_YEAR)
        if by == "per_capita"
        else t("likelihood.chart.growth_axis", period=PERIOD)
    )
    number = ",.0f" if by == "per_capita" else ".1f"
    y = alt.Y(
        "lever:N",
        sort=alt.EncodingSortField("rank", order="ascending"),
        title=None,
        axis=alt.Axis(
            labelExpr=LABEL_EXPR[one_line], labelLimit=LABEL_LIMIT[one_line], labelFontSize=FONT - 3
        ),
    )
    base = alt.Chart(alt.NamedData(name=BARS)).encode(y=y)
    bars = base.mark_bar(size=22).encode(
        x=alt.X("start:Q", title=title, axis=alt.Axis(format=number, tickCount=4, titleLimit=330)),
        x2="end:Q",
        color=alt.condition("datum.crosses", alt.value(VERMILION), alt.value(BLUE)),
        tooltip=[
            alt.Tooltip("lever:N", title=t("likelihood.chart.lever")),
            alt.Tooltip("low:Q", title=t("likelihood.chart.low_end"), format=number),
            alt.Tooltip("high:Q", title=t("likelihood.chart.high_end"), format=number),
        ],
    )
    notes = base.mark_text(align="left", baseline="bottom", dy=-13, fontSize=FONT - 3).encode(
        x="start:Q", text="note:N", color=alt.value(VERMILION)
    )
    marks = alt.Chart(alt.NamedData(name=MARKS))
    current = marks.transform_filter("datum.kind == 'current'").mark_rule(
        color=BLACK, strokeWidth=LINE - 1
    )
    target = marks.transform_filter("datum.kind == 'target'").mark_rule(
        color=GREY, strokeWidth=LINE - 1, strokeDash=[8, 5]
    )
    rules = [
        layer.encode(
            x="value:Q",
            tooltip=[alt.Tooltip("label:N", title=None), alt.Tooltip("value:Q", format=number)],
        )
        for layer in (current, target)
    ]
    chart = alt.layer(bars, notes, *rules).properties(width=WIDTH)
    return projector(chart, t)


def tornado_spec(
    tornado: Tornado, by: TargetId, plan: PlanTargets, t: Translator, *, one_line: bool = False
) -> tuple[dict, pd.DataFrame]:
    """The chart and the rows it draws; ``one_line``: each lever's name and range on one
    line (a slide's)."""
    frame = tornado_frame(tornado, by, t)
    target = 0.0 if by == "per_capita" else plan.growth_pct
    marks = pd.DataFrame(
        [
            ("current", round(_value(tornado.current, by), 2), t("likelihood.chart.current")),
            ("target", target, t("likelihood.chart.target")),
        ],
        columns=["kind", "value", "label"],
    )
    spec = with_data(with_data(tornado_template(t, by, one_line), BARS, frame), MARKS, marks)
    return spec | {"height": ROW_HEIGHT * max(len(frame), 1)}, frame


def tornado_reader_table(frame: pd.DataFrame, by: TargetId, t: Translator) -> pd.DataFrame:
    """The bars drawn (``tornado_frame``) as the chart's table alternative, in the
    reader's words and number format."""
    parts = frame["lever"].str.split("|", n=1)  # "name|range", as the axis draws it
    low, high = t("likelihood.chart.low_end"), t("likelihood.chart.high_end")
    table = pd.DataFrame(
        {
            t("likelihood.chart.lever"): parts.str[0],
            t("likelihood.chart.range"): parts.str[1],
            low: frame["low"],
            high: frame["high"],
        }
    )
    decimals = USD_DECIMALS if by == "per_capita" else GROWTH_DECIMALS
    return reader_table(table, t, dict.fromkeys((low, high), decimals))


def tornado_table(tornado: Tornado, by: TargetId, t: Translator) -> pd.DataFrame:
    """Every lever of the tornado, for the CSV."""
    return pd.DataFrame(
        [_tornado_csv_row(swing, by, t) for swing in tornado.rows],
    )


def _tornado_csv_row(swing: Swing, by: TargetId, t: Translator) -> dict:
    return {
        t("likelihood.csv.lever"): lever_name(swing.lever, t),
        t("likelihood.csv.current"): round(swing.current, 3),
        t("likelihood.csv.range_low"): round(swing.range.low, 3),
        t("likelihood.csv.range_high"): round(swing.range.high, 3),
        t("likelihood.csv.range_kind"): range_text(swing, t),
        t("likelihood.csv.at_low"): round(_value(swing.low, by), 3),
        t("likelihood.csv.at_high"): round(_value(swing.high, by), 3),
        t("likelihood.csv.crosses"): swing.crosses(by),
    }


@lru_cache(maxsize=8)
def fan_template(t: Translator, measure: str) -> dict:
    y_title = (
        t("likelihood.chart.per_capita_axis")
        if measure == "per_capita"
        else t("likelihood.chart.index_axis", base=BASE_YEAR)
    )
    x = alt.X("year:O", title=t("likelihood.chart.year"), axis=alt.Axis(labelAngle=0))
    fan = alt.Chart(alt.NamedData(name=FAN)).encode(x=x)
    number = ",.0f"
    band = fan.mark_area(opacity=0.3, color=BLUE).encode(
        y=alt.Y("p10:Q", title=y_title, scale=alt.Scale(zero=False), axis=alt.Axis(format=number)),
        y2="p90:Q",
        tooltip=[
            alt.Tooltip("year:O", title=t("likelihood.chart.year")),
            alt.Tooltip("p10:Q", title=t("likelihood.csv.p10", **BAND), format=number),
            alt.Tooltip("p50:Q", title=t("likelihood.csv.p50"), format=number),
            alt.Tooltip("p90:Q", title=t("likelihood.csv.p90", **BAND), format=number),
        ],
    )
    median = fan.mark_line(color=BLUE, strokeWidth=LINE).encode(y="p50:Q")
    central = fan.mark_line(color=BLACK, strokeWidth=2, strokeDash=[2, 3]).encode(y="central:Q")
    reference = (
        alt.Chart(alt.NamedData(name=REFERENCE))
        .mark_line(color=GREY, strokeWidth=2, strokeDash=[10, 6])
        .encode(
            x=x,
            y="value:Q",
            tooltip=[alt.Tooltip("label:N", title=None), alt.Tooltip("value:Q", format=number)],
        )
    )
    chart = alt.layer(band, median, central, reference).properties(width=WIDTH, height=FAN_HEIGHT)
    return projector(chart, t)


def fan_frame(band: Band) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "year": band.years,
            "p10": [round(v, 1) for v in band.p10],
            "p50": [round(v, 1) for v in band.p50],
            "p90": [round(v, 1) for v in band.p90],
            "central": [round(v, 1) for v in band.central],
        }
    )


def fan_reader_table(band: Band, measure: str, t: Translator) -> pd.DataFrame:
    """The band drawn, year by year, as the chart's table alternative."""
    names = {name: t(f"likelihood.csv.{name}", **BAND) for name in ("p10", "p50", "p90", "central")}
    frame = fan_frame(band).rename(columns=names)
    frame["year"] = frame["year"].astype(str)
    frame = frame.rename(columns={"year": t("likelihood.csv.year")})
    return reader_table(
        frame, t, dict.fromkeys(names.values(), 0 if measure == "per_capita" else 1)
    )


def fan_spec(band: Band, reference: pd.DataFrame, measure: str, t: Translator) -> dict:
    """The bands, and ``reference`` (year, value, label): the target or the plan's path."""
    return with_data(
        with_data(fan_template(t, measure), FAN, fan_frame(band)), REFERENCE, reference
    )

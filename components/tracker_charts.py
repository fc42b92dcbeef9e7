"""The tracker's status chart: one row per target, its status by colour AND shape.

A pure function of a small frame and a Translator (no Streamlit calls). Each target's
name sits above its row, wrapped to two lines: a 390-px phone has no room for long
names beside the plot. The x axis counts years of required progress short of the path;
the thresholds are dashed marks through each marker's row, so the status can be read off
the axis as well; they stop short of the names above the markers, and the figures beside
the markers are haloed in white, so no line crosses any text.
"""

from __future__ import annotations

import html
import textwrap
from functools import lru_cache

import altair as alt
import pandas as pd

from components.palette import GREEN, GREY, INK, ORANGE, VERMILION
from components.vega_theme import FONT, projector
from core.i18n import Translator
from core.tracker import STATUSES, Thresholds, TrackedTarget

STATUS_COLOURS = {"on_track": GREEN, "behind": ORANGE, "far_behind": VERMILION, "no_data": GREY}
STATUS_SHAPES = {
    "on_track": "circle",
    "behind": "triangle-up",
    "far_behind": "diamond",
    "no_data": "circle",
}
#: The same shapes as text, for tables and labels (colour is never the only signal).
STATUS_SYMBOLS = {"on_track": "●", "behind": "▲", "far_behind": "◆", "no_data": "○"}
NAME_WIDTH = 40  # characters per line of a name: fits a phone at the chart's font size
ROW = 62  # px per target: up to two lines of name, then the marker
LINE_HEIGHT = 16  # px between the two lines of a name
NAME_DY = -12  # px from a row's centre (its marker) to the bottom of the name above it
#: px above and below a marker's centre that a threshold mark spans: about the marker's
#: height, clear of its name (NAME_DY) and of the next row's name on the slide's 45-px
#: rows, and within the white outline of a figure beside the marker.
THRESHOLD_REACH = 8


def status_label(status: str, t: Translator) -> str:
    return f"{STATUS_SYMBOLS[status]} {t(f'tracker.status.{status}')}"


def name_lines(name: str) -> tuple[str, str]:
    """(upper, lower) line of the name; a short name is the lower line alone, so the
    line nearest the marker is always filled."""
    lines = textwrap.wrap(name, NAME_WIDTH) or [""]
    if len(lines) == 1:
        return "", lines[0]
    return lines[0], " ".join(lines[1:])


def axis_cap(thresholds: Thresholds) -> float:
    """Where the axis ends: a little past the far-behind threshold; further is drawn there."""
    return thresholds.far_behind_years + 2


def target_names(targets: pd.DataFrame, t: Translator) -> dict[str, str]:
    """Target id -> its indicator in the reader's language."""
    return {
        row["id"]: t.pick(row["indicator_vi"], row["indicator_en"])
        for row in targets.to_dict("records")
    }


def years_text(item: TrackedTarget, thresholds: Thresholds, t: Translator) -> str:
    """Years of required progress short, "over N years" past the axis, "—" without data."""
    if item.years_short is None:
        return "—"
    cap = axis_cap(thresholds)
    if item.years_short > cap:
        return t("tracker.chart.more_than", v=t("tracker.years", v=t.number(cap)))
    return t("tracker.years", v=t.number(item.years_short, 1))


def chart_frame(
    tracked: list[TrackedTarget],
    names: dict[str, str],
    chosen: str | None,
    thresholds: Thresholds,
    t: Translator,
) -> pd.DataFrame:
    """The rows ``status_chart`` draws, one per target in ``tracked``."""
    cap = axis_cap(thresholds)
    return pd.DataFrame(
        {
            "target": [names[item.target_id] for item in tracked],
            "upper": [name_lines(names[item.target_id])[0] for item in tracked],
            "lower": [name_lines(names[item.target_id])[1] for item in tracked],
            "status": [item.status for item in tracked],
            "status_label": [status_label(item.status, t) for item in tracked],
            "shown": [min(item.years_short or 0.0, cap) for item in tracked],
            "label": [
                years_text(item, thresholds, t)
                if item.years_short is not None
                else t("tracker.chart.no_data")
                for item in tracked
            ],
            "chosen": [item.target_id == chosen for item in tracked],
        }
    )


def chart_table(rows: pd.DataFrame, t: Translator) -> pd.DataFrame:
    """The chart's rows as its table alternative: target, status, years behind."""
    columns = {"target": "indicator", "status_label": "status", "label": "years_short"}
    return rows[list(columns)].rename(
        columns={name: t(f"tracker.col.{col}") for name, col in columns.items()}
    )


def status_chart(
    rows: pd.DataFrame, thresholds: Thresholds, t: Translator, row: int = ROW, legend: bool = True
) -> dict:
    """Rows: target (name), upper and lower (its lines, see name_lines), status, shown
    (years short, capped at ``axis_cap``; 0 without data), label (the figure or "no
    data"), chosen (bool). ``row``: px per target; ``legend`` False where the statuses
    are named beside the chart (the slide's counts).

    Built once per set of rows and language: Altair's validation took most of a
    script's time on every run (the slide's; the page draws ``status_strip``). The spec
    is shared, so a caller changing it changes it for every later run: copy it first
    (``larger`` and ``show_chart`` do)."""
    cells = tuple(rows.itertuples(index=False, name=None))
    return _status_spec(tuple(rows.columns), cells, thresholds, t, row, legend)


@lru_cache(maxsize=64)
def _status_spec(
    columns: tuple[str, ...],
    cells: tuple[tuple, ...],
    thresholds: Thresholds,
    t: Translator,
    row: int,
    legend: bool,
) -> dict:
    rows = pd.DataFrame(list(cells), columns=list(columns))
    labels = [status_label(status, t) for status in STATUSES]
    legend = alt.Legend(title=None, orient="bottom", direction="vertical") if legend else None
    colours = alt.Scale(domain=labels, range=[STATUS_COLOURS[s] for s in STATUSES])
    colour = alt.Color("status_label:N", scale=colours, legend=legend)
    shape = alt.Shape(
        "status_label:N",
        scale=alt.Scale(domain=labels, range=[STATUS_SHAPES[s] for s in STATUSES]),
        legend=legend,
    )
    order = list(rows["target"])
    y = alt.Y("target:N", sort=order, title=None, axis=None)
    base = alt.Chart(rows).encode(y=y)
    x = alt.X(
        "shown:Q",
        title=t("tracker.chart.axis"),
        scale=alt.Scale(domain=[0, axis_cap(thresholds) + 1], nice=False),
        # No grid: its lines would run through the names as the thresholds did.
        axis=alt.Axis(tickMinStep=1, format="d", grid=False),
    )
    tooltip = [
        alt.Tooltip("target:N", title=t("tracker.col.indicator")),
        alt.Tooltip("status_label:N", title=t("tracker.col.status")),
        alt.Tooltip("label:N", title=t("tracker.col.years_short")),
    ]
    # One short mark per row and threshold, not a rule over the whole plot, which would cut
    # through the names written across the plot above each marker.
    at_rows = pd.DataFrame(
        [
            {"target": name, "at": at}
            for name in order
            for at in (thresholds.behind_years, thresholds.far_behind_years)
        ]
    )
    rules = (
        alt.Chart(at_rows)
        .mark_rule(
            color=INK,
            strokeDash=[4, 3],
            strokeWidth=2,
            opacity=0.75,
            yOffset=-THRESHOLD_REACH,
            y2Offset=THRESHOLD_REACH,
            aria=False,  # the caption states the thresholds; 2 marks a row would be noise
        )
        .encode(x="at:Q", y=y, y2="target:N")
    )
    markers = base.mark_point(size=320, filled=True, opacity=1, strokeWidth=3).encode(
        x=x,
        color=colour,
        shape=shape,
        # No data: a hollow marker, so the row differs in fill as well as in colour.
        stroke=alt.Stroke("status_label:N", scale=colours, legend=None),
        fill=alt.condition(
            "datum.status === 'no_data'",
            alt.value("white"),
            alt.Fill("status_label:N", scale=colours, legend=None),
        ),
        tooltip=tooltip,
    )
    # The frame around a target opened from the link repeats what the page says in words;
    # with no target open it is an empty group, which screen readers would meet unnamed.
    chosen = (
        base.transform_filter("datum.chosen")
        .mark_point(size=900, shape="square", filled=False, color=INK, strokeWidth=2, aria=False)
        .encode(x=x)
    )
    # Two text layers, not one multi-line text: Vega stacks extra lines downwards, onto
    # the marker, whatever the baseline.
    name_style = {"align": "left", "baseline": "bottom", "fontWeight": "bold", "color": INK}
    lower = base.mark_text(dy=NAME_DY, fontSize=FONT - 2, **name_style).encode(
        x=alt.datum(0), text="lower:N"
    )
    upper = base.mark_text(dy=NAME_DY - LINE_HEIGHT, fontSize=FONT - 2, **name_style).encode(
        x=alt.datum(0), text="upper:N"
    )
    value_style = {"align": "left", "dx": 14, "fontSize": FONT - 2}
    values = base.mark_text(color=INK, **value_style).encode(x=x, text="label:N")
    # The same figures in a white outline, drawn under the markers and the figures: where
    # a figure stands across a threshold, the threshold stops short of it.
    halo = base.mark_text(
        color="white", stroke="white", strokeWidth=10, strokeJoin="round", aria=False, **value_style
    ).encode(x=x, text="label:N")
    chart = alt.layer(rules, halo, markers, chosen, upper, lower, values).properties(
        title=t("tracker.chart.title"), width="container", height={"step": row}
    )
    return projector(chart, t)


# The page's chart as plain HTML (issue 19): the same rows, marks and thresholds as
# ``status_chart``, laid out by the browser's CSS, so the page loads no Vega code and
# draws no canvas. Names are real text that wraps at any width; positions are shares of
# the track's width, so the chart fits a phone and a projector alike.
STRIP = "status-strip"
STRIP_CSS = (
    f".{STRIP}{{color:{INK};font-size:1rem;margin:.25rem 0 .75rem;max-width:60rem}}"
    f".{STRIP} .title{{font-weight:600;font-size:1.125rem;margin:0 0 .5rem}}"
    f".{STRIP} .row{{margin:0 0 .35rem}}"
    f".{STRIP} .name{{font-weight:600;font-size:.95rem;line-height:1.25}}"
    f".{STRIP} .track,.{STRIP} .axis{{position:relative;margin:0 4.5rem 0 .75rem}}"
    f".{STRIP} .track{{height:1.9rem}}"
    # Short dashed marks in the marker's row only: no line runs through a name.
    f".{STRIP} .rule{{position:absolute;top:.35rem;bottom:.35rem;"
    f"border-left:2px dashed {INK};opacity:.75}}"
    f".{STRIP} .mark{{position:absolute;top:50%;transform:translate(-50%,-50%);"
    "font-size:1.45rem;line-height:1;z-index:2}"
    f".{STRIP} .chosen{{outline:2px solid {INK};outline-offset:3px}}"
    # The figure beside the marker on white, so a threshold stops short of it.
    f".{STRIP} .value{{position:absolute;top:50%;transform:translateY(-50%);"
    "margin-left:1rem;background:#FFF;padding:0 .2rem;font-size:.9rem;white-space:nowrap;"
    "z-index:1}"
    f".{STRIP} .value.before{{transform:translate(-100%,-50%);margin-left:-1rem}}"
    f".{STRIP} .axis{{height:1.6rem;border-top:1px solid {INK};margin-top:.25rem}}"
    f".{STRIP} .tick{{position:absolute;top:.1rem;transform:translateX(-50%);font-size:.9rem}}"
    f".{STRIP} .axis-title{{text-align:center;font-size:.95rem;margin:.1rem 0 .4rem}}"
    f".{STRIP} .legend span{{display:inline-block;margin:0 1.1rem .2rem 0}}"
    f".{STRIP} .legend b{{font-size:1.2rem}}"
)


def _share(value: float, domain: float) -> str:
    return f"{100 * value / domain:.2f}%"


def status_strip(
    rows: pd.DataFrame, thresholds: Thresholds, t: Translator, description: str
) -> str:
    """``status_chart``'s rows (see there) as HTML: one row per target, its name above a
    track with the marker (colour AND shape), the figure beside it, the thresholds as
    dashed marks; the axis and a legend below. One image to a screen reader, named by
    ``description``; its figures are in the table one click away."""
    domain = axis_cap(thresholds) + 1
    rules = "".join(
        f'<span class="rule" style="left:{_share(at, domain)}"></span>'
        for at in (thresholds.behind_years, thresholds.far_behind_years)
    )

    def row(item) -> str:
        at = _share(item.shown, domain)
        colour = STATUS_COLOURS[item.status]
        chosen = " chosen" if item.chosen else ""
        # A figure past two thirds of the track goes before its marker, inside the chart.
        side = " before" if item.shown > domain * 2 / 3 else ""
        tip = html.escape(f"{item.target}: {item.status_label}, {item.label}")
        return (
            f'<div class="row"><div class="name">{html.escape(item.target)}</div>'
            f'<div class="track">{rules}'
            f'<span class="mark{chosen}" style="left:{at};color:{colour}" title="{tip}">'
            f"{STATUS_SYMBOLS[item.status]}</span>"
            f'<span class="value{side}" style="left:{at}">{html.escape(item.label)}</span>'
            "</div></div>"
        )

    ticks = "".join(
        f'<span class="tick" style="left:{_share(year, domain)}">{t.number(year)}</span>'
        for year in range(int(domain) + 1)
    )
    legend = "".join(
        f'<span><b style="color:{STATUS_COLOURS[s]}">{STATUS_SYMBOLS[s]}</b> '
        f"{html.escape(t(f'tracker.status.{s}'))}</span>"
        for s in STATUSES
    )
    return (
        f"<style>{STRIP_CSS}</style>"
        f'<div class="{STRIP}" role="img" aria-label="{html.escape(description)}">'
        f'<p class="title">{html.escape(t("tracker.chart.title"))}</p>'
        + "".join(row(item) for item in rows.itertuples())
        + f'<div class="axis">{ticks}</div>'
        f'<p class="axis-title">{html.escape(t("tracker.chart.axis"))}</p>'
        f'<div class="legend">{legend}</div></div>'
    )

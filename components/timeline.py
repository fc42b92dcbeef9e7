"""A dated timeline as an Altair chart: one lane per kind of event, details in tooltips.

Dates in timeline.csv may be partial. A year alone ("2024") is drawn at mid-year with
a faint bar across the whole year; a month alone at mid-month. Both are flagged as
approximate so the chart and the list beneath it never claim a day that is not known.
"""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from core.i18n import Translator, format_iso_date

# "commitment": where each project the plan names stands, dated by its latest report
# (core.tracker.commitments_as_events).
KIND_ORDER = ("plan", "it_park", "digital", "admin", "commitment")
# Okabe–Ito colours: distinguishable with colour-vision deficiency and on a projector.
KIND_COLOURS = {
    "plan": "#0072B2",
    "it_park": "#D55E00",
    "digital": "#009E73",
    "admin": "#4D4D4D",
    "commitment": "#CC79A7",
}


def date_span(iso: str) -> tuple[pd.Timestamp, pd.Timestamp, pd.Timestamp, bool]:
    """(placed at, span start, span end, approximate) for a full or partial ISO date."""
    parts = [int(part) for part in iso.split("-")]
    if len(parts) == 3:
        day = pd.Timestamp(*parts)
        return day, day, day, False
    if len(parts) == 2:
        start = pd.Timestamp(parts[0], parts[1], 1)
        end = start + pd.offsets.MonthEnd(0)
        return start + (end - start) / 2, start, end, True
    start, end = pd.Timestamp(parts[0], 1, 1), pd.Timestamp(parts[0], 12, 31)
    return pd.Timestamp(parts[0], 7, 1), start, end, True


def timeline_frame(frame: pd.DataFrame, t: Translator) -> pd.DataFrame:
    """The rows of timeline.csv in the reader's language, dated and sorted for drawing.
    A row with ``conflict_with`` (a commitment whose sources disagree) says so."""
    rows = []
    for row in frame.itertuples():
        outcome = _or_dash(t.pick(row.outcome_vi, row.outcome_en))
        if isinstance(getattr(row, "conflict_with", None), str):
            outcome = t("it_park.timeline.conflict", outcome=outcome)
        placed, start, end, approximate = date_span(row.date)
        label = format_iso_date(row.date, t.lang)
        if approximate:
            label = t("it_park.timeline.approximate_date", date=label)
        rows.append(
            {
                "placed": placed,
                "start": start,
                "end": end,
                "approximate": approximate,
                "date_label": label,
                "kind": row.kind,
                "kind_label": t(f"it_park.kind.{row.kind}"),
                "event": t.pick(row.event_vi, row.event_en),
                "actors": _or_dash(t.pick(row.actors_vi, row.actors_en)),
                "outcome": outcome,
                "source": row.source,
                "iso": row.date,
                # In the list, a partial date follows the dated events of its span: it cannot
                # be placed among them.
                "order": end if approximate else placed,
            }
        )
    return pd.DataFrame(rows).sort_values(["order", "iso"], kind="stable").reset_index(drop=True)


def _or_dash(text: object) -> str:
    return text if isinstance(text, str) and text.strip() else "—"


def timeline_chart(events: pd.DataFrame, t: Translator) -> alt.LayerChart:
    """Points per event on kind lanes; approximate dates hollow with a bar over their span."""
    kinds = [kind for kind in KIND_ORDER if kind in set(events["kind"])]
    lane_labels = [t(f"it_park.kind.{kind}") for kind in kinds]
    scale = alt.Scale(domain=lane_labels, range=[KIND_COLOURS[kind] for kind in kinds])
    colour = alt.Color("kind_label:N", title=None, scale=scale, legend=None)
    lane = alt.Y(
        "kind_label:N",
        title=None,
        sort=lane_labels,
        axis=alt.Axis(labelFontSize=15, labelLimit=260),
    )
    time_format = "%m/%Y" if t.lang == "vi" else "%b %Y"
    x = alt.X(
        "placed:T",
        title=None,
        scale=alt.Scale(padding=24),
        axis=alt.Axis(
            format=time_format,
            labelFontSize=14,
            tickCount="month",
            labelAngle=0,
            labelOverlap=True,
            grid=True,
        ),
    )
    tooltip = [
        alt.Tooltip("date_label:N", title=t("it_park.timeline.date")),
        alt.Tooltip("event:N", title=t("it_park.timeline.event")),
        alt.Tooltip("actors:N", title=t("it_park.timeline.actors")),
        alt.Tooltip("outcome:N", title=t("it_park.timeline.outcome")),
        alt.Tooltip("source:N", title=t("it_park.timeline.source")),
    ]
    base = alt.Chart(events)
    spans = (
        base.transform_filter("datum.approximate")
        .mark_bar(height=10, opacity=0.25, cornerRadius=4)
        .encode(x="start:T", x2="end:T", y=lane, color=colour, tooltip=tooltip)
    )
    exact = (
        base.transform_filter("!datum.approximate")
        .mark_point(shape="circle", size=260, filled=True, opacity=1)
        .encode(x=x, y=lane, color=colour, tooltip=tooltip)
    )
    approximate = (
        base.transform_filter("datum.approximate")
        .mark_point(shape="diamond", size=300, filled=True, fill="white", strokeWidth=3, opacity=1)
        .encode(
            x=x,
            y=lane,
            stroke=alt.Stroke("kind_label:N", scale=scale, legend=None),
            tooltip=tooltip,
        )
    )
    chart = alt.layer(spans, exact, approximate).properties(height=70 * len(kinds) + 40)
    return chart.configure_view(strokeWidth=0)


@st.cache_data(show_spinner=False, max_entries=8)
def timeline_spec(events: pd.DataFrame, t: Translator) -> dict:
    """The chart as a Vega-Lite dict, built and validated once per table and language
    (Altair's schema validation took ~35 ms of every run)."""
    return timeline_chart(events, t).to_dict()


def timeline_table(events: pd.DataFrame, t: Translator) -> pd.DataFrame:
    """The chart's table alternative: each event's date, lane and text, in list order."""
    return events[["date_label", "kind_label", "event"]].rename(
        columns={
            "date_label": t("it_park.timeline.date"),
            "kind_label": t("a11y.table.event_kind"),
            "event": t("it_park.timeline.event"),
        }
    )

"""A dated timeline drawn as plain HTML: one lane per kind of event, details in tooltips.

Dates in timeline.csv may be partial. A year alone ("2024") is drawn at mid-year with
a faint bar across the whole year; a month alone at mid-month. Both are flagged as
approximate so the chart and the list beneath it never claim a day that is not known.

Why HTML and not Vega-Lite (issue 19): the Vega chart made the timeline tab load the
Vega bundle (compiled again on every warm visit) and draw in the browser, 3.3 times
the floor's render; a few positioned boxes draw like text. Positions are percentages
of the lane, so the chart fits any width, and its text keeps its size on a phone and a
projector. Every text is escaped; the page shows it with ``st.html``.
"""

from __future__ import annotations

import html

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
# Every month is a grid line; every third (every sixth on a phone) is named.
LABELLED_MONTHS, PHONE_LABELLED_MONTHS = (1, 4, 7, 10), (1, 7)
EDGE_PERCENT = 6.0  # a month label nearer the edge than this would overflow the chart
PAD_DAYS = 20  # room at each end, so a point on the first or last day is drawn whole
STYLE = """<style>
.tl{font-family:inherit;padding:0 10px}
.tl-lanes{position:relative}
.tl-name{position:relative;background:#FFFFFF;font-size:15px;font-weight:600;line-height:1.3;
padding-top:6px}
.tl-track{position:relative;height:28px;border-bottom:1px solid #D9D9D9}
.tl-grid{position:absolute;top:0;bottom:0;border-left:1px solid #EEEEEE}
.tl-dot,.tl-dia{position:absolute;top:14px;width:16px;height:16px;margin:-8px 0 0 -8px}
.tl-dot{border-radius:50%}
.tl-dia{width:12px;height:12px;margin:-6px 0 0 -6px;background:#FFFFFF;border:3px solid;
transform:rotate(45deg)}
.tl-span{position:absolute;top:9px;height:10px;border-radius:4px;opacity:.25}
.tl-axis{position:relative;height:1.6em;font-size:14px;color:#333333}
.tl-tick{position:absolute;top:2px;transform:translateX(-50%);white-space:nowrap}
@media (max-width:640px){.tl-minor{display:none}}
</style>"""


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


def _percent(day: pd.Timestamp, first: pd.Timestamp, last: pd.Timestamp) -> float:
    return round((day - first) / (last - first) * 100, 2)


def _tooltip(event, t: Translator) -> str:
    """The Vega chart's tooltip, as a title: date, event, actors, outcome and source."""
    return "\n".join(
        [
            f"{event.date_label} — {event.event}",
            f"{t('it_park.timeline.actors')}: {event.actors}",
            f"{t('it_park.timeline.outcome')}: {event.outcome}",
            f"{t('it_park.timeline.source')}: {event.source}",
        ]
    )


def _marker(event, first: pd.Timestamp, last: pd.Timestamp, t: Translator) -> str:
    """A filled circle for a known day; for an approximate date a faint bar over its span
    and a hollow diamond at the point it is placed at."""
    colour, title = KIND_COLOURS[event.kind], html.escape(_tooltip(event, t))
    at = _percent(event.placed, first, last)
    if not event.approximate:
        return (
            f'<span class="tl-dot" style="left:{at}%;background:{colour}" title="{title}"></span>'
        )
    left, right = _percent(event.start, first, last), _percent(event.end, first, last)
    return (
        f'<span class="tl-span" style="left:{left}%;width:{round(right - left, 2)}%;'
        f'background:{colour}" title="{title}"></span>'
        f'<span class="tl-dia" style="left:{at}%;color:{colour}" title="{title}"></span>'
    )


def _month_lines(first: pd.Timestamp, last: pd.Timestamp, t: Translator) -> tuple[str, str]:
    """Grid lines at each month's start, and the axis naming every third month."""
    lines, ticks = [], []
    for month in pd.date_range(first, last, freq="MS"):
        at = _percent(month, first, last)
        lines.append(f'<span class="tl-grid" style="left:{at}%"></span>')
        if month.month in LABELLED_MONTHS and EDGE_PERCENT <= at <= 100 - EDGE_PERCENT:
            minor = "" if month.month in PHONE_LABELLED_MONTHS else " tl-minor"
            label = month.strftime("%m/%Y") if t.lang == "vi" else month.strftime("%b %Y")
            ticks.append(f'<span class="tl-tick{minor}" style="left:{at}%">{label}</span>')
    return "".join(lines), "".join(ticks)


@st.cache_data(show_spinner=False, max_entries=8)
def timeline_html(events: pd.DataFrame, t: Translator, name: str) -> str:
    """Lanes of events in ``KIND_ORDER``, each named above its track, over month grid
    lines and a month axis; ``name`` is what a screen reader reads for the whole image
    (the list beneath it has every event in words). Cached per table and language."""
    first = events["start"].min() - pd.Timedelta(days=PAD_DAYS)
    last = events["end"].max() + pd.Timedelta(days=PAD_DAYS)
    grid, axis = _month_lines(first, last, t)
    lanes = []
    for kind in (kind for kind in KIND_ORDER if kind in set(events["kind"])):
        markers = "".join(
            _marker(event, first, last, t) for event in events[events["kind"] == kind].itertuples()
        )
        lanes.append(
            f'<div class="tl-name">{html.escape(t(f"it_park.kind.{kind}"))}</div>'
            f'<div class="tl-track">{markers}</div>'
        )
    return (
        f'{STYLE}<div class="tl" role="img" aria-label="{html.escape(name)}">'
        f'<div class="tl-lanes">{grid}{"".join(lanes)}</div>'
        f'<div class="tl-axis">{axis}</div></div>'
    )

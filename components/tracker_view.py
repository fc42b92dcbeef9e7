"""The tracker outside its page: the count per status (the tracker page, the overview)
and the presentation's tracker screen. Every figure comes from ``core.tracker``."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import streamlit as st

from components.chart_view import show_chart
from components.data_ui import require
from components.html_table import html_table
from components.metrics import Card, cards_html, show_card
from components.page_parts import source_footer
from components.tracker_charts import (
    STATUS_SYMBOLS,
    chart_frame,
    chart_table,
    status_chart,
    status_strip,
    target_names,
)
from components.vega_theme import larger
from core import chart_text
from core.i18n import Translator
from core.tracker import THRESHOLDS, status_counts, track

STATUS_CARD_REM = 8  # a count and a two-word status: four a row in a laptop's main column
SLIDE_ROW = 45  # px per target on the slide: its 20-px name on one line above the marker


def status_cards(counts: Mapping[str, int], t: Translator) -> list[Card]:
    """One card per status, its symbol beside the name (as the chart's marker)."""
    return [
        Card(
            f"{STATUS_SYMBOLS[status]} {t(f'tracker.status_short.{status}')}",
            t.number(count),
            help=t(f"tracker.status.{status}"),
        )
        for status, count in counts.items()
    ]


def status_list(counts: Mapping[str, int], name: str, t: Translator) -> None:
    """The counts as one HTML list of cards (named ``name``), on the tracker and the overview."""
    st.html(cards_html(status_cards(counts, t), name, t, card_rem=STATUS_CARD_REM))


def strip_with_table(frame: pd.DataFrame, counts: Mapping[str, int], t: Translator) -> None:
    """The page's status chart (HTML, no Vega: see ``status_strip``) named by the same
    sentence as a Vega chart's, and its table one click away, drawn only when opened."""
    st.html(status_strip(frame, THRESHOLDS, t, chart_text.tracker(t, counts)))
    box = st.expander(
        t("a11y.table.show"), icon=":material/table:", key="tracker-chart-table", on_change="rerun"
    )
    if box.open:
        with box:
            st.html(html_table(chart_table(frame, t), t("tracker.chart.title")))


def slide(t: Translator, **_) -> None:
    """The counts beside the status chart of the measured targets, for 1280 × 720: the
    targets without data are counted, not drawn, and the counts' symbols stand for the
    chart's legend."""
    targets, outturn = require(t, "plan_targets", "economy_outturn")
    tracked = track(targets, outturn)
    counts = status_counts(tracked)
    st.header(t("present.tracker.heading"), anchor=False)
    left, right = st.columns([1, 2], gap="medium")
    with left:
        cards = status_cards(counts, t)
        for pair in (cards[:2], cards[2:]):
            for column, card in zip(st.columns(2), pair, strict=True):
                with column:
                    show_card(card, border=True)
    measured = [item for item in tracked if item.status != "no_data"]
    drawn = {status: n for status, n in status_counts(measured).items() if status != "no_data"}
    frame = chart_frame(measured, target_names(targets, t), None, THRESHOLDS, t)
    # One line per name: a wide slide has room, and a row then needs less height.
    frame = frame.assign(upper="", lower=frame["target"])
    spec = larger(status_chart(frame, THRESHOLDS, t, row=SLIDE_ROW, legend=False))
    spec.pop("title", None)  # the screen's heading says it
    with right:
        # No table under it: the slide must fit the screen (as the scenario slide).
        show_chart(spec, chart_text.tracker(t, drawn), None, t, "present-tracker")
    st.caption(
        t(
            "present.tracker.caption",
            behind=t.number(THRESHOLDS.behind_years),
            far=t.number(THRESHOLDS.far_behind_years),
            no_data=t.number(counts["no_data"]),
        )
    )
    source_footer(t, (";".join(item.sources) for item in measured))

"""Every Vega-Lite chart of the app drawn one way: with a sentence a screen reader reads
as its name, and its numbers as a table one click away (WCAG 1.1.1, issue 17).

Vega-Embed labels the chart's container with the spec's top-level ``description``
(else "Vega visualization"); the sentence comes from ``core.chart_text`` in the
reader's language and number format, so it changes with the figures it describes.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import streamlit as st

from core.i18n import Translator

# A data grid sizes a column from a sample of its cells and cuts the rest with "…" ("about
# 15,800 USD pe" in the tracker's table at 1280 px): widths from every cell instead.
CHAR_PX = 7.6  # a generous average advance of the grid's 14-px type, diacritics included
CELL_PADDING_PX = 28
MAX_COLUMN_PX = 480  # the grid's own cap on a fitted column is 500


def fitted_columns(table: pd.DataFrame) -> dict[str, object]:
    """A ``column_config`` giving each column the width of its longest cell or header."""
    return {
        column: st.column_config.Column(
            width=min(
                round(max(len(str(v)) for v in [column, *table[column]]) * CHAR_PX)
                + CELL_PADDING_PX,
                MAX_COLUMN_PX,
            )
        )
        for column in table.columns
    }


def reader_table(table: pd.DataFrame, t: Translator, decimals: Mapping[str, int]) -> pd.DataFrame:
    """The table with its number columns written the reader's way (15.800 / 4,04; '—')."""
    shown = table.copy()
    for column, places in decimals.items():
        shown[column] = [t.number(None if pd.isna(v) else float(v), places) for v in shown[column]]
    return shown


def show_chart(
    spec: dict,
    description: str,
    table: pd.DataFrame | None,
    t: Translator,
    key: str,
    *,
    wrapped: bool = False,
    height: int | str = "content",
) -> None:
    """The chart with ``description`` as its accessible name, then (unless ``table`` is
    None) an expander holding ``table``, already in the reader's words and numbers.
    ``wrapped``: a static table whose cells wrap, for a few rows of long text that a data
    grid would cut off or scroll sideways at 1280 px.
    ``height="stretch"`` fills a container whose height CSS sets (a slide's).

    ``spec`` is often a cached template with this run's data: it is copied, never changed.
    The table is drawn only while its expander is open: a data grid is slow to draw.
    """
    with st.container(key=key):
        st.vega_lite_chart({**spec, "description": description}, width="stretch", height=height)
    if table is None:
        return
    box = st.expander(
        t("a11y.table.show"), icon=":material/table:", key=f"{key}-table", on_change="rerun"
    )
    if box.open:
        with box:
            if wrapped:
                st.table(table, hide_index=True)
            else:
                st.dataframe(table, hide_index=True, width="stretch")

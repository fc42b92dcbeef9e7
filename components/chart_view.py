"""Every Vega-Lite chart of the app drawn one way: with a sentence a screen reader reads
as its name, and its numbers as a table one click away (WCAG 1.1.1, issue 17).

Vega-Embed labels the chart's container with the spec's top-level ``description``
(else "Vega visualization"); the sentence comes from ``core.chart_text`` in the
reader's language and number format, so it changes with the figures it describes.
"""

from __future__ import annotations

import json
from collections.abc import Mapping

import pandas as pd
import streamlit as st

from components.vega_theme import without_vega_labels
from core.i18n import Translator

# Gives the chart in the container `.st-key-<key>` the accessible name `text`, now and
# whenever Vega (re)labels its view; a newer run's script (the next slider move) takes
# over from this one. It watches only aria-label attributes: Vega draws SVG, and a
# watch on added nodes would wake for every mark of every redraw.
LIVE_NAME_JS = """(() => {
  const key = %s, text = %s;
  const names = (window.__liveChartNames = window.__liveChartNames || {});
  const mine = (names[key] = {text});
  const box = document.querySelector(".st-key-" + key);
  if (!box) return;
  const watch = new MutationObserver(() => apply());
  const apply = () => {
    if (names[key] !== mine) return watch.disconnect();
    const chart = box.querySelector('.vega-embed[role="graphics-document"]');
    if (chart && chart.getAttribute("aria-label") !== text) chart.setAttribute("aria-label", text);
  };
  watch.observe(box, {subtree: true, attributeFilter: ["aria-label"]});
  apply();
})();"""


def script_json(value: str) -> str:
    """`value` as a JavaScript string that cannot end the script element around it."""
    return json.dumps(value).replace("<", "\\u003c")


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
    live_name: str | None = None,
) -> None:
    """The chart with ``description`` as its accessible name, then (unless ``table`` is
    None) an expander holding ``table``, already in the reader's words and numbers.
    ``wrapped``: a static table whose cells wrap, for a few rows of long text that a data
    grid would cut off or scroll sideways at 1280 px.
    ``height="stretch"`` fills a container whose height CSS sets (a slide's).

    ``live_name``: for a chart redrawn on every slider move, a name that does not change
    (its label in the chart choice). The spec keeps it, so the browser updates the chart's
    data in place instead of building the whole view again (a Vega-Lite compile, ~30 ms
    of a laptop's main thread a move, issue 14); a script gives the chart ``description``.

    ``spec`` is often a cached template with this run's data: it is copied, never changed.
    The table is drawn only while its expander is open: a data grid is slow to draw.
    """
    with st.container(key=key):
        named = {**without_vega_labels(spec), "description": live_name or description}
        st.vega_lite_chart(named, width="stretch", height=height)
        if live_name is not None:
            # Hidden, so it adds no gap under the chart; a script runs all the same.
            hidden = f'.st-key-{key} [data-testid="stElementContainer"]:has(> .stHtml)'
            st.html(
                f"<style>{hidden} {{display: none}}</style><script>"
                + LIVE_NAME_JS % (script_json(key), script_json(description))
                + "</script>",
                unsafe_allow_javascript=True,
            )
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

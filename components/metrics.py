"""Curated indicator values as metric cards, formatted for the reader's language."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components.cards import escape_markdown
from core.i18n import Translator, decimals_needed


def indicator_value(value: float, unit: str, t: Translator) -> str:
    """78.41 percent → '78,41%' (vi) / '78.41%' (en); 156993 count → '156.993' / '156,993'."""
    number = t.number(float(value), decimals_needed(float(value)))
    return t(f"it_park.unit.{unit}", v=number)


def indicator_cards(frame: pd.DataFrame, t: Translator, per_row: int = 3) -> None:
    """One bordered card per row of a table with label_vi/label_en, value and unit.

    The value leads and the label follows as wrapping text: long Vietnamese labels would
    be cut short in a metric's own one-line label.
    """
    rows = list(frame.itertuples())
    for start in range(0, len(rows), per_row):
        columns = st.columns(per_row)
        for column, row in zip(columns, rows[start : start + per_row], strict=False):
            label = t.pick(row.label_vi, row.label_en)
            with column.container(border=True, height="stretch", key=f"metric-{row.id}"):
                st.metric(
                    label, indicator_value(row.value, row.unit, t), label_visibility="collapsed"
                )
                st.markdown(escape_markdown(label))

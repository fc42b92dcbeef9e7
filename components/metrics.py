"""Figures as metric cards, formatted for the reader's language: curated indicators, and
the headline results of a scenario."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from components.page_parts import escape_markdown
from core.i18n import Translator, decimals_needed
from core.model import HORIZON_YEAR, Summary


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


# ---- the scenario's headline cards (economy page and presentation) ------------------


def per_capita_card(draw: Callable[..., object], summary: Summary, t: Translator, **extra) -> None:
    """Per capita 2030 and its distance from the target; ``draw`` is ``st.metric`` or a
    container's ``metric``, ``extra`` its options (border, width, help)."""
    gap = -summary.gap_to_target_usd
    draw(
        t("economy.metric.per_capita"),
        t("economy.unit.usd", v=t.number(summary.per_capita_2030_usd)),
        delta=t("economy.metric.gap", v=("+" if gap >= 0 else "−") + t.number(abs(gap))),
        delta_color="normal" if gap >= 0 else "inverse",
        delta_arrow="up" if gap >= 0 else "down",
        **extra,
    )


def first_year_value(summary: Summary, t: Translator) -> str:
    """The year the per-capita target is first reached, or 'not by 2050'."""
    year = summary.first_year_target_reached
    return t("economy.metric.not_by", year=HORIZON_YEAR) if year is None else str(year)

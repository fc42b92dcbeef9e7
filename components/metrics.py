"""Figures as metric cards, formatted for the reader's language: curated indicators, and
the headline results of a scenario.

The what-if tab's and the tracker's cards are HTML lists (``cards_html``), not an
``st.metric`` each: a metric renders its label, value, change line and help through four
Markdown blocks and a tooltip, and ten of them were about an eighth of that tab's browser
work on every load (benchmarks/results.md, issue 19). Each card's explanation is visible
text in a native fold, which a phone can open too (a hover tooltip it cannot).
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import pandas as pd
import streamlit as st

from components.page_parts import escape_markdown
from components.palette import DARK_GREY, DOWN, INK, UP
from core.i18n import Translator, decimals_needed
from core.model import HORIZON_YEAR, Summary
from core.narrative import percent

CARDS_CLASS = "metric-cards"
# Page-wide (components/html_lang.py), so a rerun does not send it again with each list.
# A grid of equal columns as wide as the list, each at least the list's card width (--card,
# see cards_html): the what-if results two a row in their 421-px column at 1280 px and one
# on a phone, the four status counts one row on a laptop and two on a phone. `ul.`
# outweighs Streamlit's own list indent.
CARDS_CSS = (
    f"ul.{CARDS_CLASS}{{display:grid;gap:.5rem;list-style:none;margin:0 0 1rem;padding:0;"
    "grid-template-columns:repeat(auto-fit,minmax(min(var(--card,11rem),100%),1fr))}"
    f"ul.{CARDS_CLASS}>li{{box-sizing:border-box;margin:0;"
    "padding:.75rem;border:1px solid rgba(49,51,63,.2);border-radius:.5rem}"
    f".{CARDS_CLASS} p{{margin:0}}"
    f".{CARDS_CLASS} .label{{font-size:.875rem;color:{INK};line-height:1.35}}"
    f".{CARDS_CLASS} .value{{font-size:1.75rem;line-height:1.25;color:{INK};"
    "font-variant-numeric:tabular-nums;padding:.15rem 0}"
    f".{CARDS_CLASS} .delta{{font-size:1rem;color:{DARK_GREY}}}"
    f".{CARDS_CLASS} .delta.up{{color:{UP}}}.{CARDS_CLASS} .delta.down{{color:{DOWN}}}"
    f".{CARDS_CLASS} details{{margin-top:.35rem;font-size:.875rem;color:{DARK_GREY}}}"
    f".{CARDS_CLASS} summary{{cursor:pointer}}"
    f".{CARDS_CLASS} .reader-only{{position:absolute;width:1px;height:1px;overflow:hidden;"
    "clip-path:inset(50%);white-space:nowrap}"
)
ARROWS = {"up": "▲", "down": "▼"}


@dataclass(frozen=True)
class Card:
    """One headline figure: what it is, its value, an optional change line (``trend``
    gives it an arrow and a colour; None, plain grey) and what it means."""

    label: str
    value: str
    delta: str | None = None
    trend: Literal["up", "down"] | None = None
    help: str | None = None


def cards_html(cards: Sequence[Card], name: str, t: Translator, card_rem: float = 11) -> str:
    """The cards as one list named ``name`` for a screen reader, each at least ``card_rem``
    wide (11: "10.423 USD" at the value's size); every text escaped."""

    def item(card: Card) -> str:
        label = html.escape(card.label)
        parts = [f'<p class="label">{label}</p>', f'<p class="value">{html.escape(card.value)}</p>']
        if card.delta:
            arrow = ARROWS.get(card.trend or "")
            shown = f'<span aria-hidden="true">{arrow}</span> ' if arrow else ""
            parts.append(
                f'<p class="delta {card.trend or "off"}">{shown}{html.escape(card.delta)}</p>'
            )
        if card.help:
            parts.append(
                f"<details><summary>{html.escape(t('common.card_explain'))}"
                f'<span class="reader-only">: {label}</span></summary>'
                f"<p>{html.escape(card.help)}</p></details>"
            )
        return "<li>" + "".join(parts) + "</li>"

    items = "".join(item(card) for card in cards)
    return (
        f'<ul class="{CARDS_CLASS}" style="--card:{card_rem:g}rem" '
        f'aria-label="{html.escape(name)}">{items}</ul>'
    )


def show_card(card: Card, **extra) -> None:
    """A card as ``st.metric`` (the presentation's larger screens), ``extra`` its options."""
    st.metric(
        card.label,
        card.value,
        delta=card.delta,
        delta_color={"up": "normal", "down": "inverse"}.get(card.trend or "", "off"),
        delta_arrow=card.trend or "off",
        help=card.help,
        **extra,
    )


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


def per_capita_card(summary: Summary, t: Translator, help: str | None = None) -> Card:
    """Per capita 2030 and its distance from the target (above it: up, below: down)."""
    gap = -summary.gap_to_target_usd
    return Card(
        t("economy.metric.per_capita"),
        t("economy.unit.usd", v=t.number(summary.per_capita_2030_usd)),
        delta=t("economy.metric.gap", v=("+" if gap >= 0 else "−") + t.number(abs(gap))),
        trend="up" if gap >= 0 else "down",
        help=help,
    )


def average_card(summary: Summary, t: Translator, help: str | None = None) -> Card:
    """The average real growth over the plan's period, outturn and scenario years."""
    return Card(
        t("economy.metric.average"),
        t("economy.unit.pct_year_short", v=percent(summary.avg_growth_2021_2030_pct, t)),
        help=help,
    )


def first_year_value(summary: Summary, t: Translator) -> str:
    """The year the per-capita target is first reached, or 'not by 2050'."""
    year = summary.first_year_target_reached
    return t("economy.metric.not_by", year=HORIZON_YEAR) if year is None else str(year)

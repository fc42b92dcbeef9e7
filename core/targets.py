"""Plan targets as readers see them: '≈ 10%/năm', 'trên 87%', '88–90%'."""

from __future__ import annotations

from collections.abc import Mapping

from core.i18n import Translator, decimals_needed


def target_text(row: Mapping, t: Translator) -> str:
    """A target row of plan_targets.csv in words, with its comparator and unit."""
    with_unit = t(f"targets.unit.{row['unit']}", v=_number(row, t))
    return t(f"targets.comparator.{row['comparator']}", v=with_unit)


def target_figure(row: Mapping, t: Translator) -> str:
    """The same target as a compact figure for a metric card: '≈ 15.800', '≈ 10%'."""
    with_unit = t(f"targets.short_unit.{row['unit']}", v=_number(row, t))
    return t(f"targets.short_comparator.{row['comparator']}", v=with_unit)


def _number(row: Mapping, t: Translator) -> str:
    low, high = float(row["value_min"]), float(row["value_max"])
    decimals = max(decimals_needed(low), decimals_needed(high))
    if row["comparator"] == "range" or low != high:
        return f"{t.number(low, decimals)}–{t.number(high, decimals)}"
    return t.number(low, decimals)

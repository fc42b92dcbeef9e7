"""Key–value fact tables (it_park.csv) read in the reader's language."""

from __future__ import annotations

import math
from collections.abc import Iterable

import pandas as pd

from core.i18n import Translator, decimals_needed


def fact_number(rows: pd.DataFrame, key: str) -> float | None:
    """A numeric fact (area, coordinates), written the same in both languages; ``rows``
    is the table indexed by key. None when absent or not a finite number."""
    if key not in rows.index:
        return None
    try:
        number = float(rows.loc[key, "value_en"])
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


class Facts:
    """The rows of a key–value table, each key's text in one language."""

    def __init__(self, table: pd.DataFrame, t: Translator):
        self._rows = table.set_index("key")
        self._t = t

    def text(self, key: str) -> str | None:
        if key not in self._rows.index:
            return None
        row = self._rows.loc[key]
        text = self._t.pick(row["value_vi"], row["value_en"])
        return text if isinstance(text, str) else None

    def number(self, key: str) -> float | None:
        return fact_number(self._rows, key)

    def area_text(self) -> str | None:
        """The site's area in hectares as published, or None when not given."""
        area = self.number("area_ha")
        if area is None:
            return None
        return self._t("it_park.area_value", v=self._t.number(area, decimals_needed(area)))

    def sources(self, keys: Iterable[str]) -> list[str]:
        return [self._rows.loc[key, "source"] for key in keys if key in self._rows.index]

"""The 1/7/2025 merger of Bình Dương into Hồ Chí Minh City, as the slides and the PDF
state it. Its date comes from the data (the city-status row of commitments.csv, the
day the goal was overtaken), never from code or a catalog string."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from core.i18n import Translator, format_iso_date
from core.sources import source_ids

#: The commitments row recording that the merger overtook the plan's city-status goal.
CITY_STATUS = "city_status"


@dataclass(frozen=True)
class Merger:
    date: str  # ISO, as the data writes it
    sources: tuple[str, ...]

    def line(self, t: Translator) -> str:
        """ "Since 1/7/2025 the province has been part of HCMC; the goal was overtaken"."""
        return t("present.merger", date=format_iso_date(self.date, t.lang))


def merger(commitments: pd.DataFrame) -> Merger:
    row = commitments.set_index("id").loc[CITY_STATUS]
    return Merger(date=str(row["as_of"]), sources=tuple(source_ids([row["source"]])))

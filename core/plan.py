"""The plan's own figures for the model, read from data/plan_targets.csv (no Streamlit).

The plan (Decision 790/QĐ-TTg) states its targets once, in ``data/plan_targets.csv``;
the model, the narrative and the catalogs' placeholders take them from a ``PlanTargets``
built from that table, never from constants typed in code. ``core.data`` builds one
whenever the table loads, so a row that is missing or inconsistent (a total that is not
official + converted, a year other than ``TARGET_YEAR``) stops the page with a message.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

BASE_YEAR = 2020
TARGET_YEAR = 2030
HORIZON_YEAR = 2050

#: A target in this unit is an average yearly growth: its outturn is the average to date.
AVERAGE_GROWTH_UNIT = "percent_per_year"

#: The target rows the model reads, by the field of ``PlanTargets`` they fill.
MODEL_TARGET_IDS: dict[str, str] = {
    "growth_pct": "growth_2021_2030",
    "per_capita_usd": "grdp_per_capita_usd",
    "population_official_thousand": "population_official",
    "population_converted_thousand": "population_converted",
    "population_total_thousand": "population_total",
}
#: Unit of each row in the table, and the factor to the model's unit.
_SCALE = {"percent_per_year": 1.0, "usd_per_person": 1.0, "million_people": 1000.0}
#: How far the stated total may differ from official + converted (thousand people).
POPULATION_TOLERANCE_THOUSAND = 1e-6


@dataclass(frozen=True)
class PlanTargets:
    """The plan's 2030 figures the model uses (population in thousand people)."""

    growth_pct: float
    per_capita_usd: float
    population_official_thousand: float
    population_converted_thousand: float
    population_total_thousand: float

    @property
    def converted_ratio(self) -> float:
        """Converted population as a share of official, the plan's 2030 ratio (0.56 / 3.48)."""
        return self.population_converted_thousand / self.population_official_thousand

    def population_thousand(self, basis: str) -> float:
        """The 2030 population the per-capita figure divides by on a basis."""
        if basis == "total":
            return self.population_total_thousand
        return self.population_official_thousand

    @classmethod
    def from_table(cls, targets: pd.DataFrame) -> PlanTargets:
        """From the rows of plan_targets.csv; ValueError naming the row that does not fit."""
        by_id = targets.set_index("id")
        values = {}
        for field, target_id in MODEL_TARGET_IDS.items():
            if target_id not in by_id.index:
                raise ValueError(f"plan_targets.csv has no row {target_id!r}")
            row = by_id.loc[target_id]
            if float(row["value_min"]) != float(row["value_max"]):
                raise ValueError(f"{target_id} is a range; the model needs one value")
            if int(row["year"]) != TARGET_YEAR:
                raise ValueError(f"{target_id} is for {int(row['year'])}, not {TARGET_YEAR}")
            if row["unit"] not in _SCALE:
                raise ValueError(f"{target_id} has unit {row['unit']!r}")
            values[field] = float(row["value_min"]) * _SCALE[row["unit"]]
        plan = cls(**values)
        parts = plan.population_official_thousand + plan.population_converted_thousand
        if abs(parts - plan.population_total_thousand) > POPULATION_TOLERANCE_THOUSAND:
            raise ValueError("population_total is not population_official + population_converted")
        if plan.per_capita_usd <= 0 or plan.population_official_thousand <= 0:
            raise ValueError("per-capita and population targets must be positive")
        return plan

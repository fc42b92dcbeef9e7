"""The figures of the zones page: each unit's density, each zone's area and shares.

The plan groups the province's nine units into three development zones; districts.csv
gives each unit's zone, area and (when sourced) population. Shares are of the province's
total; a population share is shown only when every unit's population is known, since a
share of a partial total would mislead. When no unit has a population, the page drops
every population figure (columns, share, tooltip lines) and says why once; the same code
brings them back as soon as districts.csv has the values.
"""

from __future__ import annotations

from typing import Literal

import pandas as pd

from core.geo import density, shares


def with_density(districts: pd.DataFrame) -> pd.DataFrame:
    """The units with a ``density`` column (people per km², None where unknown)."""
    return districts.assign(
        density=[
            density(people, area)
            for people, area in zip(districts["population"], districts["area_km2"], strict=True)
        ]
    )


#: The units' columns that say nothing when no population is known.
POPULATION_COLUMNS = ("population", "population_year", "density")


def population_coverage(units: pd.DataFrame) -> Literal["all", "some", "none"]:
    """How many units have a population: "all" (shares can be computed), "some" (the
    column is shown, with gaps), "none" (nothing to show: the page leaves it out)."""
    known = units["population"].notna()
    if known.all():
        return "all"
    return "some" if known.any() else "none"


def without_empty_population(units: pd.DataFrame) -> pd.DataFrame:
    """The units without their population columns when no unit has a population."""
    if population_coverage(units) != "none":
        return units
    return units.drop(columns=[c for c in POPULATION_COLUMNS if c in units.columns])


def zone_of_unit(districts: pd.DataFrame) -> dict[int, int]:
    """Unit code -> zone id."""
    return dict(zip(districts["code"].astype(int), districts["zone"].astype(int), strict=True))


def zone_shares(units: pd.DataFrame, column: str) -> dict[int, float] | None:
    """Each zone's percentage of the province's ``column`` (area_km2, population);
    None when any unit's value is missing."""
    if units[column].isna().any():
        return None
    return shares(units.groupby("zone")[column].sum().to_dict())


def zone_units(units: pd.DataFrame, zone: int) -> pd.DataFrame:
    return units[units["zone"] == zone]


def zone_area(units: pd.DataFrame, zone: int) -> float:
    """The zone's area in km²: the sum of its units'."""
    return float(zone_units(units, zone)["area_km2"].sum())


def in_table_order(units: pd.DataFrame) -> pd.DataFrame:
    """The units as the page lists them: by zone, then by code."""
    return units.sort_values(["zone", "code"], kind="stable")


def unlocated(places: pd.DataFrame) -> pd.DataFrame:
    """The rows missing a coordinate: named under the map instead of drawn on it."""
    return places[places["lon"].isna() | places["lat"].isna()]

"""The zones page's figures: densities, each zone's area and its shares of the province."""

from __future__ import annotations

import pandas as pd
import pytest

from core import zones
from core.data import load_table
from tests.conftest import DATA

DISTRICTS = load_table("districts", DATA)
UNITS = pd.DataFrame(
    {
        "code": [3, 1, 2, 4],
        "zone": [2, 1, 1, 2],
        "area_km2": [30.0, 10.0, 20.0, 40.0],
        "population": [3000, 1000, None, 4000],
    }
)


def test_every_unit_of_the_data_has_a_zone():
    zone_of = zones.zone_of_unit(DISTRICTS)
    assert len(zone_of) == len(DISTRICTS) == 9
    assert set(zone_of.values()) == {1, 2, 3}


def test_area_shares_of_the_data_sum_to_100():
    share = zones.zone_shares(DISTRICTS, "area_km2")
    assert sum(share.values()) == pytest.approx(100)
    total = DISTRICTS["area_km2"].sum()
    assert share[3] == pytest.approx(100 * zones.zone_area(DISTRICTS, 3) / total)


def test_zone_area_and_shares():
    assert zones.zone_area(UNITS, 1) == 30
    assert zones.zone_area(UNITS, 2) == 70
    assert zones.zone_shares(UNITS, "area_km2") == pytest.approx({1: 30, 2: 70})


def test_a_population_share_needs_every_unit():
    assert zones.zone_shares(UNITS, "population") is None
    known = UNITS.assign(population=[3000, 1000, 1000, 5000])
    assert zones.zone_shares(known, "population") == pytest.approx({1: 20, 2: 80})


def test_density_is_unknown_where_the_population_is():
    density = zones.with_density(UNITS).set_index("code")["density"]
    assert density[1] == pytest.approx(100)
    assert pd.isna(density[2])


def test_units_are_listed_by_zone_then_code():
    assert list(zones.in_table_order(UNITS)["code"]) == [1, 2, 3, 4]
    assert list(zones.zone_units(UNITS, 2)["code"]) == [3, 4]


def test_places_without_a_coordinate_are_unlocated():
    places = pd.DataFrame(
        {"id": ["a", "b", "c"], "lon": [106.0, None, 106.5], "lat": [11.0, 11, None]}
    )
    assert list(zones.unlocated(places)["id"]) == ["b", "c"]


def test_population_coverage_decides_what_the_page_shows():
    assert zones.population_coverage(UNITS) == "some"
    assert zones.population_coverage(UNITS.fillna({"population": 2000})) == "all"
    empty = UNITS.assign(population=None, population_year=None)
    assert zones.population_coverage(empty) == "none"


def test_empty_population_columns_are_dropped_and_come_back_with_data():
    # The curated file has no population yet: the page shows no column of "—".
    units = zones.with_density(DISTRICTS)
    assert zones.population_coverage(units) == "none"
    assert not set(zones.POPULATION_COLUMNS) & set(zones.without_empty_population(units).columns)
    partial = zones.with_density(UNITS.assign(population_year=2019))
    assert set(zones.POPULATION_COLUMNS) <= set(zones.without_empty_population(partial).columns)

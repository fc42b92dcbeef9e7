"""PlanTargets: the model's plan figures come from plan_targets.csv and are checked."""

from __future__ import annotations

import pytest

from core.data import DataError, load_table
from core.plan import TARGET_YEAR, PlanTargets
from tests.plan_data import PLAN, PLAN_TABLE


def value(target_id: str) -> float:
    return float(PLAN_TABLE.set_index("id").loc[target_id, "value_min"])


def test_figures_are_the_rows_of_the_table():
    assert PLAN.growth_pct == value("growth_2021_2030")
    assert PLAN.per_capita_usd == value("grdp_per_capita_usd")
    assert PLAN.population_official_thousand == pytest.approx(value("population_official") * 1000)
    assert PLAN.population_total_thousand == pytest.approx(value("population_total") * 1000)
    assert PLAN.converted_ratio == pytest.approx(
        value("population_converted") / value("population_official")
    )
    assert PLAN.population_thousand("total") == PLAN.population_total_thousand
    assert PLAN.population_thousand("official") == PLAN.population_official_thousand


def changed(target_id: str, **columns: object):
    table = PLAN_TABLE.copy()
    for column, new in columns.items():
        table.loc[table["id"] == target_id, column] = new
    return table


@pytest.mark.parametrize(
    ("table", "message"),
    [
        (PLAN_TABLE[PLAN_TABLE["id"] != "grdp_per_capita_usd"], "no row"),
        (changed("population_total", value_min=5.0, value_max=5.0), "not population_official"),
        (changed("growth_2021_2030", year=TARGET_YEAR + 5), f"not {TARGET_YEAR}"),
        (changed("growth_2021_2030", value_max=12.0), "range"),
    ],
)
def test_a_table_that_does_not_fit_is_refused(table, message):
    with pytest.raises(ValueError, match=message):
        PlanTargets.from_table(table)


def test_loading_a_damaged_table_names_the_problem(data_copy):
    path = data_copy / "plan_targets.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("population_total,society", "population_all,society"), "utf-8")
    with pytest.raises(DataError) as error:
        load_table("plan_targets", data_copy)
    assert error.value.problems[0].kind == "plan_figures"

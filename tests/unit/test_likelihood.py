"""Unit tests of core.likelihood: each figure checked against core.model's own projection."""

from __future__ import annotations

import dataclasses
import math

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core import likelihood as lk
from core.data import load_table
from core.model import Baseline, Scenario, plan_defaults, project, summarize
from tests.conftest import DATA
from tests.plan_data import PLAN

NAN = math.nan
# Levels in every year, so every lever has a four-year record (the real data has fewer).
OUTTURN = pd.DataFrame(
    {
        "year": [2020, 2021, 2022, 2023, 2024],
        "grdp_growth_real_pct": [6.0, 3.0, 8.0, 5.0, 7.0],
        "grdp_current_bn_vnd": [380_000.0, 400_000.0, 445_000.0, 470_000.0, 515_000.0],
        "grdp_per_capita_mn_vnd": [NAN] * 5,
        "grdp_per_capita_usd": [NAN] * 5,
        "population_thousand": [2_580.0, 2_650.0, 2_760.0, 2_800.0, 2_860.0],
        "vnd_per_usd": [23_200.0, 23_150.0, 23_300.0, 23_800.0, 24_150.0],
        "derived_columns": [""] * 5,
    }
)
BASELINE = Baseline.from_outturn(OUTTURN, PLAN)
SHOCKS = lk.Shocks.from_history(lk.history(BASELINE))

scenarios = st.builds(
    Scenario,
    growth_pct=st.floats(-5, 20),
    growth_by_year=st.dictionaries(st.integers(2025, 2030), st.floats(-5, 20), max_size=2),
    deflator_pct=st.floats(-5, 15),
    fx_change_pct=st.floats(-10, 15),
    population_growth_pct=st.floats(-5, 10),
    basis=st.sampled_from(["official", "total"]),
    growth_2031_2050_pct=st.floats(-5, 15),
)


def figures_2030(scenario: Scenario) -> dict[lk.TargetId, float]:
    """The three target figures from core.model.project (an independent path)."""
    row = project(BASELINE, scenario).set_index("year").loc[2030]
    factor = 1.0 + PLAN.converted_ratio if scenario.basis == "total" else 1.0
    return {
        "growth": ((row["real_index"] / 100) ** (1 / 10) - 1) * 100,
        "per_capita": row["per_capita_usd"],
        "population": row["population_thousand"] / factor,
    }


TARGET_VALUES = {
    "growth": PLAN.growth_pct,
    "per_capita": PLAN.per_capita_usd,
    "population": PLAN.population_official_thousand,
}


# ---- fast path = model -------------------------------------------------------------------


@settings(max_examples=40, deadline=None)
@given(scenarios)
def test_outcome_equals_the_model(scenario):
    got = lk.outcome(BASELINE, scenario)
    summary = summarize(BASELINE, scenario)
    assert got.per_capita_2030_usd == pytest.approx(summary.per_capita_2030_usd, rel=1e-12)
    assert got.avg_growth_pct == pytest.approx(summary.avg_growth_2021_2030_pct, rel=1e-12)
    assert got.first_year_reached == summary.first_year_target_reached


# ---- break-even --------------------------------------------------------------------------


@settings(max_examples=40, deadline=None)
@given(scenarios)
def test_each_break_even_fed_back_meets_its_target(scenario):
    for entry in lk.ledger(BASELINE, scenario):
        low, high = lk.lever_limits(entry.lever)
        if entry.status == "no_effect":
            assert entry.needed is None
            moved = lk.with_lever(scenario, entry.lever, (low + high) / 2)
            assert figures_2030(moved)[entry.target] == pytest.approx(
                figures_2030(scenario)[entry.target], rel=1e-9
            )
        elif entry.status == "beyond_limits":
            assert not low <= entry.needed <= high  # reported as solved, never clamped
        else:
            fed_back = figures_2030(lk.with_lever(scenario, entry.lever, entry.needed))
            assert fed_back[entry.target] == pytest.approx(TARGET_VALUES[entry.target], rel=1e-9)


def test_ledger_lists_every_target_for_every_lever_and_each_override():
    scenario = Scenario(growth_pct=9.0, growth_by_year={2026: 12.0})
    entries = lk.ledger(BASELINE, scenario)
    levers = ("growth", "deflator", "fx", "population", "growth_2026")
    assert [(e.target, e.lever) for e in entries] == [(t, v) for t in lk.TARGETS for v in levers]
    assert {e.lever: e.current for e in entries} == {
        "growth": 9.0,
        "deflator": 0.0,
        "fx": 0.0,
        "population": 0.0,
        "growth_2026": 12.0,
    }


def test_growth_for_the_average_matches_the_models_closed_form():
    scenario = plan_defaults(BASELINE)
    entry = lk.break_even(BASELINE, scenario, "growth", "growth")
    assert entry.needed == pytest.approx(summarize(BASELINE, scenario).growth_needed_for_avg_pct)
    assert entry.record.highest == (2022, 8.0)
    assert entry.record.lowest == (2021, 3.0)
    assert entry.record.mean == pytest.approx(5.75)


def test_a_target_out_of_reach_is_reported_beyond_the_limits_with_its_value():
    far = dataclasses.replace(BASELINE, plan=dataclasses.replace(PLAN, per_capita_usd=10_000_000.0))
    entry = lk.break_even(far, plan_defaults(far), "per_capita", "growth")
    assert entry.status == "beyond_limits"
    assert entry.needed > 100.0
    assert not entry.within_slider


def test_growth_has_no_effect_when_every_year_is_overridden():
    scenario = Scenario(
        growth_pct=PLAN.growth_pct, growth_by_year=dict.fromkeys(range(2025, 2031), 8.0)
    )
    entry = lk.break_even(BASELINE, scenario, "per_capita", "growth")
    assert (entry.status, entry.needed) == ("no_effect", None)


# ---- record ------------------------------------------------------------------------------


def test_record_of_the_real_data_says_which_years_it_rests_on():
    baseline = Baseline.from_outturn(load_table("economy_outturn", DATA), PLAN)
    outturn = load_table("economy_outturn", DATA).set_index("year")
    past = lk.history(baseline)
    published = outturn.loc[2021:, "grdp_growth_real_pct"]
    assert past.record("growth").values == tuple(published.items())
    assert len(past.record("fx").values) == len(outturn) - 1
    # A deflator needs the nominal level in both years (published or derived, never
    # extrapolated); the record names exactly those years.
    level = outturn["grdp_current_bn_vnd"].notna() | (
        outturn["grdp_per_capita_mn_vnd"].notna() & outturn["population_thousand"].notna()
    )
    both = [year for year in outturn.index[1:] if level[year] and level[year - 1]]
    assert [y for y, _ in past.record("deflator").values] == both


def test_no_record_when_no_year_has_the_figure():
    frame = OUTTURN.assign(population_thousand=[NAN, NAN, NAN, NAN, 2_860.0])
    baseline = Baseline.from_outturn(frame, PLAN)
    assert lk.history(baseline).record("population") is None
    span = lk.swing_range(
        baseline, Scenario(growth_pct=PLAN.growth_pct, population_growth_pct=2.0), "population"
    )
    assert (span.low, span.high, span.kind) == (1.0, 3.0, "convention_no_record")


# ---- tornado -----------------------------------------------------------------------------


@settings(max_examples=25, deadline=None)
@given(scenarios, st.sampled_from(["per_capita", "growth"]))
def test_tornado_order_equals_a_brute_force_ranking(scenario, by):
    def brute_swing(lever: str) -> tuple[float, float]:
        span = lk.swing_range(BASELINE, scenario, lever)
        low, high = (figures_2030(lk.with_lever(scenario, lever, v)) for v in (span.low, span.high))
        return abs(high["per_capita"] - low["per_capita"]), abs(high["growth"] - low["growth"])

    swings = {lever: brute_swing(lever) for lever in lk.tornado_levers(BASELINE, scenario)}
    order = (0, 1) if by == "per_capita" else (1, 0)

    def key(lever: str) -> tuple:
        return (*(-round(swings[lever][i], lk.RANK_DECIMALS) for i in order), lever)

    got = [row.lever for row in lk.tornado(BASELINE, scenario, by=by).rows]
    assert [key(v) for v in got] == sorted(key(v) for v in swings)


def test_a_lever_whose_range_straddles_the_target_crosses_the_verdict():
    # Prices set so that 5.5 % growth lands on the target: the record's 3..8 % straddles it.
    middle = Scenario(growth_pct=5.5)
    needed = lk.break_even(BASELINE, middle, "per_capita", "deflator").needed
    scenario = lk.with_lever(middle, "deflator", round(needed, 1))
    rows = {row.lever: row for row in lk.tornado(BASELINE, scenario).rows}
    assert rows["growth"].crosses("per_capita")
    assert not rows["growth_2031_2050"].crosses("per_capita")


def test_first_year_range_spans_every_tornado_end():
    result = lk.tornado(BASELINE, plan_defaults(BASELINE))
    years = [result.current.first_year_reached] + [
        end.first_year_reached for row in result.rows for end in (row.low, row.high)
    ]
    order = [math.inf if y is None else y for y in years]
    assert _year(result.first_year.earliest) == min(order)
    assert _year(result.first_year.latest) == max(order)


def _year(value: int | None) -> float:
    return math.inf if value is None else value


# ---- simulation --------------------------------------------------------------------------


@settings(max_examples=15, deadline=None)
@given(scenarios, st.floats(0.1, 5), st.integers(0, lk.MAX_SEED))
def test_probability_never_falls_when_growth_rises(scenario, rise, seed):
    higher = dataclasses.replace(scenario, growth_pct=min(scenario.growth_pct + rise, 100.0))
    before = lk.simulate(BASELINE, scenario, SHOCKS, seed, 200)
    after = lk.simulate(BASELINE, higher, SHOCKS, seed, 200)
    for target in lk.TARGETS:
        assert after.probability(target).value >= before.probability(target).value


@settings(max_examples=10, deadline=None)
@given(scenarios, st.integers(0, lk.MAX_SEED))
def test_the_same_seed_gives_identical_percentiles(scenario, seed):
    first = lk.simulate(BASELINE, scenario, SHOCKS, seed, 300)
    again = lk.simulate(BASELINE, scenario, SHOCKS, seed, 300)
    assert first == again


def test_another_seed_gives_other_draws():
    scenario = plan_defaults(BASELINE)
    one = lk.simulate(BASELINE, scenario, SHOCKS, 1)
    two = lk.simulate(BASELINE, scenario, SHOCKS, 2)
    assert one.per_capita_usd.p10 != two.per_capita_usd.p10


@settings(max_examples=15, deadline=None)
@given(scenarios)
def test_zero_variance_collapses_the_fan_onto_the_central_projection(scenario):
    still = lk.Shocks((2021, 2022), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0))
    result = lk.simulate(BASELINE, scenario, still, draws=100)
    path = project(BASELINE, scenario).set_index("year")
    for band, column in (
        (result.per_capita_usd, "per_capita_usd"),
        (result.real_index, "real_index"),
    ):
        expected = [path.at[y, column] for y in band.years]
        assert band.central == pytest.approx(expected, rel=1e-12)
        for series in (band.p10, band.p50, band.p90):
            assert series == pytest.approx(expected, rel=1e-12)
    assert not any(p.varies for p in result.probabilities)
    outcome = lk.outcome(BASELINE, scenario)
    for p in result.probabilities:
        assert p.value == float(outcome.meets(p.target))


def test_the_fan_widens_with_the_record_and_brackets_the_median():
    result = lk.simulate(BASELINE, plan_defaults(BASELINE), SHOCKS)
    band = result.per_capita_usd
    assert band.p10[-1] < band.p50[-1] < band.p90[-1]
    assert band.p10[4] == band.p90[4] == band.central[4]  # 2024 is actual
    assert result.record_years == (2021, 2022, 2023, 2024)
    assert all(SHOCKS.varies(kind) for kind in lk.RECORD_KINDS)


def test_a_one_year_record_adds_no_variance():
    # Population known in the last two years only: a record of one year.
    frame = OUTTURN.assign(population_thousand=[NAN, NAN, NAN, 2_800.0, 2_860.0])
    past = lk.history(Baseline.from_outturn(frame, PLAN))
    shocks = lk.Shocks.from_history(past)
    years = {k: len(past.record(k).values) if past.record(k) else 0 for k in lk.RECORD_KINDS}
    assert years["population"] == 1
    assert not shocks.varies("population")
    assert {k: shocks.varies(k) for k in lk.RECORD_KINDS} == {k: n > 1 for k, n in years.items()}
    assert sum(shocks.growth) == pytest.approx(0.0, abs=1e-12)  # centred on the scenario


@pytest.mark.parametrize(("seed", "draws"), [(-1, 1000), (0, 99), (0, 5001), (2**31, 1000)])
def test_seed_and_draws_out_of_range_are_refused(seed, draws):
    with pytest.raises(ValueError, match="outside"):
        lk.simulate(BASELINE, plan_defaults(BASELINE), SHOCKS, seed, draws)


# ---- targets and vintages ----------------------------------------------------------------


@pytest.mark.parametrize("target", lk.TARGETS)
def test_the_targets_are_the_baselines_plan(target):
    """A plan whose target sits exactly on the scenario's 2030 figure is met; one a step
    above is not: the verdicts read baseline.plan, no figure of their own."""
    scenario = plan_defaults(BASELINE)
    figure = float(figures_2030(scenario)[target])
    field = {
        "growth": "growth_pct",
        "per_capita": "per_capita_usd",
        "population": "population_official_thousand",
    }[target]
    for target_value, met in ((figure, True), (figure * 1.01 + 0.01, False)):
        plan = dataclasses.replace(PLAN, **{field: target_value})
        baseline = dataclasses.replace(BASELINE, plan=plan)
        assert lk.outcome(baseline, scenario).meets(target) is met
        assert lk.break_even(baseline, scenario, target, "growth").met_now is met


def test_first_vintage_replaces_the_cell_and_rederives_what_depended_on_it():
    frame = OUTTURN.assign(
        grdp_per_capita_mn_vnd=[NAN, NAN, NAN, NAN, 181.2],
        grdp_per_capita_usd=[NAN, NAN, NAN, NAN, 7_500.0],
        derived_columns=["", "", "", "", "grdp_per_capita_usd"],
    )
    vintages = pd.DataFrame(
        {"year": [2024], "column": ["grdp_per_capita_mn_vnd"], "value": [182.6], "source": ["x"]}
    )
    first = lk.apply_vintage(frame, vintages, "first")
    assert first.iloc[4]["grdp_per_capita_mn_vnd"] == 182.6
    assert math.isnan(first.iloc[4]["grdp_per_capita_usd"])
    assert lk.apply_vintage(frame, vintages, "revised").equals(frame)
    assert frame.iloc[4]["grdp_per_capita_mn_vnd"] == 181.2  # the input is not changed
    with pytest.raises(ValueError, match="vintage"):
        lk.apply_vintage(frame, vintages, "latest")  # type: ignore[arg-type]


def test_the_growth_still_needed_moves_with_the_vintage():
    outturn = load_table("economy_outturn", DATA)
    vintages = load_table("economy_vintages", DATA)
    changes = {
        (c.year, c.column): (c.revised, c.first) for c in lk.vintage_changes(outturn, vintages)
    }
    assert changes[(2023, "grdp_growth_real_pct")] == (5.0, 5.97)
    needed = {}
    for vintage in lk.VINTAGES:
        baseline = Baseline.from_outturn(lk.apply_vintage(outturn, vintages, vintage), PLAN)
        assert dict(baseline.actual_growth)[2023] == {"revised": 5.0, "first": 5.97}[vintage]
        entry = lk.break_even(baseline, plan_defaults(baseline), "growth", "growth")
        needed[vintage] = entry.needed
    assert needed["first"] < needed["revised"]  # higher first estimates leave less to do

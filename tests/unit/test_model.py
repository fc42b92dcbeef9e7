"""Unit tests of core.model (outturn fixtures built in code; the plan's figures read from
data/plan_targets.csv, so the tests follow that file)."""

from __future__ import annotations

import dataclasses
import math

import pandas as pd
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from core import model
from core.model import (
    Baseline,
    Scenario,
    consistent_assumptions,
    plan_defaults,
    project,
    summarize,
)
from tests.plan_data import PLAN

NAN = math.nan
PLAN_RATE = 1 + PLAN.growth_pct / 100  # the plan index's yearly factor
GROWTH = {2020: 6.0, 2021: 2.62, 2022: 8.0, 2023: 5.0, 2024: 7.48}


def outturn(**overrides: list) -> pd.DataFrame:
    """Approximate outturn 2020–2024 with a few empty cells, as the CSV has."""
    cols = {
        "year": [2020, 2021, 2022, 2023, 2024],
        "grdp_growth_real_pct": list(GROWTH.values()),
        "grdp_current_bn_vnd": [380_000.0, 400_000.0, 440_000.0, 470_000.0, NAN],
        "grdp_per_capita_mn_vnd": [NAN, NAN, NAN, NAN, 181.2],
        "grdp_per_capita_usd": [NAN, NAN, NAN, NAN, NAN],
        "population_thousand": [2_580.0, 2_660.0, 2_760.0, 2_800.0, 2_860.0],
        "share_industry_pct": [NAN] * 5,
        "vnd_per_usd": [23_200.0, 23_160.0, 23_600.0, 23_900.0, 24_160.0],
        "status": ["official"] * 4 + ["preliminary"],
        "derived_columns": [""] * 5,
        "source": ["test"] * 5,
        "note": [""] * 5,
    }
    cols.update(overrides)
    return pd.DataFrame(cols)


BASELINE = Baseline.from_outturn(outturn(), PLAN)  # for hypothesis tests (no fixtures there)


@pytest.fixture(scope="module")
def baseline() -> Baseline:
    return Baseline.from_outturn(outturn(), PLAN)


# ---- Baseline ----------------------------------------------------------------


def test_baseline_anchors_fill_level_from_per_capita_times_population(baseline):
    assert baseline.last_year == 2024
    assert baseline.nominal_grdp_bn_vnd == pytest.approx(181.2 * 2_860)
    assert baseline.population_thousand == 2_860
    assert baseline.vnd_per_usd == 24_160
    assert (2024, "grdp_current_bn_vnd", "derived") in baseline.filled
    assert baseline.actual_growth == {2021: 2.62, 2022: 8.0, 2023: 5.0, 2024: 7.48}
    assert baseline.real_index_last == pytest.approx(100 * 1.0262 * 1.08 * 1.05 * 1.0748)


def test_baseline_historical_averages_are_geometric_means(baseline):
    n = [380_000, 400_000, 440_000, 470_000, 181.2 * 2_860]
    g = [GROWTH[y] for y in range(2021, 2025)]
    prod = math.prod(n[i + 1] / n[i] / (1 + g[i] / 100) for i in range(4))
    assert baseline.avg_deflator_pct == pytest.approx((prod**0.25 - 1) * 100)
    assert baseline.avg_fx_change_pct == pytest.approx(((24_160 / 23_200) ** 0.25 - 1) * 100)
    assert baseline.avg_population_growth_pct == pytest.approx(((2_860 / 2_580) ** 0.25 - 1) * 100)
    assert (baseline.deflator_pairs, baseline.fx_pairs, baseline.population_pairs) == (
        4,
        4,
        4,
    )


def test_baseline_derives_missing_cells():
    df = outturn(
        population_thousand=[2_580.0, 2_660.0, 2_760.0, 2_800.0, NAN],
        grdp_current_bn_vnd=[380_000.0, 400_000.0, 440_000.0, 470_000.0, 518_232.0],
        vnd_per_usd=[23_200.0, 23_160.0, 23_600.0, 23_900.0, NAN],
        grdp_per_capita_usd=[NAN, NAN, NAN, NAN, 7_500.0],
        grdp_growth_real_pct=[6.0, 2.62, NAN, 5.0, 7.48],
    )
    b = Baseline.from_outturn(df, PLAN)
    assert b.population_thousand == pytest.approx(518_232 / 181.2)
    assert b.vnd_per_usd == pytest.approx(181.2e6 / 7_500)
    # 2022 growth from nominal growth and the average deflator (years with growth known)
    assert (2022, "grdp_growth_real_pct", "derived") in b.filled
    expected = (440_000 / 400_000 / (1 + b.avg_deflator_pct / 100) - 1) * 100
    assert b.actual_growth[2022] == pytest.approx(expected)
    assert b.deflator_pairs == 3


def test_baseline_extrapolates_missing_last_year_anchors():
    """Shape of the real outturn: 2024 has only growth and per capita (mn VND)."""
    df = outturn(
        grdp_current_bn_vnd=[NAN, NAN, 459_000.0, 483_032.0, NAN],
        grdp_per_capita_mn_vnd=[151.0, 152.2, 166.0, 172.0, 181.2],
        population_thousand=[NAN, NAN, 2_765.0, NAN, NAN],
        vnd_per_usd=[23_208.37, 23_159.78, NAN, NAN, NAN],
    )
    b = Baseline.from_outturn(df, PLAN)
    pop_2023 = 483_032 / 172
    avg_pop = pop_2023 / 2_765 - 1
    avg_fx = 23_159.78 / 23_208.37 - 1
    assert b.avg_population_growth_pct == pytest.approx(avg_pop * 100)
    assert b.avg_fx_change_pct == pytest.approx(avg_fx * 100)
    assert b.avg_deflator_pct == pytest.approx((483_032 / 459_000 / 1.05 - 1) * 100)
    assert b.population_thousand == pytest.approx(pop_2023 * (1 + avg_pop))
    assert b.vnd_per_usd == pytest.approx(23_159.78 * (1 + avg_fx) ** 3)
    assert b.nominal_grdp_bn_vnd == pytest.approx(181.2 * b.population_thousand)
    assert [f for f in b.filled if f[0] == 2024] == [
        (2024, "grdp_current_bn_vnd", "derived"),
        (2024, "grdp_per_capita_usd", "derived"),
        (2024, "population_thousand", "extrapolated"),
        (2024, "vnd_per_usd", "extrapolated"),
    ]
    # no per capita either: the level is carried forward by real growth and deflator
    df2 = df.assign(grdp_per_capita_mn_vnd=[151.0, 152.2, 166.0, 172.0, NAN])
    b2 = Baseline.from_outturn(df2, PLAN)
    assert b2.nominal_grdp_bn_vnd == pytest.approx(
        483_032 * 1.0748 * (1 + b2.avg_deflator_pct / 100)
    )
    assert (2024, "grdp_current_bn_vnd", "extrapolated") in b2.filled
    summ = summarize(b2, plan_defaults(b2))
    assert math.isfinite(summ.per_capita_2030_usd)


def test_baseline_orders_rows_and_ignores_text_and_inf():
    df = outturn().iloc[::-1].reset_index(drop=True)
    df["grdp_current_bn_vnd"] = df["grdp_current_bn_vnd"].astype(object)
    df.loc[0, "grdp_current_bn_vnd"] = "n/a"  # 2024 row
    b = Baseline.from_outturn(df, PLAN)
    assert b.last_year == 2024
    assert b.nominal_grdp_bn_vnd == pytest.approx(181.2 * 2_860)
    df2 = outturn(grdp_current_bn_vnd=[380_000.0, 400_000.0, 440_000.0, 470_000.0, math.inf])
    assert Baseline.from_outturn(df2, PLAN).nominal_grdp_bn_vnd == pytest.approx(181.2 * 2_860)


@pytest.mark.parametrize(
    ("df", "message"),
    [
        (outturn().iloc[1:], "no 2020"),
        (outturn().drop(index=2), "lacks"),
        (pd.concat([outturn(), outturn().iloc[[4]]]), "repeats"),
        (outturn(vnd_per_usd=[NAN] * 5), "VND/USD rate of the last actual year 2024"),
        (
            outturn(
                grdp_growth_real_pct=[6.0, NAN, 8.0, 5.0, 7.48],
                grdp_current_bn_vnd=[NAN, NAN, 440_000.0, 470_000.0, NAN],
            ),
            "real growth 2021",
        ),
    ],
)
def test_baseline_rejects_unusable_outturn(df, message):
    with pytest.raises(ValueError, match=message):
        Baseline.from_outturn(df, PLAN)


# ---- Scenario and defaults ---------------------------------------------------------


def test_plan_defaults_from_fixture(baseline):
    assert plan_defaults(baseline) == Scenario(
        growth_pct=PLAN.growth_pct,
        growth_by_year=(),
        deflator_pct=2.2,
        fx_change_pct=1.0,
        # the constant rate from the fixture's 2,860 thousand to the plan's 2030 figure
        population_growth_pct=round(
            ((PLAN.population_official_thousand / 2_860) ** (1 / 6) - 1) * 100, 1
        ),
        basis="official",
        extend_to_2050=False,
        growth_2031_2050_pct=6.0,
    )


def test_scenario_normalises_overrides():
    a = Scenario(growth_pct=10.0, growth_by_year={2027: 5, 2025: 7.5})
    b = Scenario(growth_pct=10.0, growth_by_year=((2025, 7.5), (2027, 5.0)))
    assert a == b
    assert a.growth_by_year == ((2025, 7.5), (2027, 5.0))
    assert hash(a) == hash(b)
    assert a.growth_for(2025) == 7.5
    assert a.growth_for(2026) == 10.0
    assert a.growth_for(2031) == model.DEFAULT_GROWTH_2031_2050_PCT


@pytest.mark.parametrize(
    "kwargs",
    [
        {"growth_pct": -20.01},
        {"growth_pct": math.nan},
        {"growth_pct": math.inf},
        {"growth_pct": "10"},
        {"population_growth_pct": -5.1},
        {"deflator_pct": -60.0},
        {"basis": "urban"},
        {"growth_by_year": {2031: 5.0}},
        {"growth_by_year": {2020: 5.0}},
        {"growth_by_year": {2026: -25.0}},
        {"growth_by_year": ((2026, 1.0), (2026, 2.0))},
    ],
)
def test_scenario_rejects_odd_inputs(kwargs):
    with pytest.raises((ValueError, TypeError)):
        Scenario(**{"growth_pct": 10.0, **kwargs})


def test_scenario_accepts_the_low_limits(baseline):
    s = Scenario(growth_pct=-20.0, population_growth_pct=-5.0, growth_2031_2050_pct=-20.0)
    df = project(baseline, dataclasses.replace(s, extend_to_2050=True))
    assert (df["per_capita_usd"] > 0).all()
    assert summarize(baseline, s).first_year_target_reached is None


# ---- project -----------------------------------------------------------------------


def test_project_shape_and_kinds(baseline):
    df = project(baseline, plan_defaults(baseline))
    assert list(df.columns) == list(model.COLUMNS)
    assert df["year"].tolist() == list(range(2020, 2031))
    assert df["kind"].tolist() == ["actual"] * 5 + ["scenario"] * 6
    assert df["plan_index"].tolist() == pytest.approx([100 * PLAN_RATE**k for k in range(11)])
    ext = project(baseline, dataclasses.replace(plan_defaults(baseline), extend_to_2050=True))
    assert ext["year"].tolist() == list(range(2020, 2051))
    assert ext["plan_index"].iloc[11:].isna().all()
    assert ext["real_growth_pct"].iloc[11:].tolist() == [6.0] * 20


def test_actual_rows_are_the_outturn(baseline):
    df = project(baseline, plan_defaults(baseline)).set_index("year")
    assert df.loc[2024, "per_capita_mn_vnd"] == 181.2
    assert df.loc[2024, "per_capita_usd"] == pytest.approx(181.2e6 / 24_160)
    assert df.loc[2021, "per_capita_mn_vnd"] == pytest.approx(400_000 / 2_660)
    assert df.loc[2023, "real_index"] == pytest.approx(100 * 1.0262 * 1.08 * 1.05)
    assert df.loc[2020, "real_index"] == 100


def test_zero_growth_keeps_real_index_flat(baseline):
    df = project(baseline, Scenario(growth_pct=0.0))
    scen = df[df["kind"] == "scenario"]
    assert scen["real_index"].tolist() == pytest.approx([baseline.real_index_last] * 6)


def test_ten_percent_growth_gives_index_times_1_1_power_n(baseline):
    df = project(baseline, Scenario(growth_pct=10.0)).set_index("year")
    for n, year in enumerate(range(2025, 2031), start=1):
        assert df.loc[year, "real_index"] == pytest.approx(baseline.real_index_last * 1.1**n)


def test_one_year_per_capita_arithmetic(baseline):
    s = Scenario(growth_pct=5.0, deflator_pct=3.0, fx_change_pct=2.0, population_growth_pct=1.0)
    row = project(baseline, s).set_index("year").loc[2025]
    n = 181.2 * 2_860 * 1.05 * 1.03
    pop = 2_860 * 1.01
    fx = 24_160 * 1.02
    assert row["nominal_grdp_bn_vnd"] == pytest.approx(n)
    assert row["population_thousand"] == pytest.approx(pop)
    assert row["per_capita_mn_vnd"] == pytest.approx(n / pop)
    assert row["vnd_per_usd"] == pytest.approx(fx)
    assert row["per_capita_usd"] == pytest.approx(n / pop * 1e6 / fx)


def test_total_basis_adds_converted_population(baseline):
    s = plan_defaults(baseline)
    off = project(baseline, s)
    tot = project(baseline, dataclasses.replace(s, basis="total"))
    ratio = 1 + 0.56 / 3.48
    assert (tot["population_thousand"] / off["population_thousand"]).tolist() == pytest.approx(
        [ratio] * 11
    )
    assert tot["per_capita_mn_vnd"].iloc[-1] == pytest.approx(
        off["per_capita_mn_vnd"].iloc[-1] / ratio
    )
    assert tot["nominal_grdp_bn_vnd"].tolist() == pytest.approx(off["nominal_grdp_bn_vnd"].tolist())


def test_per_year_override_applies_only_to_its_year(baseline):
    s = Scenario(growth_pct=10.0, growth_by_year={2027: 0.0})
    growth = project(baseline, s).set_index("year")["real_growth_pct"]
    assert growth.loc[2025:2030].tolist() == [10.0, 10.0, 0.0, 10.0, 10.0, 10.0]


def test_default_population_reaches_plan_official_population(baseline):
    df = project(baseline, plan_defaults(baseline)).set_index("year")
    # the default rate is rounded to 0.1 point, so within ~0.2 % of the plan's 3,480
    assert df.loc[2030, "population_thousand"] == pytest.approx(
        PLAN.population_official_thousand, rel=2e-3
    )


# ---- summarize ----------------------------------------------------------------------


def test_summary_of_defaults(baseline):
    s = plan_defaults(baseline)
    summ = summarize(baseline, s)
    last = project(baseline, s).iloc[-1]
    assert summ.grdp_2030_bn_vnd == pytest.approx(last["nominal_grdp_bn_vnd"])
    assert summ.per_capita_2030_usd == pytest.approx(last["per_capita_usd"])
    assert summ.gap_to_target_usd == pytest.approx(PLAN.per_capita_usd - last["per_capita_usd"])
    assert summ.avg_growth_2021_2030_pct == pytest.approx(
        ((baseline.real_index_last / 100 * PLAN_RATE**6) ** 0.1 - 1) * 100
    )
    assert summ.avg_growth_2021_2030_pct < PLAN.growth_pct
    assert summ.growth_needed_for_avg_pct > PLAN.growth_pct
    assert summ.first_year_target_reached is not None
    assert summ.target_years_late == summ.first_year_target_reached - 2030


def test_summary_extension_flag_does_not_change_results(baseline):
    s = plan_defaults(baseline)
    assert summarize(baseline, s) == summarize(
        baseline, dataclasses.replace(s, extend_to_2050=True)
    )


def test_target_reached_early_gives_non_positive_lateness(baseline):
    s = Scenario(growth_pct=20.0, deflator_pct=10.0)
    summ = summarize(baseline, s)
    assert summ.first_year_target_reached <= 2030
    assert summ.target_years_late <= 0
    assert summ.gap_to_target_usd < 0


growths = st.floats(min_value=-20, max_value=40, allow_nan=False)
rates = st.floats(min_value=-5, max_value=15, allow_nan=False)
scenarios = st.builds(
    Scenario,
    growth_pct=growths,
    deflator_pct=rates,
    fx_change_pct=st.floats(min_value=-10, max_value=15),
    population_growth_pct=st.floats(min_value=-5, max_value=10),
    basis=st.sampled_from(["official", "total"]),
    growth_2031_2050_pct=st.floats(min_value=-5, max_value=15),
    growth_by_year=st.dictionaries(st.integers(2025, 2030), growths, max_size=3),
)


@given(scenarios, growths, growths)
def test_per_capita_2030_rises_with_growth(s, g1, g2):
    assume(abs(g1 - g2) > 1e-6)
    lo, hi = sorted((g1, g2))
    a = summarize(
        BASELINE, dataclasses.replace(s, growth_pct=lo, growth_by_year={})
    ).per_capita_2030_usd
    b = summarize(
        BASELINE, dataclasses.replace(s, growth_pct=hi, growth_by_year={})
    ).per_capita_2030_usd
    assert b > a


@given(scenarios)
def test_growth_needed_for_per_capita_hits_the_target(s):
    need = summarize(BASELINE, s).growth_needed_for_per_capita_pct
    assume(model.GROWTH_MIN_PCT <= need <= model.GROWTH_MAX_PCT)
    again = summarize(BASELINE, dataclasses.replace(s, growth_pct=need, growth_by_year={}))
    assert again.per_capita_2030_usd == pytest.approx(PLAN.per_capita_usd, abs=0.01)
    assert again.first_year_target_reached is not None
    assert again.first_year_target_reached <= 2030


@given(scenarios)
def test_growth_needed_for_average_gives_exactly_ten_percent(s):
    need = summarize(BASELINE, s).growth_needed_for_avg_pct
    again = summarize(BASELINE, dataclasses.replace(s, growth_pct=need, growth_by_year={}))
    assert again.avg_growth_2021_2030_pct == pytest.approx(PLAN.growth_pct, abs=1e-9)


@settings(max_examples=50)
@given(scenarios, growths, growths)
def test_first_year_reached_is_monotone_in_growth(s, g1, g2):
    lo, hi = sorted((g1, g2))
    y_lo = summarize(BASELINE, dataclasses.replace(s, growth_pct=lo)).first_year_target_reached
    y_hi = summarize(BASELINE, dataclasses.replace(s, growth_pct=hi)).first_year_target_reached
    never = 10_000
    assert (y_hi or never) <= (y_lo or never)


@given(scenarios)
def test_projection_is_finite_and_positive(s):
    df = project(BASELINE, dataclasses.replace(s, extend_to_2050=True))
    numeric = df.drop(columns=["year", "kind", "plan_index", "real_growth_pct"])
    assert (numeric > 0).all().all()
    assert len(df) == 31


def test_no_scenario_years_left():
    rows = {"year": list(range(2020, 2031))}
    df = pd.DataFrame(
        {
            **rows,
            "grdp_growth_real_pct": [6.0] + [9.0] * 10,
            "grdp_current_bn_vnd": [380_000.0 * 1.12**k for k in range(11)],
            "population_thousand": [2_580.0 * 1.03**k for k in range(11)],
            "vnd_per_usd": [23_200.0] * 11,
        }
    )
    b = Baseline.from_outturn(df, PLAN)
    summ = summarize(b, plan_defaults(b))
    assert summ.growth_needed_for_avg_pct is None
    assert summ.growth_needed_for_per_capita_pct is None
    assert (project(b, plan_defaults(b))["kind"] == "actual").all()
    with pytest.raises(ValueError, match="no scenario years"):
        consistent_assumptions(b)


# ---- consistent_assumptions ---------------------------------------------------------


def test_consistent_assumptions_make_both_targets_hold(baseline):
    c = consistent_assumptions(baseline)
    assert c.fx_change_pct == plan_defaults(baseline).fx_change_pct
    assert (1 + c.deflator_needed_pct / 100) / (1 + c.fx_change_pct / 100) == pytest.approx(
        1 + c.usd_drift_needed_pct / 100
    )
    exact_p = ((PLAN.population_official_thousand / 2_860) ** (1 / 6) - 1) * 100
    s = Scenario(
        growth_pct=PLAN.growth_pct,
        deflator_pct=c.deflator_needed_pct,
        fx_change_pct=c.fx_change_pct,
        population_growth_pct=exact_p,
    )
    summ = summarize(baseline, s)
    assert summ.per_capita_2030_usd == pytest.approx(PLAN.per_capita_usd, abs=0.01)
    assert summ.population_2030_thousand == pytest.approx(PLAN.population_official_thousand)
    assert c.historical_usd_drift_pct < c.usd_drift_needed_pct


def test_consistent_assumptions_total_basis(baseline):
    c = consistent_assumptions(baseline, growth_pct=12.0, basis="total")
    assert c.population_2030_thousand == PLAN.population_total_thousand
    assert c.usd_drift_needed_pct > consistent_assumptions(baseline, 12.0).usd_drift_needed_pct


def test_speed(baseline):
    import time

    s = dataclasses.replace(plan_defaults(baseline), extend_to_2050=True)
    t0 = time.perf_counter()
    for _ in range(50):
        summarize(baseline, s)
    per_summary = (time.perf_counter() - t0) / 50
    assert per_summary < 2e-3

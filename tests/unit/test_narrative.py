"""The plain-language summary: built from the numbers, in each language's own format."""

from __future__ import annotations

from dataclasses import replace

import pytest

from core.i18n import Translator
from core.model import (
    HORIZON_YEAR,
    TARGET_YEAR,
    Baseline,
    Scenario,
    Summary,
    consistent_assumptions,
    summarize,
)
from core.narrative import (
    consistency_text,
    percent,
    scenario_line,
    summary_text,
    target_sentence,
)
from tests.plan_data import PLAN

VI, EN = Translator("vi", PLAN), Translator("en", PLAN)
PLAN_SCENARIO = Scenario(growth_pct=PLAN.growth_pct)


@pytest.fixture(scope="module")
def baseline() -> Baseline:
    from core.data import data_dir, load_table

    return Baseline.from_outturn(load_table("economy_outturn", data_dir()), PLAN)


def summary(**changes) -> Summary:
    base = Summary(
        grdp_2030_bn_vnd=900_000.0,
        population_2030_thousand=3_480.0,
        per_capita_2030_mn_vnd=258.6,
        per_capita_2030_usd=10_084.4,
        gap_to_target_usd=5_715.6,
        real_index_2030=215.0,
        avg_growth_2021_2030_pct=7.95,
        growth_needed_for_avg_pct=12.92,
        growth_needed_for_per_capita_pct=18.0,
        first_year_target_reached=2033,
        target_years_late=3,
        per_capita_target_usd=PLAN.per_capita_usd,
    )
    return replace(base, **changes)


def test_the_example_sentence_in_english(baseline):
    text = summary_text(summary(), Scenario(growth_pct=8.0), baseline, EN)
    assert text.startswith(
        f"At 8% growth a year from 2025, the province reaches {EN.number(PLAN.per_capita_usd)} "
        f"USD per person in 2033, 3 years after the plan's date ({TARGET_YEAR})."
    )
    assert "10,084 USD, 5,716 USD short of the target" in text
    assert "7.9% a year" in text or "8% a year" in text
    assert "would need 12.9% a year" in text


def test_the_same_numbers_in_vietnamese(baseline):
    text = summary_text(summary(), Scenario(growth_pct=8.5), baseline, VI)
    assert text.startswith(
        "Với mức tăng trưởng 8,5%/năm từ 2025, GRDP bình quân đầu người "
        f"đạt {VI.number(PLAN.per_capita_usd)} USD vào năm 2033, muộn 3 năm so với mốc "
        f"{TARGET_YEAR}"
    )
    assert "10.084 USD" in text
    assert "5.716 USD" in text
    assert "12,9%/năm" in text
    assert "." not in percent(12.92, VI)
    assert percent(12.92, EN) == "12.9"


@pytest.mark.parametrize("t", [VI, EN], ids=["vi", "en"])
def test_not_by_2050(baseline, t):
    never = summary(first_year_target_reached=None, target_years_late=None)
    text = target_sentence(never, Scenario(growth_pct=5.0, growth_2031_2050_pct=4.5), t)
    assert str(HORIZON_YEAR) in text
    assert t.number(PLAN.per_capita_usd) in text
    assert percent(4.5, t) in text
    assert ("chưa đạt" in text) if t.lang == "vi" else ("does not reach" in text)


def test_early_on_time_and_one_year(baseline):
    assert "2 years before" in target_sentence(
        summary(first_year_target_reached=2028), PLAN_SCENARIO, EN
    )
    assert "on the plan's date" in target_sentence(
        summary(first_year_target_reached=2030), PLAN_SCENARIO, EN
    )
    assert "1 year after" in target_sentence(
        summary(first_year_target_reached=2031), PLAN_SCENARIO, EN
    )
    assert "sớm 2 năm" in target_sentence(
        summary(first_year_target_reached=2028), PLAN_SCENARIO, VI
    )


def test_above_target_and_per_year_growth(baseline):
    above = summary(per_capita_2030_usd=16_500.0, gap_to_target_usd=-700.0)
    scenario = Scenario(growth_pct=9.0, growth_by_year={2025: 7.0, 2030: 12.0})
    text = summary_text(above, scenario, baseline, EN)
    assert text.startswith("At growth between 7% and 12% a year from 2025")
    assert "700 USD above the target" in text


@pytest.mark.parametrize("t", [VI, EN], ids=["vi", "en"])
def test_written_from_the_model_numbers(baseline, t):
    scenario = Scenario(
        growth_pct=8.0, deflator_pct=0.2, fx_change_pct=1.0, population_growth_pct=3.4
    )
    result = summarize(baseline, scenario)
    text = summary_text(result, scenario, baseline, t)
    assert t.number(result.per_capita_2030_usd) in text
    assert "{" not in text
    assert "}" not in text
    sentence = consistency_text(consistent_assumptions(baseline), t)
    assert percent(consistent_assumptions(baseline).deflator_needed_pct, t) in sentence


@pytest.mark.parametrize("basis", ["official", "total"])
def test_the_assumptions_line_names_the_basis_in_lower_case(basis):
    """The option label "Dân số chính thức" mid-sentence read as a stray capital."""
    scenario = Scenario(growth_pct=8, basis=basis)
    vi, en = scenario_line(scenario, VI), scenario_line(scenario, EN)
    assert vi.endswith(", " + VI(f"economy.basis_in_line.{basis}"))
    assert vi.startswith("tăng trưởng 8,0%/năm")
    assert VI(f"economy.basis.{basis}") not in vi
    assert EN(f"economy.basis.{basis}") not in en

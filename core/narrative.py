"""The scenario in plain words, written from the computed numbers (no Streamlit).

Every sentence comes from the catalog (``economy.narrative.*``), every number is
formatted for the reader's language, so the same summary reads naturally in
Vietnamese (15.800 USD, 8,5 %) and English (15,800 USD, 8.5 %).
"""

from __future__ import annotations

from core.i18n import Translator
from core.model import (
    HORIZON_YEAR,
    TARGET_YEAR,
    Baseline,
    Consistency,
    Scenario,
    Summary,
)

#: The kinds of outturn that are not final published figures, in the order they are explained.
GLOSSARY_TERMS = ("estimate", "derived")


def glossary_lines(t: Translator) -> list[str]:
    """'Ước tính: …', 'Số liệu tính toán: …': what the two quality labels mean (issue 18),
    one line each, for a slide's chart."""
    return [t(f"common.glossary.{term}") for term in GLOSSARY_TERMS]


def glossary(t: Translator) -> str:
    """The same as one caption, for the pages, the status table and the brief."""
    return " ".join(f"{line}." for line in glossary_lines(t))


def percent(value: float, t: Translator) -> str:
    """8 -> '8', 8.46 -> '8,5' (vi) / '8.5' (en): one decimal only when it says something."""
    shown = round(value, 1)
    return t.number(shown, 0 if shown == round(shown) else 1)


def growth_phrase(scenario: Scenario, baseline: Baseline, t: Translator) -> str:
    """'At 8 % a year from 2025' or, with per-year values, their range."""
    first = baseline.last_year + 1
    years = range(first, TARGET_YEAR + 1)
    rates = [scenario.growth_for(year) for year in years]
    if not rates:
        return t("economy.narrative.growth_none")
    low, high = min(rates), max(rates)
    if round(low, 1) == round(high, 1):
        return t("economy.narrative.growth_one", g=percent(low, t), start=first)
    return t(
        "economy.narrative.growth_range", low=percent(low, t), high=percent(high, t), start=first
    )


def target_sentence(summary: Summary, scenario: Scenario, t: Translator) -> str:
    """When the per-capita target is reached, measured against the plan's 2030."""
    year = summary.first_year_target_reached
    target = t.number(summary.per_capita_target_usd)
    if year is None:
        return t(
            "economy.narrative.target_never",
            target=target,
            horizon=HORIZON_YEAR,
            g50=percent(scenario.growth_2031_2050_pct, t),
        )
    late = year - TARGET_YEAR
    if late > 0:
        key = "target_late_1" if late == 1 else "target_late"
        return t(f"economy.narrative.{key}", target=target, year=year, n=late)
    if late < 0:
        key = "target_early_1" if late == -1 else "target_early"
        return t(f"economy.narrative.{key}", target=target, year=year, n=-late)
    return t("economy.narrative.target_on_time", target=target, year=year)


def summary_text(summary: Summary, scenario: Scenario, baseline: Baseline, t: Translator) -> str:
    """Three or four sentences: growth and the per-capita date, 2030, the growth path."""
    sentences = [
        t(
            "economy.narrative.opening",
            growth=growth_phrase(scenario, baseline, t),
            target=target_sentence(summary, scenario, t),
        ),
    ]
    gap = summary.gap_to_target_usd
    value = t.number(summary.per_capita_2030_usd)
    if gap > 0.5:
        sentences.append(t("economy.narrative.usd_2030_short", value=value, gap=t.number(gap)))
    else:
        sentences.append(t("economy.narrative.usd_2030_met", value=value, gap=t.number(-gap)))
    sentences.append(
        t(
            "economy.narrative.average",
            avg=percent(summary.avg_growth_2021_2030_pct, t),
            plan=percent(baseline.plan.growth_pct, t),
        )
    )
    if summary.growth_needed_for_avg_pct is not None:
        sentences.append(
            t(
                "economy.narrative.needed",
                start=baseline.last_year + 1,
                need=percent(summary.growth_needed_for_avg_pct, t),
                plan=percent(baseline.plan.growth_pct, t),
            )
        )
    return " ".join(sentences)


def consistency_text(consistency: Consistency, t: Translator) -> str:
    """What deflator makes 10 %/yr and 15,800 USD agree, beside the derived history."""
    return t(
        "economy.narrative.consistency",
        g=percent(consistency.growth_pct, t),
        pop=t.number(consistency.population_2030_thousand / 1000, 2),
        drift=percent(consistency.usd_drift_needed_pct, t),
        fx=percent(consistency.fx_change_pct, t),
        deflator=percent(consistency.deflator_needed_pct, t),
        hist_drift=percent(consistency.historical_usd_drift_pct, t),
        hist_deflator=percent(consistency.historical_deflator_pct, t),
    )


def scenario_line(scenario: Scenario, t: Translator) -> str:
    """The scenario's assumptions in one line, as the economy page lists saved ones."""
    return t(
        "economy.saved.line",
        g=t.number(scenario.growth_pct, 1),
        d=t.number(scenario.deflator_pct, 1),
        fx=t.number(scenario.fx_change_pct, 1),
        p=t.number(scenario.population_growth_pct, 1),
        basis=t(f"economy.basis_in_line.{scenario.basis}"),
    )

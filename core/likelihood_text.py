"""The likelihood figures (``core.likelihood``) in the reader's words. Plain Python.

Shared by the page, the presentation screen and the PDF brief, so each says the same
thing in the same words. Plan figures come from ``baseline.plan``; every number goes
through the Translator.
"""

from __future__ import annotations

from collections.abc import Sequence

from core.i18n import Translator
from core.likelihood import (
    CONVENTION_SWING_PP,
    LATE_GROWTH_LEVER,
    RECORD_KINDS,
    BreakEven,
    FirstYearRange,
    Probability,
    Record,
    Shocks,
    Simulation,
    Swing,
    TargetId,
    lever_limits,
    record_kind,
)
from core.model import BASE_YEAR, HORIZON_YEAR, TARGET_YEAR, Scenario
from core.plan import PlanTargets

PERIOD = f"{BASE_YEAR + 1}–{TARGET_YEAR}"
LATE_PERIOD = f"{TARGET_YEAR + 1}–{HORIZON_YEAR}"


def lever_name(lever: str, t: Translator) -> str:
    if lever.startswith("growth_") and lever != LATE_GROWTH_LEVER:
        return t("likelihood.lever.year", year=lever.removeprefix("growth_"))
    return t(f"likelihood.lever.{lever}", late=LATE_PERIOD)


def target_name(target: TargetId, plan: PlanTargets, t: Translator) -> str:
    value = {
        "growth": t.number(plan.growth_pct, 0),
        "per_capita": t.number(plan.per_capita_usd),
        "population": t.number(plan.population_official_thousand / 1000, 2),
    }[target]
    return t(f"likelihood.target.{target}", v=value, period=PERIOD, year=TARGET_YEAR)


def _rate(value: float, t: Translator, decimals: int = 1) -> str:
    return t.number(value, decimals)


def record_text(record: Record | None, needed: float, current: float, t: Translator) -> str:
    """The province's own years beside a needed value: the highest year when more is
    needed, the lowest when less is."""
    if record is None:
        return t("likelihood.ledger.no_record")
    first, last = record.values[0][0], record.values[-1][0]
    if len(record.values) == 1:
        year, value = record.values[0]
        return t("likelihood.ledger.record_one", year=year, v=_rate(value, t, 2))
    end = "high" if needed >= current else "low"
    year, value = record.highest if end == "high" else record.lowest
    return t(
        f"likelihood.ledger.record_{end}",
        first=first,
        last=last,
        year=year,
        v=_rate(value, t, 2),
    )


def break_even_text(row: BreakEven, t: Translator) -> str:
    """'Real growth: needs 12.9 %/year (now 10); highest year 2021–2024: 8.01 % (2022)'."""
    name = lever_name(row.lever, t)
    if row.status == "no_effect" or row.needed is None:
        return t("likelihood.ledger.no_effect_one", lever=name)
    needed = _rate(row.needed, t)
    if row.status == "beyond_limits":
        low, high = lever_limits(row.lever)
        return t(
            "likelihood.ledger.beyond",
            lever=name,
            needed=needed,
            low=_rate(low, t, 0),
            high=_rate(high, t, 0),
        )
    text = t("likelihood.ledger.needs", lever=name, needed=needed, current=_rate(row.current, t))
    text += "; " + record_text(row.record, row.needed, row.current, t)
    if not row.within_slider:
        text += " (" + t("likelihood.ledger.outside_slider") + ")"
    return text


def ledger_groups(
    rows: Sequence[BreakEven], plan: PlanTargets, t: Translator
) -> list[tuple[str, bool, list[str], list[str]]]:
    """Per target: (name, met now, the levers' lines, the names of levers with no effect)."""
    groups = []
    for target in dict.fromkeys(row.target for row in rows):
        of_target = [row for row in rows if row.target == target]
        lines = [break_even_text(row, t) for row in of_target if row.status != "no_effect"]
        idle = [lever_name(row.lever, t) for row in of_target if row.status == "no_effect"]
        groups.append((target_name(target, plan, t), of_target[0].met_now, lines, idle))
    return groups


def top_line(rows: Sequence[BreakEven], plan: PlanTargets, t: Translator) -> str:
    """The ledger's first line: the first target and its first lever."""
    first = rows[0]
    return f"{target_name(first.target, plan, t)}: {break_even_text(first, t)}"


def probability_value(probability: Probability, t: Translator) -> str:
    return t("likelihood.probability.value", v=t.number(probability.value * 100, 0))


def probabilities_text(simulation: Simulation, plan: PlanTargets, t: Translator) -> str:
    """'10 %/year average growth 2021–2030: 0 %; …' for a compact line."""
    return "; ".join(
        f"{target_name(p.target, plan, t)}: {probability_value(p, t)}"
        for p in simulation.probabilities
    )


def simulation_basis(simulation: Simulation, shocks: Shocks, t: Translator) -> str:
    """How few years the simulation rests on, what varies and what it leaves out."""
    years = simulation.record_years
    varying = [t(f"likelihood.kind.{kind}") for kind in RECORD_KINDS if shocks.varies(kind)]
    fixed = [t(f"likelihood.kind.{kind}") for kind in RECORD_KINDS if not shocks.varies(kind)]
    parts = [
        t(
            "likelihood.probability.basis",
            n=len(years),
            first=years[0] if years else "—",
            last=years[-1] if years else "—",
            draws=t.number(simulation.draws),
            seed=simulation.seed,
            end=TARGET_YEAR,
        ),
        t("likelihood.probability.varies", kinds=", ".join(varying) or "—"),
        t(
            "likelihood.probability.leaves_out",
            fixed=t("likelihood.probability.fixed_part", kinds=", ".join(fixed)) if fixed else "",
            n=len(years),
            end=TARGET_YEAR,
        ),
    ]
    return " ".join(parts)


def year_text(year: int | None, t: Translator) -> str:
    return t("likelihood.after", year=HORIZON_YEAR) if year is None else str(year)


def first_year_range_text(first_year: FirstYearRange, t: Translator) -> str:
    """'2040 – after 2050 across the sensitivity ranges'."""
    low, high = year_text(first_year.earliest, t), year_text(first_year.latest, t)
    shown = low if low == high else f"{low} – {high}"
    return t("likelihood.first_year_range", range=shown)


def range_text(swing: Swing, t: Translator) -> str:
    """The range a tornado bar swings across, and where it comes from."""
    kind = record_kind(swing.lever)
    span = swing.range
    if span.kind == "observed":
        text = t(
            "likelihood.chart.range_observed",
            low=_rate(span.low, t, 2),
            high=_rate(span.high, t, 2),
        )
    else:
        pp = CONVENTION_SWING_PP["growth" if kind == "growth" else swing.lever]
        text = t("likelihood.chart.range_convention", pp=t.number(pp, 1))
    return text + (" " + t("likelihood.chart.clipped") if span.clipped else "")


def estimate_note(defaults: Scenario, t: Translator) -> str:
    """The defaults the plan does not set, named as the app's estimates."""
    return t(
        "likelihood.estimate_note",
        d=_rate(defaults.deflator_pct, t),
        fx=_rate(defaults.fx_change_pct, t),
        p=_rate(defaults.population_growth_pct, t),
        g50=_rate(defaults.growth_2031_2050_pct, t),
        late=LATE_PERIOD,
    )

"""How likely is the plan? Break-even, sensitivity and uncertainty (issue 14). Plain Python.

Everything here is a pure function of frozen, hashable values (``Baseline``,
``Scenario``, ``Shocks``, seed, draw count), so a page can cache it by scenario.
Plan figures are never written here: the targets are the baseline's ``plan``
(``core.plan.PlanTargets``, read from data/plan_targets.csv).

Targets (``TARGETS``), each read as "reached when at least":

    growth       average real growth 2021–2030 = (I_2030 / 100) ** (1/10) - 1
    per_capita   GRDP per capita 2030 (USD, on the scenario's basis)
    population   official population 2030 (thousand)

Levers: "growth" (g, every scenario year up to 2030 without an override),
"deflator" (d), "fx" (f), "population" (p) and "growth_YYYY" for each per-year
override the scenario sets. "growth_2031_2050" moves only the year the
per-capita target is reached, so it appears in the tornado, not in the ledger.

Break-even (``ledger``): the value of one lever that meets one target with the
other assumptions held. The model has a closed form for each pair, because a
lever enters the 2030 figure as a product of constant yearly factors. With n
scenario years, k of them following g, and the current scenario's 2030 figures
u (per capita), I (index), O (official population):

    per capita  r = target / u:  1+g' = (1+g) r^(1/k)   1+o' = (1+o) r
                                 1+d' = (1+d) r^(1/n)   1+f' = (1+f) / r^(1/n)
                                 1+p' = (1+p) / r^(1/n)
    growth      q = (1+target)^10 / (I/100):  1+g' = (1+g) q^(1/k),  1+o' = (1+o) q
    population  1+p' = (1+p) (target / O)^(1/n)

A lever that does not enter a target (deflator vs the growth average) has
status "no_effect"; a solution outside the model's limits (``core.model``) has
status "beyond_limits" and keeps its value: it is never clamped.

Record (``History``): the province's own years 2021..last actual year. Growth
as published; deflator_t = (N_t / N_{t-1}) / (1 + g_t) - 1, VND/USD change and
official population growth from consecutive levels. A cell the model filled
does not count, except a level derived (same-year identity) in a year with no
extrapolated cell. Mean = arithmetic mean of the years that have the figure.

Tornado ranges (``swing_range``): the record's lowest..highest year where it
has at least ``MIN_RECORD_YEARS`` years, else the current value ±
``CONVENTION_SWING_PP`` (app conventions, not forecasts), clipped to the
model's limits (flagged).

Uncertainty (``simulate``): a seeded bootstrap of the record years. Each draw
picks, for every scenario year, one record year at random (uniform, with
replacement) and adds that year's deviations from the record mean to the
scenario's growth, deflator, VND/USD change and population growth, all four
from the same year (a block, so their co-movement is kept). A figure a record
year lacks adds no deviation: draws are centred on the scenario, and a figure
with a one-year record (the mean is that year) adds none at all. So with the
current data only growth and the exchange rate vary; the deflator, population,
the years after 2030, revisions and any change of regime are left out.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from typing import Literal

import numpy as np
import pandas as pd

from core.model import (
    BASE_YEAR,
    GROWTH_MAX_PCT,
    GROWTH_MIN_PCT,
    HORIZON_YEAR,
    POPULATION_GROWTH_MAX_PCT,
    POPULATION_GROWTH_MIN_PCT,
    PRICE_CHANGE_MAX_PCT,
    PRICE_CHANGE_MIN_PCT,
    TARGET_TOLERANCE_USD,
    TARGET_YEAR,
    Baseline,
    Scenario,
    population_factor,
)
from core.plan import PlanTargets
from core.scenario import RANGES

TargetId = Literal["growth", "per_capita", "population"]
TARGETS: tuple[TargetId, ...] = ("growth", "per_capita", "population")
BASE_LEVERS = ("growth", "deflator", "fx", "population")
LATE_GROWTH_LEVER = "growth_2031_2050"
OVERRIDE_PREFIX = "growth_"

#: Lever -> (Scenario field, model minimum, model maximum, URL key of its slider range).
_LEVER_FIELDS = {
    "growth": ("growth_pct", GROWTH_MIN_PCT, GROWTH_MAX_PCT, "g"),
    "deflator": ("deflator_pct", PRICE_CHANGE_MIN_PCT, PRICE_CHANGE_MAX_PCT, "d"),
    "fx": ("fx_change_pct", PRICE_CHANGE_MIN_PCT, PRICE_CHANGE_MAX_PCT, "fx"),
    "population": (
        "population_growth_pct",
        POPULATION_GROWTH_MIN_PCT,
        POPULATION_GROWTH_MAX_PCT,
        "p",
    ),
    LATE_GROWTH_LEVER: ("growth_2031_2050_pct", GROWTH_MIN_PCT, GROWTH_MAX_PCT, "g50"),
}

#: Tolerances of "meets the target" (the fed-back break-even lands on it up to rounding).
GROWTH_TOLERANCE_PP = 1e-9
POPULATION_TOLERANCE_THOUSAND = 1e-6

#: A record needs this many years to give a tornado range of its own.
MIN_RECORD_YEARS = 2
#: ± percentage points around the current value where the record is shorter: app
#: conventions chosen to show the model's response, not forecasts. Growth and the
#: exchange rate have four years of record, so these apply to them only if data is lost;
#: the deflator and population growth have one year each; 2031–2050 growth has none.
CONVENTION_SWING_PP = {
    "growth": 2.0,
    "deflator": 3.0,
    "fx": 2.0,
    "population": 1.0,
    LATE_GROWTH_LEVER: 2.0,
}

MIN_DRAWS, MAX_DRAWS, DEFAULT_DRAWS = 100, 5_000, 1_000
DEFAULT_SEED = 2024
MAX_SEED = 2**31 - 1
PERCENTILES = (10, 50, 90)
#: The fan's band in words (catalog placeholders): its outer percentiles and the share of
#: draws between them.
BAND = {"low": PERCENTILES[0], "high": PERCENTILES[-1], "share": PERCENTILES[-1] - PERCENTILES[0]}


# ---- levers ------------------------------------------------------------------------------


def override_lever(year: int) -> str:
    return f"{OVERRIDE_PREFIX}{year}"


def _override_year(lever: str) -> int | None:
    suffix = lever.removeprefix(OVERRIDE_PREFIX)
    return int(suffix) if lever.startswith(OVERRIDE_PREFIX) and suffix.isdigit() else None


def _overrides(baseline: Baseline, scenario: Scenario) -> dict[int, float]:
    """Per-year overrides that act (scenario years up to 2030)."""
    return {y: v for y, v in scenario.growth_by_year if y > baseline.last_year}  # type: ignore[misc]


def levers(baseline: Baseline, scenario: Scenario) -> tuple[str, ...]:
    """The ledger's levers: the four rates and one per acting per-year override."""
    return BASE_LEVERS + tuple(override_lever(y) for y in _overrides(baseline, scenario))


def lever_value(scenario: Scenario, lever: str) -> float:
    year = _override_year(lever)
    if year is not None:
        return scenario.growth_for(year)
    return getattr(scenario, _LEVER_FIELDS[lever][0])


def lever_limits(lever: str) -> tuple[float, float]:
    """The model's allowed range of a lever (what ``Scenario`` accepts)."""
    _, low, high, _ = _LEVER_FIELDS["growth" if _override_year(lever) else lever]
    return low, high


def slider_range(lever: str) -> tuple[float, float]:
    """The page's slider range of a lever (``core.scenario.RANGES``)."""
    return RANGES[_LEVER_FIELDS["growth" if _override_year(lever) else lever][3]]


def with_lever(scenario: Scenario, lever: str, value: float) -> Scenario:
    """The scenario with one lever changed (raises ValueError outside the model limits)."""
    year = _override_year(lever)
    if year is None:
        return replace(scenario, **{_LEVER_FIELDS[lever][0]: value})
    overrides = dict(scenario.growth_by_year)  # type: ignore[arg-type]
    overrides[year] = value
    return replace(scenario, growth_by_year=overrides)


# ---- fast projection ---------------------------------------------------------------------


@dataclass(frozen=True)
class Outcome:
    """A scenario's standing against the targets (the model's equations, plain floats)."""

    avg_growth_pct: float
    real_index_2030: float
    per_capita_2030_usd: float
    gap_usd: float  # target - per capita 2030; <= 0 means reached
    population_2030_thousand: float  # official
    first_year_reached: int | None  # first year with per capita >= target, None after 2050
    plan: PlanTargets = field(repr=False)  # the targets the gap and the verdicts measure to

    def meets(self, target: TargetId) -> bool:
        if target == "growth":
            return self.avg_growth_pct >= self.plan.growth_pct - GROWTH_TOLERANCE_PP
        if target == "per_capita":
            return self.gap_usd <= TARGET_TOLERANCE_USD
        return (
            self.population_2030_thousand
            >= self.plan.population_official_thousand - POPULATION_TOLERANCE_THOUSAND
        )


def actual_per_capita_usd(baseline: Baseline, scenario: Scenario) -> tuple[float, ...]:
    """Per capita (USD) of the actual years as ``core.model.project`` shows them."""
    factor = population_factor(baseline, scenario.basis)
    values = []
    for a in baseline.years:
        if factor == 1.0 and not math.isnan(a.per_capita_mn_vnd):
            values.append(a.per_capita_usd)
        else:
            values.append(
                a.nominal_grdp_bn_vnd / (a.population_thousand * factor) * 1e6 / a.vnd_per_usd
            )
    return tuple(values)


def actual_real_index(baseline: Baseline) -> tuple[float, ...]:
    index, values = 100.0, []
    for a in baseline.years:
        if a.year > BASE_YEAR:
            index *= 1.0 + a.real_growth_pct / 100.0
        values.append(index)
    return tuple(values)


def outcome(baseline: Baseline, scenario: Scenario) -> Outcome:
    """The scenario's 2030 figures and first year reached, in the model's arithmetic order."""
    plan = baseline.plan
    factor = population_factor(baseline, scenario.basis)
    first = None
    for a, u in zip(baseline.years, actual_per_capita_usd(baseline, scenario), strict=True):
        if first is None and u >= plan.per_capita_usd - TARGET_TOLERANCE_USD:
            first = a.year
    index = baseline.real_index_last
    n, o, x = baseline.nominal_grdp_bn_vnd, baseline.population_thousand, baseline.vnd_per_usd
    d = 1.0 + scenario.deflator_pct / 100.0
    f = 1.0 + scenario.fx_change_pct / 100.0
    p = 1.0 + scenario.population_growth_pct / 100.0
    at_2030 = (index, n / (o * factor) * 1e6 / x, o)
    for year in range(baseline.last_year + 1, HORIZON_YEAR + 1):
        r = 1.0 + scenario.growth_for(year) / 100.0
        index *= r
        n *= r * d
        o *= p
        x *= f
        u = n / (o * factor) * 1e6 / x
        if year == TARGET_YEAR:
            at_2030 = (index, u, o)
        if first is None and u >= plan.per_capita_usd - TARGET_TOLERANCE_USD:
            first = year
    index_2030, u_2030, o_2030 = at_2030
    return Outcome(
        avg_growth_pct=((index_2030 / 100.0) ** (1 / (TARGET_YEAR - BASE_YEAR)) - 1) * 100.0,
        real_index_2030=index_2030,
        per_capita_2030_usd=u_2030,
        gap_usd=plan.per_capita_usd - u_2030,
        population_2030_thousand=o_2030,
        first_year_reached=first,
        plan=plan,
    )


# ---- the province's record -------------------------------------------------------------

RecordKind = Literal["growth", "deflator", "fx", "population"]
RECORD_KINDS: tuple[RecordKind, ...] = ("growth", "deflator", "fx", "population")


@dataclass(frozen=True)
class Record:
    """One lever's record: (year, value %) for the years that have it, in year order."""

    kind: RecordKind
    values: tuple[tuple[int, float], ...]

    @property
    def lowest(self) -> tuple[int, float]:
        return min(self.values, key=lambda yv: (yv[1], yv[0]))

    @property
    def highest(self) -> tuple[int, float]:
        return max(self.values, key=lambda yv: (yv[1], -yv[0]))

    @property
    def mean(self) -> float:
        return sum(v for _, v in self.values) / len(self.values)


@dataclass(frozen=True)
class History:
    """Yearly rates of the actual years after 2020, NaN where the record lacks one."""

    years: tuple[int, ...]
    growth: tuple[float, ...]
    deflator: tuple[float, ...]
    fx: tuple[float, ...]
    population: tuple[float, ...]

    def record(self, kind: RecordKind) -> Record | None:
        """None when no year has the figure ("no record")."""
        pairs = tuple(
            (y, v)
            for y, v in zip(self.years, getattr(self, kind), strict=True)
            if not math.isnan(v)
        )
        return Record(kind, pairs) if pairs else None


def record_kind(lever: str) -> RecordKind | None:
    """The record that speaks to a lever (per-year overrides: growth; 2031–2050: none)."""
    if _override_year(lever) is not None:
        return "growth"
    return lever if lever in RECORD_KINDS else None  # type: ignore[return-value]


#: ActualYear fields whose outturn column (as named in ``Baseline.filled``) differs.
_OUTTURN_COLUMN = {"nominal_grdp_bn_vnd": "grdp_current_bn_vnd"}


def history(baseline: Baseline) -> History:
    """The record; see the module docstring for which cells count."""
    extrapolated = {y for y, _, method in baseline.filled if method == "extrapolated"}
    filled = {(y, c) for y, c, _ in baseline.filled}

    def level(a, field: str) -> float:
        if a.year in extrapolated and (a.year, _OUTTURN_COLUMN.get(field, field)) in filled:
            return math.nan
        return getattr(a, field)

    def rate(now: float, before: float) -> float:
        return (now / before - 1.0) * 100.0

    rows = []
    for before, a in zip(baseline.years, baseline.years[1:], strict=False):
        g = math.nan if (a.year, "grdp_growth_real_pct") in filled else a.real_growth_pct
        n_now, n_before = level(a, "nominal_grdp_bn_vnd"), level(before, "nominal_grdp_bn_vnd")
        rows.append(
            (
                a.year,
                g,
                (n_now / n_before / (1.0 + g / 100.0) - 1.0) * 100.0,
                rate(level(a, "vnd_per_usd"), level(before, "vnd_per_usd")),
                rate(level(a, "population_thousand"), level(before, "population_thousand")),
            )
        )
    columns = tuple(zip(*rows, strict=True)) if rows else ((),) * 5
    return History(*columns)  # type: ignore[arg-type]


# ---- break-even ledger -------------------------------------------------------------------

Status = Literal["reachable", "beyond_limits", "no_effect"]


@dataclass(frozen=True)
class BreakEven:
    """The value of one lever that meets one target, the others held at the scenario.

    needed is None only for status "no_effect"; with "beyond_limits" it is the exact
    solution, outside ``lever_limits(lever)``. within_slider: inside the page's slider.
    """

    target: TargetId
    lever: str
    current: float
    needed: float | None
    status: Status
    within_slider: bool
    met_now: bool
    record: Record | None


def _free_growth_years(baseline: Baseline, scenario: Scenario) -> int:
    return TARGET_YEAR - baseline.last_year - len(_overrides(baseline, scenario))


def _solve(baseline: Baseline, scenario: Scenario, target: TargetId, lever: str) -> float | None:
    """Closed-form break-even (module docstring), None when the lever does not act."""
    now = outcome(baseline, scenario)
    plan = baseline.plan
    n = TARGET_YEAR - baseline.last_year
    k = _free_growth_years(baseline, scenario)
    gross = 1.0 + lever_value(scenario, lever) / 100.0
    is_override = _override_year(lever) is not None
    if n <= 0 or (lever == "growth" and k <= 0):
        return None
    if target == "population":
        if lever != "population":
            return None
        ratio = plan.population_official_thousand / now.population_2030_thousand
        return (gross * ratio ** (1 / n) - 1.0) * 100.0
    if target == "growth":
        ratio = (1.0 + plan.growth_pct / 100.0) ** (TARGET_YEAR - BASE_YEAR) / (
            now.real_index_2030 / 100.0
        )
        years = {"growth": k}.get(lever, 1 if is_override else None)
    else:
        ratio = plan.per_capita_usd / now.per_capita_2030_usd
        years = {"growth": k, "deflator": n, "fx": -n, "population": -n}.get(
            lever, 1 if is_override else None
        )
    if years is None:
        return None
    return (gross * ratio ** (1 / years) - 1.0) * 100.0


def break_even(baseline: Baseline, scenario: Scenario, target: TargetId, lever: str) -> BreakEven:
    needed = _solve(baseline, scenario, target, lever)
    low, high = lever_limits(lever)
    slider_low, slider_high = slider_range(lever)
    if needed is None:
        status: Status = "no_effect"
    else:
        status = "reachable" if low <= needed <= high else "beyond_limits"
    kind = record_kind(lever)
    return BreakEven(
        target=target,
        lever=lever,
        current=lever_value(scenario, lever),
        needed=needed,
        status=status,
        within_slider=needed is not None and slider_low <= needed <= slider_high,
        met_now=outcome(baseline, scenario).meets(target),
        record=history(baseline).record(kind) if kind else None,
    )


def ledger(baseline: Baseline, scenario: Scenario) -> tuple[BreakEven, ...]:
    """Every target × every lever of ``levers``, in that order."""
    return tuple(
        break_even(baseline, scenario, target, lever)
        for target in TARGETS
        for lever in levers(baseline, scenario)
    )


# ---- sensitivity (tornado) ---------------------------------------------------------------

RangeKind = Literal["observed", "convention_short_record", "convention_no_record"]


@dataclass(frozen=True)
class SwingRange:
    low: float
    high: float
    kind: RangeKind
    clipped: bool  # cut to the model's limits


def swing_range(baseline: Baseline, scenario: Scenario, lever: str) -> SwingRange:
    """The range a lever swings across in the tornado (module docstring)."""
    kind = record_kind(lever)
    record = history(baseline).record(kind) if kind else None
    if record is not None and len(record.values) >= MIN_RECORD_YEARS:
        low, high, range_kind = record.lowest[1], record.highest[1], "observed"
    else:
        plus_minus = CONVENTION_SWING_PP["growth" if _override_year(lever) else lever]
        current = lever_value(scenario, lever)
        low, high = current - plus_minus, current + plus_minus
        range_kind = "convention_no_record" if record is None else "convention_short_record"
    limit_low, limit_high = lever_limits(lever)
    clipped = low < limit_low or high > limit_high
    return SwingRange(max(low, limit_low), min(high, limit_high), range_kind, clipped)


@dataclass(frozen=True)
class Swing:
    """One tornado bar: the lever at the low and high end of its range, alone."""

    lever: str
    current: float
    range: SwingRange
    low: Outcome
    high: Outcome

    @property
    def gap_swing_usd(self) -> float:
        return abs(self.high.gap_usd - self.low.gap_usd)

    @property
    def growth_swing_pp(self) -> float:
        return abs(self.high.avg_growth_pct - self.low.avg_growth_pct)

    def crosses(self, target: TargetId) -> bool:
        """The two ends fall on different sides of the target: this lever alone
        changes the verdict."""
        return self.low.meets(target) != self.high.meets(target)


@dataclass(frozen=True)
class FirstYearRange:
    """First year per capita reaches the target: now and across every tornado end.

    None means not by 2050 (latest is None when some end does not reach it by then).
    """

    current: int | None
    earliest: int | None
    latest: int | None


def _year_order(year: int | None) -> float:
    return math.inf if year is None else year


@dataclass(frozen=True)
class Tornado:
    rows: tuple[Swing, ...]  # ranked, widest first
    current: Outcome
    first_year: FirstYearRange


def tornado_levers(baseline: Baseline, scenario: Scenario) -> tuple[str, ...]:
    return (*levers(baseline, scenario), LATE_GROWTH_LEVER)


#: Swings are ranked rounded to this many decimals, so levers that move a figure equally
#: (two per-year overrides of the same value) tie exactly and go by name, not by float noise.
RANK_DECIMALS = 6


def rank_key(swing: Swing, by: TargetId) -> tuple:
    """Widest first on the chosen measure, the other measure then the lever name to break ties."""
    gap, growth = (round(v, RANK_DECIMALS) for v in (swing.gap_swing_usd, swing.growth_swing_pp))
    return (-growth, -gap, swing.lever) if by == "growth" else (-gap, -growth, swing.lever)


def tornado(baseline: Baseline, scenario: Scenario, by: TargetId = "per_capita") -> Tornado:
    """Each lever alone across its ``swing_range``; ranked by the swing of ``by``
    ("per_capita": the 2030 gap in USD; "growth": the 2021–2030 average)."""
    rows = []
    for lever in tornado_levers(baseline, scenario):
        span = swing_range(baseline, scenario, lever)
        low, high = (
            outcome(baseline, with_lever(scenario, lever, value)) for value in (span.low, span.high)
        )
        rows.append(Swing(lever, lever_value(scenario, lever), span, low, high))
    rows.sort(key=lambda swing: rank_key(swing, by))
    current = outcome(baseline, scenario)
    years = [current.first_year_reached] + [
        end.first_year_reached for row in rows for end in (row.low, row.high)
    ]
    return Tornado(
        rows=tuple(rows),
        current=current,
        first_year=FirstYearRange(
            current=current.first_year_reached,
            earliest=min(years, key=_year_order),
            latest=max(years, key=_year_order),
        ),
    )


# ---- uncertainty -------------------------------------------------------------------------


@dataclass(frozen=True)
class Shocks(History):
    """The record as deviations of each year from the record mean (percentage points),
    0 where the year lacks the figure: what a draw adds to the scenario."""

    @classmethod
    def from_history(cls, past: History) -> Shocks:
        def deviations(kind: RecordKind) -> tuple[float, ...]:
            record = past.record(kind)
            return tuple(
                0.0 if math.isnan(v) or record is None else v - record.mean
                for v in getattr(past, kind)
            )

        return cls(past.years, *(deviations(kind) for kind in RECORD_KINDS))

    def varies(self, kind: RecordKind) -> bool:
        return any(v != 0.0 for v in getattr(self, kind))


@dataclass(frozen=True)
class Band:
    """Percentiles 10/50/90 per year (actual years: the outturn) and the central path."""

    years: tuple[int, ...]
    p10: tuple[float, ...]
    p50: tuple[float, ...]
    p90: tuple[float, ...]
    central: tuple[float, ...]


@dataclass(frozen=True)
class Probability:
    target: TargetId
    value: float  # share of draws meeting the target, 0..1
    varies: bool  # False: every draw gives the same figure (nothing simulated moves it)


@dataclass(frozen=True)
class Simulation:
    seed: int
    draws: int
    record_years: tuple[int, ...]  # the years drawn from
    per_capita_usd: Band
    real_index: Band
    probabilities: tuple[Probability, ...]  # in ``TARGETS`` order

    def probability(self, target: TargetId) -> Probability:
        return next(p for p in self.probabilities if p.target == target)


def _check_draws(seed: int, draws: int) -> None:
    for name, value, low, high in (
        ("seed", seed, 0, MAX_SEED),
        ("draws", draws, MIN_DRAWS, MAX_DRAWS),
    ):
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise ValueError(f"{name} = {value!r} outside {low}..{high}")


def _drawn_paths(
    baseline: Baseline, scenario: Scenario, shocks: Shocks, seed: int, draws: int
) -> dict[str, np.ndarray]:
    """Arrays (draws × scenario years ≤ 2030) of the real index, per capita (USD) and
    official population, each year's four deviations taken from one record year."""
    years = list(range(baseline.last_year + 1, TARGET_YEAR + 1))
    rng = np.random.default_rng(seed)
    width = max(len(shocks.years), 1)
    pick = rng.integers(0, width, size=(draws, len(years)))

    def shocked(kind: RecordKind, central: np.ndarray) -> np.ndarray:
        deviations = np.asarray(getattr(shocks, kind) or (0.0,), dtype=float)
        return 1.0 + (central + deviations[pick]) / 100.0

    growth = shocked("growth", np.array([scenario.growth_for(y) for y in years], dtype=float))
    deflator = shocked("deflator", np.full(len(years), scenario.deflator_pct))
    fx = shocked("fx", np.full(len(years), scenario.fx_change_pct))
    population = shocked("population", np.full(len(years), scenario.population_growth_pct))
    official = baseline.population_thousand * np.cumprod(population, axis=1)
    nominal = baseline.nominal_grdp_bn_vnd * np.cumprod(growth * deflator, axis=1)
    rate = baseline.vnd_per_usd * np.cumprod(fx, axis=1)
    return {
        "real_index": baseline.real_index_last * np.cumprod(growth, axis=1),
        "per_capita_usd": nominal
        / (official * population_factor(baseline, scenario.basis))
        * 1e6
        / rate,
        "official": official,
    }


def _central_paths(baseline: Baseline, scenario: Scenario) -> dict[str, list[float]]:
    """The scenario's own path 2020..2030, in the model's arithmetic order."""
    index, n, o, x = (
        baseline.real_index_last,
        baseline.nominal_grdp_bn_vnd,
        baseline.population_thousand,
        baseline.vnd_per_usd,
    )
    factor = population_factor(baseline, scenario.basis)
    paths = {
        "real_index": list(actual_real_index(baseline)),
        "per_capita_usd": list(actual_per_capita_usd(baseline, scenario)),
    }
    for year in range(baseline.last_year + 1, TARGET_YEAR + 1):
        r = 1.0 + scenario.growth_for(year) / 100.0
        index *= r
        n *= r * (1.0 + scenario.deflator_pct / 100.0)
        o *= 1.0 + scenario.population_growth_pct / 100.0
        x *= 1.0 + scenario.fx_change_pct / 100.0
        paths["real_index"].append(index)
        paths["per_capita_usd"].append(n / (o * factor) * 1e6 / x)
    return paths


def _band(years: tuple[int, ...], central: list[float], drawn: np.ndarray) -> Band:
    """Actual years are fixed; scenario years take the draws' percentiles."""
    fixed = central[: len(years) - drawn.shape[1]]
    quantiles = np.percentile(drawn, PERCENTILES, axis=0) if drawn.shape[1] else [[], [], []]
    low, mid, high = (tuple(fixed + [float(v) for v in row]) for row in quantiles)
    return Band(years, low, mid, high, tuple(central))


def simulate(
    baseline: Baseline,
    scenario: Scenario,
    shocks: Shocks,
    seed: int = DEFAULT_SEED,
    draws: int = DEFAULT_DRAWS,
) -> Simulation:
    """Bootstrap fan and probabilities (module docstring). The same inputs give the same
    figures to the digit. Raises ValueError for a seed or draw count out of range."""
    _check_draws(seed, draws)
    years = tuple(range(BASE_YEAR, TARGET_YEAR + 1))
    drawn = _drawn_paths(baseline, scenario, shocks, seed, draws)
    central = _central_paths(baseline, scenario)
    if drawn["real_index"].shape[1]:
        last = {key: values[:, -1] for key, values in drawn.items()}
    else:  # no scenario year: every draw is the outturn
        last = {
            "real_index": np.full(draws, central["real_index"][-1]),
            "per_capita_usd": np.full(draws, central["per_capita_usd"][-1]),
            "official": np.full(draws, baseline.population_thousand),
        }
    span = TARGET_YEAR - BASE_YEAR
    plan = baseline.plan
    average = ((last["real_index"] / 100.0) ** (1 / span) - 1.0) * 100.0
    met = {
        "growth": average >= plan.growth_pct - GROWTH_TOLERANCE_PP,
        "per_capita": last["per_capita_usd"] >= plan.per_capita_usd - TARGET_TOLERANCE_USD,
        "population": last["official"]
        >= plan.population_official_thousand - POPULATION_TOLERANCE_THOUSAND,
    }
    spread = {
        "growth": average,
        "per_capita": last["per_capita_usd"],
        "population": last["official"],
    }
    return Simulation(
        seed=seed,
        draws=draws,
        record_years=shocks.years,
        per_capita_usd=_band(years, central["per_capita_usd"], drawn["per_capita_usd"]),
        real_index=_band(years, central["real_index"], drawn["real_index"]),
        probabilities=tuple(
            Probability(t, float(met[t].mean()), bool(np.ptp(spread[t]) > 0)) for t in TARGETS
        ),
    )


# ---- data vintage ------------------------------------------------------------------------

Vintage = Literal["revised", "first"]
VINTAGES: tuple[Vintage, ...] = ("revised", "first")


@dataclass(frozen=True)
class VintageChange:
    """A cell whose first published estimate differs from the figure the outturn keeps."""

    year: int
    column: str
    revised: float  # NaN where the outturn has no figure
    first: float
    source: str


def vintage_changes(outturn: pd.DataFrame, vintages: pd.DataFrame) -> tuple[VintageChange, ...]:
    by_year = outturn.set_index("year")
    return tuple(
        VintageChange(
            year=int(row.year),
            column=str(row.column),
            revised=float(by_year.at[row.year, row.column]),
            first=float(row.value),
            source=str(row.source),
        )
        for row in vintages.itertuples(index=False)
    )


def apply_vintage(outturn: pd.DataFrame, vintages: pd.DataFrame, vintage: Vintage) -> pd.DataFrame:
    """The outturn as of a vintage, for ``Baseline.from_outturn``.

    "revised": the outturn as it is. "first": each first estimate replaces its cell, and
    the cells its year lists in ``derived_columns`` are emptied so the model derives
    them again from the figures now in force (e.g. USD per capita from VND per capita).
    """
    if vintage not in VINTAGES:
        raise ValueError(f"vintage must be one of {VINTAGES}, not {vintage!r}")
    frame = outturn.copy()
    if vintage == "revised":
        return frame
    for change in vintage_changes(outturn, vintages):
        row = frame["year"] == change.year
        derived = (
            str(frame.loc[row, "derived_columns"].iloc[0]) if "derived_columns" in frame else ""
        )
        for column in derived.split(";"):
            if column in frame.columns and column != change.column:
                frame.loc[row, column] = math.nan
        frame.loc[row, change.column] = change.first
    return frame

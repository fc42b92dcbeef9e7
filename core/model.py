"""What-if projection of Bình Dương's GRDP against the 2030 plan targets.

Plain Python (no Streamlit). The plan (Decision 790/QĐ-TTg) sets, for 2030:

* average real GRDP growth of about 10 %/year over 2021–2030;
* GRDP per capita of about 15,800 USD in 2030;
* population of 4.04 million in 2030 = 3.48 million official (chính thức)
  + 0.56 million converted (quy đổi).

Actual years (2020 … last actual year) come from the outturn table; every year
after that is a *scenario* year driven by user assumptions.

Notation (t = year, L = last actual year, all rates as fractions):

    g_t   real GRDP growth           (actual for t <= L, scenario for t > L)
    d     GRDP deflator change       (constant over scenario years)
    f     VND/USD change, + = VND weakens (constant)
    p     official population growth (constant)

Equations for scenario years t > L (values at L are the actual anchors):

    real index      I_t   = I_{t-1} * (1 + g_t),          I_2020 = 100
    plan index      P_t   = 100 * 1.10 ** (t - 2020)       (t <= 2030 only)
    nominal GRDP    N_t   = N_{t-1} * (1 + g_t) * (1 + d)  [bn VND]
    official pop.   O_t   = O_{t-1} * (1 + p)              [thousand]
    population      Pop_t = O_t                    (basis "official")
                          = O_t * (1 + 0.56/3.48)  (basis "total")
    exchange rate   X_t   = X_{t-1} * (1 + f)              [VND per USD]
    per capita      y_t   = N_t / Pop_t                    [mn VND]
                    u_t   = y_t * 1e6 / X_t                [USD]

(bn VND / thousand people = mn VND per person.)

Growth g_t in scenario years is ``Scenario.growth_by_year[t]`` when set,
else ``Scenario.growth_pct`` up to 2030, and ``Scenario.growth_2031_2050_pct``
after 2030.

The plan's figures (10 %, 15,800 USD, 3.48 + 0.56 million) are not typed here: they
come from data/plan_targets.csv as a ``PlanTargets`` the baseline carries.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import partial
from typing import Literal

import pandas as pd

from core.plan import BASE_YEAR, HORIZON_YEAR, TARGET_YEAR, PlanTargets

__all__ = ["BASE_YEAR", "HORIZON_YEAR", "TARGET_YEAR", "PlanTargets"]  # re-exported

#: Real growth 2031–2050 used by default: an assumption of this app, NOT a plan figure.
DEFAULT_GROWTH_2031_2050_PCT = 6.0

Basis = Literal["official", "total"]
BASES: tuple[str, ...] = ("official", "total")

# Limits the model accepts (the URL layer uses narrower slider ranges).
GROWTH_MIN_PCT, GROWTH_MAX_PCT = -20.0, 100.0
POPULATION_GROWTH_MIN_PCT, POPULATION_GROWTH_MAX_PCT = -5.0, 50.0
PRICE_CHANGE_MIN_PCT, PRICE_CHANGE_MAX_PCT = -50.0, 100.0

#: A year counts as reaching the target when u_t >= target - this (USD);
#: absorbs float rounding when the exact solution is fed back.
TARGET_TOLERANCE_USD = 1e-6


def _finite(x: object) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool) and math.isfinite(x)


def _geo_mean_pct(ratios: list[float]) -> float | None:
    """Geometric mean growth (%) of a list of gross ratios, None if empty."""
    if not ratios:
        return None
    return (math.exp(sum(math.log(r) for r in ratios) / len(ratios)) - 1.0) * 100.0


@dataclass(frozen=True)
class ActualYear:
    """One outturn year as used by the model (NaN where unknown)."""

    year: int
    real_growth_pct: float
    nominal_grdp_bn_vnd: float
    population_thousand: float  # official
    per_capita_mn_vnd: float
    per_capita_usd: float
    vnd_per_usd: float


@dataclass(frozen=True)
class Baseline:
    """Actual outturn, anchors of the projection and historical averages.

    ``avg_deflator_pct``, ``avg_fx_change_pct`` and ``avg_population_growth_pct``
    are DERIVED figures (computed here from the outturn, not published ones):

        deflator_t = (N_t / N_{t-1}) / (1 + g_t) - 1   over years with N_{t-1}, N_t, g_t known
        fx change  = X_t / X_{t-1} - 1                 over years with both rates known
        pop growth = O_t / O_{t-1} - 1                 over years with both known

    each averaged geometrically; ``*_pairs`` say how many year pairs were used
    (0 means no data and the average falls back to 0).

    ``filled`` lists (year, column, method) for cells the model filled in
    because they were empty in the outturn. Method "derived" (same year):

        nominal GRDP   N = per capita (mn VND) * population (thousand)
        population     O = N / per capita (mn VND)
        per capita     y = N / O,  or per capita (USD) * X / 1e6
        VND/USD        X = y * 1e6 / per capita (USD)
        real growth    g = (N_t / N_{t-1}) / (1 + average deflator) - 1

    Method "extrapolated" (last actual year's anchors only, from the latest
    earlier year k that has the figure, at the derived average rates):

        O_L = O_k * (1 + avg pop growth) ** (L - k)
        X_L = X_k * (1 + avg VND/USD change) ** (L - k)
        N_L = N_k * prod_{t=k+1..L} (1 + g_t) * (1 + avg deflator)
              (only when N_L cannot be derived as y_L * O_L)
    """

    years: tuple[ActualYear, ...]
    avg_deflator_pct: float
    avg_fx_change_pct: float
    avg_population_growth_pct: float
    plan: PlanTargets
    deflator_pairs: int = 0
    fx_pairs: int = 0
    population_pairs: int = 0
    filled: tuple[tuple[int, str, str], ...] = ()

    # ---- anchors -----------------------------------------------------------
    @property
    def last_year(self) -> int:
        return self.years[-1].year

    @property
    def nominal_grdp_bn_vnd(self) -> float:
        """Nominal GRDP of the last actual year (bn VND)."""
        return self.years[-1].nominal_grdp_bn_vnd

    @property
    def population_thousand(self) -> float:
        """Official population of the last actual year (thousand)."""
        return self.years[-1].population_thousand

    @property
    def vnd_per_usd(self) -> float:
        return self.years[-1].vnd_per_usd

    @property
    def actual_growth(self) -> dict[int, float]:
        """Real growth (%) of actual years 2021..last (chained into the index)."""
        return {a.year: a.real_growth_pct for a in self.years if a.year > BASE_YEAR}

    @property
    def real_index_last(self) -> float:
        """Real GRDP index (2020 = 100) in the last actual year."""
        idx = 100.0
        for g in self.actual_growth.values():
            idx *= 1.0 + g / 100.0
        return idx

    # ---- construction ------------------------------------------------------
    @classmethod
    def from_outturn(cls, df: pd.DataFrame, plan: PlanTargets) -> Baseline:
        """Build from the outturn table (columns as in data/economy_outturn.csv) and the
        plan's figures (``PlanTargets.from_table`` of data/plan_targets.csv).

        Uses rows from 2020 on (earlier rows only feed the averages). Years
        must be consecutive from 2020 and end by 2030. Raises ValueError when
        an anchor of the last year (N, O, X) cannot be derived from the same
        year nor extrapolated from an earlier one.
        """
        rows = _outturn_rows(df)
        last = max(rows)
        filled: list[tuple[int, str, str]] = []
        for year in sorted(rows):
            _fill_year(rows, year, filled)
        averages = _historical_ratios(rows)
        defl, fx, pop = (_mean_or_zero(ratios) for ratios in averages)
        _fill_real_growth(rows, last, defl, filled)
        _extrapolate_anchors(rows, last, (defl, fx, pop), filled)
        return cls(
            years=tuple(_actual_year(year, rows[year]) for year in range(BASE_YEAR, last + 1)),
            avg_deflator_pct=defl,
            avg_fx_change_pct=fx,
            avg_population_growth_pct=pop,
            plan=plan,
            deflator_pairs=len(averages[0]),
            fx_pairs=len(averages[1]),
            population_pairs=len(averages[2]),
            filled=tuple(sorted(set(filled))),
        )


# ---- the steps of Baseline.from_outturn ---------------------------------------------

#: Short key of each outturn column the model reads (the notation of the module docstring).
OUTTURN_KEYS: dict[str, str] = {
    "g": "grdp_growth_real_pct",
    "n": "grdp_current_bn_vnd",
    "y": "grdp_per_capita_mn_vnd",
    "u": "grdp_per_capita_usd",
    "o": "population_thousand",
    "x": "vnd_per_usd",
}
Rows = dict[int, dict[str, float]]
Filled = list[tuple[int, str, str]]


def _numbers(df: pd.DataFrame, name: str) -> pd.Series:
    if name in df.columns:
        return pd.to_numeric(df[name], errors="coerce").astype("float64")
    return pd.Series(math.nan, index=df.index, dtype="float64")


def _outturn_rows(df: pd.DataFrame) -> Rows:
    """{year: {key: value}} with unknown, non-finite and non-positive levels as NaN;
    ValueError unless the years run consecutively from 2020 and end by 2030."""
    if "year" not in df.columns:
        raise ValueError("outturn has no 'year' column")
    raw = pd.DataFrame({key: _numbers(df, name) for key, name in OUTTURN_KEYS.items()})
    raw["year"] = pd.to_numeric(df["year"], errors="coerce")
    raw = raw[raw["year"].notna()]
    if (raw["year"] != raw["year"].round()).any():
        raise ValueError("outturn has a non-integer year")
    raw["year"] = raw["year"].astype("int64")
    raw = raw.sort_values("year")
    if raw["year"].duplicated().any():
        dup = sorted(set(raw.loc[raw["year"].duplicated(), "year"].tolist()))
        raise ValueError(f"outturn repeats year(s) {dup}")
    for c in ("n", "y", "u", "o", "x"):
        raw.loc[~(raw[c] > 0) | ~raw[c].abs().lt(math.inf), c] = math.nan
    raw.loc[~raw["g"].abs().lt(math.inf) | (raw["g"] <= -100), "g"] = math.nan
    rows = {int(r.year): dict(r._asdict()) for r in raw.itertuples(index=False)}
    if BASE_YEAR not in rows:
        raise ValueError(f"outturn has no {BASE_YEAR} row (base of the real index)")
    last = max(rows)
    if last > TARGET_YEAR:
        raise ValueError(f"outturn runs past {TARGET_YEAR}")
    missing = [y for y in range(BASE_YEAR, last + 1) if y not in rows]
    if missing:
        raise ValueError(f"outturn lacks year(s) {missing}")
    return rows


#: (key filled, keys it needs, formula) in the order they are tried (method "derived").
_SAME_YEAR_RULES = (
    ("x", ("y", "u"), lambda r: r["y"] * 1e6 / r["u"]),
    ("y", ("u", "x"), lambda r: r["u"] * r["x"] / 1e6),
    ("n", ("y", "o"), lambda r: r["y"] * r["o"]),
    ("o", ("n", "y"), lambda r: r["n"] / r["y"]),
    ("y", ("n", "o"), lambda r: r["n"] / r["o"]),
    ("u", ("y", "x"), lambda r: r["y"] * 1e6 / r["x"]),
)


def _fill_year(rows: Rows, year: int, filled: Filled) -> None:
    """Fill a year's empty levels from its other figures (method "derived")."""
    r = rows[year]
    for key, needs, formula in _SAME_YEAR_RULES:
        if math.isnan(r[key]) and not any(math.isnan(r[need]) for need in needs):
            r[key] = formula(r)
            filled.append((year, OUTTURN_KEYS[key], "derived"))


def _historical_ratios(rows: Rows) -> tuple[list[float], list[float], list[float]]:
    """Gross year-on-year ratios of the deflator, the VND/USD rate and population."""
    defl, fx, pop = [], [], []
    for year in sorted(rows):
        prev = rows.get(year - 1)
        if prev is None:
            continue
        r = rows[year]
        if not (math.isnan(r["n"]) or math.isnan(prev["n"]) or math.isnan(r["g"])):
            defl.append(r["n"] / prev["n"] / (1.0 + r["g"] / 100.0))
        if not (math.isnan(r["x"]) or math.isnan(prev["x"])):
            fx.append(r["x"] / prev["x"])
        if not (math.isnan(r["o"]) or math.isnan(prev["o"])):
            pop.append(r["o"] / prev["o"])
    return defl, fx, pop


def _mean_or_zero(ratios: list[float]) -> float:
    mean = _geo_mean_pct(ratios)
    return mean if mean is not None else 0.0


def _fill_real_growth(rows: Rows, last: int, deflator_pct: float, filled: Filled) -> None:
    """Missing real growth of an actual year (2021..last): from nominal growth."""
    for year in range(BASE_YEAR + 1, last + 1):
        r, prev = rows[year], rows[year - 1]
        if not math.isnan(r["g"]):
            continue
        if math.isnan(r["n"]) or math.isnan(prev["n"]):
            raise ValueError(
                f"real growth {year} is missing and cannot be derived from nominal GRDP"
            )
        r["g"] = (r["n"] / prev["n"] / (1.0 + deflator_pct / 100.0) - 1.0) * 100.0
        filled.append((year, "grdp_growth_real_pct", "derived"))


def _latest_known(rows: Rows, last: int, key: str) -> int | None:
    known = [year for year in rows if year < last and not math.isnan(rows[year][key])]
    return max(known) if known else None


def _extrapolate_anchors(
    rows: Rows, last: int, averages: tuple[float, float, float], filled: Filled
) -> None:
    """Anchors of the last year still missing: the latest known value carried forward at
    the historical average rate (method "extrapolated"); ValueError if none is known."""
    defl, fx, pop = averages
    lr = rows[last]
    for key, rate in (("o", pop), ("x", fx)):
        if math.isnan(lr[key]) and (k := _latest_known(rows, last, key)) is not None:
            lr[key] = rows[k][key] * (1 + rate / 100) ** (last - k)
            filled.append((last, OUTTURN_KEYS[key], "extrapolated"))
    _fill_year(rows, last, filled)
    if math.isnan(lr["n"]) and (k := _latest_known(rows, last, "n")) is not None:
        n = rows[k]["n"]
        for year in range(k + 1, last + 1):
            n *= (1 + rows[year]["g"] / 100) * (1 + defl / 100)
        lr["n"] = n
        filled.append((last, "grdp_current_bn_vnd", "extrapolated"))
        _fill_year(rows, last, filled)
    for key, name in (("n", "nominal GRDP"), ("o", "population"), ("x", "VND/USD rate")):
        if math.isnan(lr[key]):
            raise ValueError(
                f"{name} of the last actual year {last} is missing and no earlier year has it"
            )


def _actual_year(year: int, r: dict[str, float]) -> ActualYear:
    return ActualYear(
        year=year,
        real_growth_pct=r["g"],
        nominal_grdp_bn_vnd=r["n"],
        population_thousand=r["o"],
        per_capita_mn_vnd=r["y"],
        per_capita_usd=r["u"],
        vnd_per_usd=r["x"],
    )


@dataclass(frozen=True)
class Scenario:
    """User assumptions for the years after the last actual year (all in %).

    ``growth_by_year`` may be given as a mapping {year: pct}; it is stored as
    a sorted tuple of (year, pct) pairs so scenarios compare and hash by value.
    Overrides for years that are actual in the baseline are ignored.

    basis: "official" divides GRDP by the official population; "total" by
    official + converted, converted = official * 0.56/3.48 (the plan's 2030
    ratio held constant in every year — an assumption).

    Raises ValueError for non-finite values or values outside the model
    limits (growth >= -20 %, population growth >= -5 %, …).
    """

    growth_pct: float
    growth_by_year: Mapping[int, float] | tuple[tuple[int, float], ...] = ()
    deflator_pct: float = 0.0
    fx_change_pct: float = 0.0
    population_growth_pct: float = 0.0
    basis: Basis = "official"
    extend_to_2050: bool = False
    growth_2031_2050_pct: float = DEFAULT_GROWTH_2031_2050_PCT

    def __post_init__(self) -> None:
        gby = self.growth_by_year
        items: Iterable = gby.items() if isinstance(gby, Mapping) else gby
        pairs: dict[int, float] = {}
        for y, v in items:
            if isinstance(y, bool) or int(y) != y:
                raise ValueError(f"override year {y!r} is not an integer")
            y = int(y)
            if not BASE_YEAR < y <= TARGET_YEAR:
                raise ValueError(f"override year {y} outside {BASE_YEAR + 1}..{TARGET_YEAR}")
            if y in pairs:
                raise ValueError(f"override year {y} given twice")
            pairs[y] = self._check(f"growth {y}", v, GROWTH_MIN_PCT, GROWTH_MAX_PCT)
        object.__setattr__(self, "growth_by_year", tuple(sorted(pairs.items())))
        for name, lo, hi in (
            ("growth_pct", GROWTH_MIN_PCT, GROWTH_MAX_PCT),
            ("growth_2031_2050_pct", GROWTH_MIN_PCT, GROWTH_MAX_PCT),
            ("deflator_pct", PRICE_CHANGE_MIN_PCT, PRICE_CHANGE_MAX_PCT),
            ("fx_change_pct", PRICE_CHANGE_MIN_PCT, PRICE_CHANGE_MAX_PCT),
            (
                "population_growth_pct",
                POPULATION_GROWTH_MIN_PCT,
                POPULATION_GROWTH_MAX_PCT,
            ),
        ):
            object.__setattr__(self, name, self._check(name, getattr(self, name), lo, hi))
        if self.basis not in BASES:
            raise ValueError(f"basis must be one of {BASES}, not {self.basis!r}")
        if not isinstance(self.extend_to_2050, bool):
            raise TypeError("extend_to_2050 must be a bool")

    @staticmethod
    def _check(name: str, v: object, lo: float, hi: float) -> float:
        if not _finite(v):
            raise ValueError(f"{name} must be a finite number, not {v!r}")
        v = float(v)  # type: ignore[arg-type]
        if not lo <= v <= hi:
            raise ValueError(f"{name} = {v} outside {lo}..{hi}")
        return v + 0.0  # -0.0 -> 0.0

    def growth_for(self, year: int) -> float:
        """Real growth (%) used for a scenario year."""
        if year > TARGET_YEAR:
            return self.growth_2031_2050_pct
        return dict(self.growth_by_year).get(year, self.growth_pct)  # type: ignore[arg-type]


def population_factor(baseline: Baseline, basis: str) -> float:
    """Population on a basis per official person: 1, or 1 + the plan's converted ratio."""
    return 1.0 + baseline.plan.converted_ratio if basis == "total" else 1.0


def plan_defaults(baseline: Baseline) -> Scenario:
    """The app's default scenario.

    growth = the plan's (10 %); deflator and VND/USD change = the baseline's derived
    historical averages; population growth = the constant rate taking official
    population from the last actual year to the plan's 2030 figure (3,480 thousand:
    p = (3480 / O_L) ** (1 / (2030 - L)) - 1); basis official; no extension;
    growth 2031–2050 = 6 % (an assumption, not a plan figure).

    Derived rates are rounded to 0.1 percentage point, the precision of the
    app's sliders (so the default is exactly representable in the URL), and
    clipped to the model limits.
    """

    def r(v: float, lo: float, hi: float) -> float:
        return round(min(max(v, lo), hi), 1) + 0.0

    n = TARGET_YEAR - baseline.last_year
    if n > 0:
        goal = baseline.plan.population_official_thousand
        p = ((goal / baseline.population_thousand) ** (1 / n) - 1) * 100
    else:
        p = baseline.avg_population_growth_pct
    return Scenario(
        growth_pct=baseline.plan.growth_pct,
        deflator_pct=r(baseline.avg_deflator_pct, PRICE_CHANGE_MIN_PCT, PRICE_CHANGE_MAX_PCT),
        fx_change_pct=r(baseline.avg_fx_change_pct, PRICE_CHANGE_MIN_PCT, PRICE_CHANGE_MAX_PCT),
        population_growth_pct=r(p, POPULATION_GROWTH_MIN_PCT, POPULATION_GROWTH_MAX_PCT),
        basis="official",
        extend_to_2050=False,
        growth_2031_2050_pct=DEFAULT_GROWTH_2031_2050_PCT,
    )


COLUMNS: tuple[str, ...] = (
    "year",
    "kind",
    "real_growth_pct",
    "real_index",
    "plan_index",
    "nominal_grdp_bn_vnd",
    "population_thousand",
    "per_capita_mn_vnd",
    "vnd_per_usd",
    "per_capita_usd",
)
Columns = dict[str, list]


def _add_year(out: Columns, plan_growth_pct: float, **values: object) -> None:
    """One year's values, and the plan's index path (none after 2030)."""
    year = values["year"]
    values["plan_index"] = (
        100.0 * (1 + plan_growth_pct / 100) ** (year - BASE_YEAR)  # type: ignore[operator]
        if year <= TARGET_YEAR  # type: ignore[operator]
        else math.nan
    )
    for column in COLUMNS:
        out[column].append(values[column])


def _simulate(baseline: Baseline, scenario: Scenario, end_year: int) -> Columns:
    """Columns of the projection 2020..end_year as plain lists (no pandas)."""
    factor = population_factor(baseline, scenario.basis)
    out: Columns = {c: [] for c in COLUMNS}
    add = partial(_add_year, out, baseline.plan.growth_pct)
    idx = 100.0
    for a in baseline.years:
        if a.year > BASE_YEAR:
            idx *= 1.0 + a.real_growth_pct / 100.0
        pop = a.population_thousand * factor
        if factor == 1.0 and not math.isnan(a.per_capita_mn_vnd):
            y, u = a.per_capita_mn_vnd, a.per_capita_usd  # as published
        else:
            y = a.nominal_grdp_bn_vnd / pop
            u = y * 1e6 / a.vnd_per_usd
        if a.year <= end_year:
            add(
                year=a.year,
                kind="actual",
                real_growth_pct=a.real_growth_pct,
                real_index=idx,
                nominal_grdp_bn_vnd=a.nominal_grdp_bn_vnd,
                population_thousand=pop,
                per_capita_mn_vnd=y,
                vnd_per_usd=a.vnd_per_usd,
                per_capita_usd=u,
            )

    n = baseline.nominal_grdp_bn_vnd
    o = baseline.population_thousand
    x = baseline.vnd_per_usd
    d = 1.0 + scenario.deflator_pct / 100.0
    f = 1.0 + scenario.fx_change_pct / 100.0
    p = 1.0 + scenario.population_growth_pct / 100.0
    for year in range(baseline.last_year + 1, end_year + 1):
        g = scenario.growth_for(year)
        r = 1.0 + g / 100.0
        idx *= r
        n *= r * d
        o *= p
        x *= f
        pop = o * factor
        y = n / pop
        add(
            year=year,
            kind="scenario",
            real_growth_pct=g,
            real_index=idx,
            nominal_grdp_bn_vnd=n,
            population_thousand=pop,
            per_capita_mn_vnd=y,
            vnd_per_usd=x,
            per_capita_usd=y * 1e6 / x,
        )
    return out


def _frame(cols: Columns, end_year: int) -> pd.DataFrame:
    """The simulated columns up to ``end_year`` as the projection frame."""
    rows = cols["year"].index(end_year) + 1
    df = pd.DataFrame({c: cols[c][:rows] for c in COLUMNS}, columns=list(COLUMNS))
    df["year"] = df["year"].astype("int64")
    for c in COLUMNS[2:]:
        df[c] = df[c].astype("float64")
    return df


def _end_year(scenario: Scenario) -> int:
    return HORIZON_YEAR if scenario.extend_to_2050 else TARGET_YEAR


def project(baseline: Baseline, scenario: Scenario) -> pd.DataFrame:
    """One row per year 2020..2030 (..2050 when ``scenario.extend_to_2050``).

    Columns: ``COLUMNS``. ``kind`` is "actual" or "scenario"; ``plan_index``
    is NaN after 2030 (the plan has no path beyond it). For actual years on
    the official basis the published per-capita figures are shown; on the
    total basis they are recomputed as N / (O * (1 + 0.56/3.48)).
    """
    return _frame(_simulate(baseline, scenario, _end_year(scenario)), _end_year(scenario))


@dataclass(frozen=True)
class Summary:
    """Headline results of a scenario (None where not applicable).

    per_capita_target_usd: the plan's 2030 figure (15,800), from the baseline's plan.
    gap_to_target_usd = 15,800 - per capita 2030 (negative = above target).
    avg_growth_2021_2030_pct = (I_2030 / 100) ** (1/10) - 1 (actual + scenario).
    growth_needed_for_avg_pct: constant x in years L+1..2030 with
        (I_L / 100) * (1 + x) ** (2030 - L) = 1.1 ** 10.
    growth_needed_for_per_capita_pct: constant x in years L+1..2030 (overrides
        ignored) with u_2030 = 15,800, other assumptions unchanged:
        (1 + x) ** n = 15,800 * X_2030 * Pop_2030 / (1e6 * N_L * (1 + d) ** n).
    first_year_target_reached: first year with u_t >= 15,800, evaluated through
        2050 (growth 2031–2050 = scenario.growth_2031_2050_pct even when the
        extension is off); None if not by 2050.
    target_years_late = first_year_target_reached - 2030 (<= 0: on time or early).
    """

    grdp_2030_bn_vnd: float
    population_2030_thousand: float
    per_capita_2030_mn_vnd: float
    per_capita_2030_usd: float
    gap_to_target_usd: float
    real_index_2030: float
    avg_growth_2021_2030_pct: float
    growth_needed_for_avg_pct: float | None
    growth_needed_for_per_capita_pct: float | None
    first_year_target_reached: int | None
    target_years_late: int | None
    per_capita_target_usd: float


def _summary(baseline: Baseline, scenario: Scenario, cols: Columns) -> Summary:
    """Headline results from the columns simulated through 2050."""
    target = baseline.plan.per_capita_usd
    i30 = cols["year"].index(TARGET_YEAR)
    pop30 = cols["population_thousand"][i30]
    x30 = cols["vnd_per_usd"][i30]
    u30 = cols["per_capita_usd"][i30]
    idx30 = cols["real_index"][i30]
    span = TARGET_YEAR - BASE_YEAR
    n = TARGET_YEAR - baseline.last_year
    need_avg = need_pc = None
    if n > 0:
        plan_ratio = (1 + baseline.plan.growth_pct / 100) ** span
        need_avg = ((plan_ratio / (baseline.real_index_last / 100.0)) ** (1 / n) - 1) * 100.0
        n_needed = target * x30 * pop30 / 1e6
        d = 1.0 + scenario.deflator_pct / 100.0
        gross = n_needed / (baseline.nominal_grdp_bn_vnd * d**n)
        need_pc = (gross ** (1 / n) - 1) * 100.0
    first = next(
        (
            year
            for year, u in zip(cols["year"], cols["per_capita_usd"], strict=True)
            if not math.isnan(u) and u >= target - TARGET_TOLERANCE_USD
        ),
        None,
    )
    return Summary(
        grdp_2030_bn_vnd=cols["nominal_grdp_bn_vnd"][i30],
        population_2030_thousand=pop30,
        per_capita_2030_mn_vnd=cols["per_capita_mn_vnd"][i30],
        per_capita_2030_usd=u30,
        gap_to_target_usd=target - u30,
        real_index_2030=idx30,
        avg_growth_2021_2030_pct=((idx30 / 100.0) ** (1 / span) - 1) * 100.0,
        growth_needed_for_avg_pct=need_avg,
        growth_needed_for_per_capita_pct=need_pc,
        first_year_target_reached=first,
        target_years_late=None if first is None else first - TARGET_YEAR,
        per_capita_target_usd=target,
    )


def summarize(baseline: Baseline, scenario: Scenario) -> Summary:
    """Headline results; see ``Summary`` for the equations."""
    return _summary(baseline, scenario, _simulate(baseline, scenario, HORIZON_YEAR))


@dataclass(frozen=True)
class ScenarioResult:
    """A scenario's projection and summary from one simulation: the page, its charts,
    the slides and the PDF brief all draw these, so they show the same numbers."""

    scenario: Scenario
    projection: pd.DataFrame
    summary: Summary


def run(baseline: Baseline, scenario: Scenario) -> ScenarioResult:
    """``project`` and ``summarize`` of a scenario, simulated once (through 2050)."""
    cols = _simulate(baseline, scenario, HORIZON_YEAR)
    return ScenarioResult(
        scenario, _frame(cols, _end_year(scenario)), _summary(baseline, scenario, cols)
    )


@dataclass(frozen=True)
class Consistency:
    """What makes the two headline targets consistent (all rates in %).

    At real growth g (constant L+1..2030) and population reaching the plan's
    2030 figure (3,480 thousand official, or 4,040 total), per capita 2030 is
    15,800 USD exactly when the nominal-USD drift

        z = (1 + d) / (1 + f) - 1
        (1 + z) ** n = 15,800 * X_L * Pop_2030 / (1e6 * N_L * (1 + g) ** n)

    deflator_needed_pct = (1 + z) * (1 + f_default) - 1, with f_default the
    default VND/USD change (derived historical average). historical_* give
    the same figures from the derived historical averages for comparison.
    """

    growth_pct: float
    basis: str
    population_2030_thousand: float
    usd_drift_needed_pct: float
    fx_change_pct: float
    deflator_needed_pct: float
    historical_usd_drift_pct: float
    historical_deflator_pct: float


def consistent_assumptions(
    baseline: Baseline, growth_pct: float | None = None, basis: Basis = "official"
) -> Consistency:
    """See ``Consistency`` (growth: the plan's unless given). Raises ValueError if there
    is no scenario year."""
    if growth_pct is None:
        growth_pct = baseline.plan.growth_pct
    n = TARGET_YEAR - baseline.last_year
    if n <= 0:
        raise ValueError("no scenario years left before 2030")
    if not _finite(growth_pct) or not GROWTH_MIN_PCT <= growth_pct <= GROWTH_MAX_PCT:
        raise ValueError(f"growth_pct = {growth_pct!r} outside the model limits")
    if basis not in BASES:
        raise ValueError(f"basis must be one of {BASES}")
    pop30 = baseline.plan.population_thousand(basis)
    n_needed_usd_ratio = baseline.plan.per_capita_usd * baseline.vnd_per_usd * pop30 / 1e6
    gross = n_needed_usd_ratio / (baseline.nominal_grdp_bn_vnd * (1 + growth_pct / 100) ** n)
    z = gross ** (1 / n)
    f_default = plan_defaults(baseline).fx_change_pct
    return Consistency(
        growth_pct=float(growth_pct),
        basis=basis,
        population_2030_thousand=pop30,
        usd_drift_needed_pct=(z - 1) * 100.0,
        fx_change_pct=f_default,
        deflator_needed_pct=(z * (1 + f_default / 100) - 1) * 100.0,
        historical_usd_drift_pct=(
            (1 + baseline.avg_deflator_pct / 100) / (1 + baseline.avg_fx_change_pct / 100) - 1
        )
        * 100.0,
        historical_deflator_pct=baseline.avg_deflator_pct,
    )

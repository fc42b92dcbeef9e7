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

Assumptions a page must state: see ``ASSUMPTIONS`` below.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

import pandas as pd

BASE_YEAR = 2020
TARGET_YEAR = 2030
HORIZON_YEAR = 2050

PLAN_GROWTH_PCT = 10.0
PLAN_PER_CAPITA_USD_2030 = 15_800.0
PLAN_POPULATION_OFFICIAL_2030_THOUSAND = 3_480.0
PLAN_POPULATION_CONVERTED_2030_THOUSAND = 560.0
PLAN_POPULATION_TOTAL_2030_THOUSAND = 4_040.0
#: converted population as a share of official population, the plan's 2030
#: ratio (0.56 / 3.48), held constant in every year (an assumption).
CONVERTED_RATIO = PLAN_POPULATION_CONVERTED_2030_THOUSAND / PLAN_POPULATION_OFFICIAL_2030_THOUSAND

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

#: Keys of assumptions a page showing projections must state (the UI holds the text).
ASSUMPTIONS: tuple[str, ...] = (
    "historical_averages_are_derived",  # deflator, VND/USD change, population growth
    "constant_rates_after_last_actual_year",  # d, f, p constant in scenario years
    "converted_population_ratio_held_constant",  # converted = official * 0.56/3.48
    "default_population_reaches_plan_official_2030",  # default p hits 3,480 thousand
    "growth_2031_2050_is_an_assumption",  # not a plan figure
    "actual_years_may_contain_filled_cells",  # see Baseline.filled
    "last_year_anchors_may_be_extrapolated",  # method "extrapolated" in Baseline.filled
)


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
    def from_outturn(cls, df: pd.DataFrame) -> Baseline:
        """Build from the outturn table (columns as in data/economy_outturn.csv).

        Uses rows from 2020 on (earlier rows only feed the averages). Years
        must be consecutive from 2020 and end by 2030. Raises ValueError when
        an anchor of the last year (N, O, X) cannot be derived from the same
        year nor extrapolated from an earlier one.
        """
        if "year" not in df.columns:
            raise ValueError("outturn has no 'year' column")

        def col(name: str) -> pd.Series:
            if name in df.columns:
                return pd.to_numeric(df[name], errors="coerce").astype("float64")
            return pd.Series(math.nan, index=df.index, dtype="float64")

        years = pd.to_numeric(df["year"], errors="coerce")
        raw = pd.DataFrame(
            {
                "g": col("grdp_growth_real_pct"),
                "n": col("grdp_current_bn_vnd"),
                "y": col("grdp_per_capita_mn_vnd"),
                "u": col("grdp_per_capita_usd"),
                "o": col("population_thousand"),
                "x": col("vnd_per_usd"),
            }
        )
        raw["year"] = years
        raw = raw[raw["year"].notna()]
        if (raw["year"] != raw["year"].round()).any():
            raise ValueError("outturn has a non-integer year")
        raw["year"] = raw["year"].astype("int64")
        raw = raw.sort_values("year")
        if raw["year"].duplicated().any():
            dup = sorted(set(raw.loc[raw["year"].duplicated(), "year"].tolist()))
            raise ValueError(f"outturn repeats year(s) {dup}")
        # Non-finite (inf) and non-positive levels are treated as unknown.
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

        filled: list[tuple[int, str, str]] = []
        isnan = math.isnan

        def fill_year(yr: int) -> None:
            """Fill a year's empty levels from its other figures (method "derived")."""
            r = rows[yr]

            def put(key: str, column: str, value: float) -> None:
                r[key] = value
                filled.append((yr, column, "derived"))

            if isnan(r["x"]) and not isnan(r["y"]) and not isnan(r["u"]):
                put("x", "vnd_per_usd", r["y"] * 1e6 / r["u"])
            if isnan(r["y"]) and not isnan(r["u"]) and not isnan(r["x"]):
                put("y", "grdp_per_capita_mn_vnd", r["u"] * r["x"] / 1e6)
            if isnan(r["n"]) and not isnan(r["y"]) and not isnan(r["o"]):
                put("n", "grdp_current_bn_vnd", r["y"] * r["o"])
            if isnan(r["o"]) and not isnan(r["n"]) and not isnan(r["y"]):
                put("o", "population_thousand", r["n"] / r["y"])
            if isnan(r["y"]) and not isnan(r["n"]) and not isnan(r["o"]):
                put("y", "grdp_per_capita_mn_vnd", r["n"] / r["o"])
            if isnan(r["u"]) and not isnan(r["y"]) and not isnan(r["x"]):
                put("u", "grdp_per_capita_usd", r["y"] * 1e6 / r["x"])

        for yr in sorted(rows):
            fill_year(yr)

        # Historical averages (derived).
        defl, fx, pop = [], [], []
        for yr in sorted(rows):
            prev = rows.get(yr - 1)
            if prev is None:
                continue
            r = rows[yr]
            if not (isnan(r["n"]) or isnan(prev["n"]) or isnan(r["g"])):
                defl.append(r["n"] / prev["n"] / (1.0 + r["g"] / 100.0))
            if not (isnan(r["x"]) or isnan(prev["x"])):
                fx.append(r["x"] / prev["x"])
            if not (isnan(r["o"]) or isnan(prev["o"])):
                pop.append(r["o"] / prev["o"])
        avg_defl = _geo_mean_pct(defl)
        avg_fx = _geo_mean_pct(fx)
        avg_pop = _geo_mean_pct(pop)
        avg_defl_pct = avg_defl if avg_defl is not None else 0.0
        avg_fx_pct = avg_fx if avg_fx is not None else 0.0
        avg_pop_pct = avg_pop if avg_pop is not None else 0.0

        # Missing real growth of an actual year (2021..last): from nominal growth.
        for yr in range(BASE_YEAR + 1, last + 1):
            r, prev = rows[yr], rows[yr - 1]
            if isnan(r["g"]):
                if isnan(r["n"]) or isnan(prev["n"]):
                    raise ValueError(
                        f"real growth {yr} is missing and cannot be derived from nominal GRDP"
                    )
                r["g"] = (r["n"] / prev["n"] / (1.0 + avg_defl_pct / 100.0) - 1.0) * 100.0
                filled.append((yr, "grdp_growth_real_pct", "derived"))

        # Anchors of the last year still missing: carry the latest known value
        # forward at the historical average rate (method "extrapolated").
        lr = rows[last]

        def latest(key: str) -> int | None:
            known = [yr for yr in rows if yr < last and not isnan(rows[yr][key])]
            return max(known) if known else None

        if isnan(lr["o"]) and (k := latest("o")) is not None:
            lr["o"] = rows[k]["o"] * (1 + avg_pop_pct / 100) ** (last - k)
            filled.append((last, "population_thousand", "extrapolated"))
        if isnan(lr["x"]) and (k := latest("x")) is not None:
            lr["x"] = rows[k]["x"] * (1 + avg_fx_pct / 100) ** (last - k)
            filled.append((last, "vnd_per_usd", "extrapolated"))
        fill_year(last)
        if isnan(lr["n"]) and (k := latest("n")) is not None:
            n = rows[k]["n"]
            for yr in range(k + 1, last + 1):
                n *= (1 + rows[yr]["g"] / 100) * (1 + avg_defl_pct / 100)
            lr["n"] = n
            filled.append((last, "grdp_current_bn_vnd", "extrapolated"))
            fill_year(last)
        for key, name in (
            ("n", "nominal GRDP"),
            ("o", "population"),
            ("x", "VND/USD rate"),
        ):
            if isnan(lr[key]):
                raise ValueError(
                    f"{name} of the last actual year {last} is missing and no earlier year has it"
                )

        actual = tuple(
            ActualYear(
                year=yr,
                real_growth_pct=rows[yr]["g"],
                nominal_grdp_bn_vnd=rows[yr]["n"],
                population_thousand=rows[yr]["o"],
                per_capita_mn_vnd=rows[yr]["y"],
                per_capita_usd=rows[yr]["u"],
                vnd_per_usd=rows[yr]["x"],
            )
            for yr in range(BASE_YEAR, last + 1)
        )
        return cls(
            years=actual,
            avg_deflator_pct=avg_defl_pct,
            avg_fx_change_pct=avg_fx_pct,
            avg_population_growth_pct=avg_pop_pct,
            deflator_pairs=len(defl),
            fx_pairs=len(fx),
            population_pairs=len(pop),
            filled=tuple(sorted(set(filled))),
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

    growth_pct: float = PLAN_GROWTH_PCT
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


def _population_factor(basis: str) -> float:
    return 1.0 + CONVERTED_RATIO if basis == "total" else 1.0


def plan_defaults(baseline: Baseline) -> Scenario:
    """The app's default scenario.

    growth 10 % (plan); deflator and VND/USD change = the baseline's derived
    historical averages; population growth = the constant rate taking official
    population from the last actual year to 3,480 thousand in 2030
    (p = (3480 / O_L) ** (1 / (2030 - L)) - 1); basis official; no extension;
    growth 2031–2050 = 6 % (an assumption, not a plan figure).

    Derived rates are rounded to 0.1 percentage point, the precision of the
    app's sliders (so the default is exactly representable in the URL), and
    clipped to the model limits.
    """

    def r(v: float, lo: float, hi: float) -> float:
        return round(min(max(v, lo), hi), 1) + 0.0

    n = TARGET_YEAR - baseline.last_year
    if n > 0:
        p = (
            (PLAN_POPULATION_OFFICIAL_2030_THOUSAND / baseline.population_thousand) ** (1 / n) - 1
        ) * 100
    else:
        p = baseline.avg_population_growth_pct
    return Scenario(
        growth_pct=PLAN_GROWTH_PCT,
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


def _simulate(baseline: Baseline, scenario: Scenario, end_year: int) -> dict[str, list]:
    """Columns of the projection 2020..end_year as plain lists (no pandas)."""
    factor = _population_factor(scenario.basis)
    out: dict[str, list] = {c: [] for c in COLUMNS}
    nan = math.nan

    def add(year, kind, g, idx, n, pop, y, x, u):
        out["year"].append(year)
        out["kind"].append(kind)
        out["real_growth_pct"].append(g)
        out["real_index"].append(idx)
        out["plan_index"].append(
            100.0 * (1 + PLAN_GROWTH_PCT / 100) ** (year - BASE_YEAR)
            if year <= TARGET_YEAR
            else nan
        )
        out["nominal_grdp_bn_vnd"].append(n)
        out["population_thousand"].append(pop)
        out["per_capita_mn_vnd"].append(y)
        out["vnd_per_usd"].append(x)
        out["per_capita_usd"].append(u)

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
                a.year,
                "actual",
                a.real_growth_pct,
                idx,
                a.nominal_grdp_bn_vnd,
                pop,
                y,
                a.vnd_per_usd,
                u,
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
        add(year, "scenario", g, idx, n, pop, y, x, y * 1e6 / x)
    return out


def project(baseline: Baseline, scenario: Scenario) -> pd.DataFrame:
    """One row per year 2020..2030 (..2050 when ``scenario.extend_to_2050``).

    Columns: ``COLUMNS``. ``kind`` is "actual" or "scenario"; ``plan_index``
    is NaN after 2030 (the plan has no path beyond it). For actual years on
    the official basis the published per-capita figures are shown; on the
    total basis they are recomputed as N / (O * (1 + 0.56/3.48)).
    """
    end = HORIZON_YEAR if scenario.extend_to_2050 else TARGET_YEAR
    cols = _simulate(baseline, scenario, end)
    df = pd.DataFrame(cols, columns=list(COLUMNS))
    df["year"] = df["year"].astype("int64")
    for c in COLUMNS[2:]:
        df[c] = df[c].astype("float64")
    return df


@dataclass(frozen=True)
class Summary:
    """Headline results of a scenario (None where not applicable).

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


def summarize(baseline: Baseline, scenario: Scenario) -> Summary:
    """Headline results; see ``Summary`` for the equations."""
    cols = _simulate(baseline, scenario, HORIZON_YEAR)
    i30 = cols["year"].index(TARGET_YEAR)
    n30 = cols["nominal_grdp_bn_vnd"][i30]
    pop30 = cols["population_thousand"][i30]
    x30 = cols["vnd_per_usd"][i30]
    u30 = cols["per_capita_usd"][i30]
    idx30 = cols["real_index"][i30]
    span = TARGET_YEAR - BASE_YEAR
    avg = ((idx30 / 100.0) ** (1 / span) - 1) * 100.0

    n = TARGET_YEAR - baseline.last_year
    need_avg = need_pc = None
    if n > 0:
        plan_ratio = (1 + PLAN_GROWTH_PCT / 100) ** span
        need_avg = ((plan_ratio / (baseline.real_index_last / 100.0)) ** (1 / n) - 1) * 100.0
        n_needed = PLAN_PER_CAPITA_USD_2030 * x30 * pop30 / 1e6
        d = 1.0 + scenario.deflator_pct / 100.0
        gross = n_needed / (baseline.nominal_grdp_bn_vnd * d**n)
        need_pc = (gross ** (1 / n) - 1) * 100.0

    first = None
    for year, u in zip(cols["year"], cols["per_capita_usd"], strict=True):
        if not math.isnan(u) and u >= PLAN_PER_CAPITA_USD_2030 - TARGET_TOLERANCE_USD:
            first = year
            break
    return Summary(
        grdp_2030_bn_vnd=n30,
        population_2030_thousand=pop30,
        per_capita_2030_mn_vnd=cols["per_capita_mn_vnd"][i30],
        per_capita_2030_usd=u30,
        gap_to_target_usd=PLAN_PER_CAPITA_USD_2030 - u30,
        real_index_2030=idx30,
        avg_growth_2021_2030_pct=avg,
        growth_needed_for_avg_pct=need_avg,
        growth_needed_for_per_capita_pct=need_pc,
        first_year_target_reached=first,
        target_years_late=None if first is None else first - TARGET_YEAR,
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
    baseline: Baseline, growth_pct: float = PLAN_GROWTH_PCT, basis: Basis = "official"
) -> Consistency:
    """See ``Consistency``. Raises ValueError if there is no scenario year."""
    n = TARGET_YEAR - baseline.last_year
    if n <= 0:
        raise ValueError("no scenario years left before 2030")
    if not _finite(growth_pct) or not GROWTH_MIN_PCT <= growth_pct <= GROWTH_MAX_PCT:
        raise ValueError(f"growth_pct = {growth_pct!r} outside the model limits")
    if basis not in BASES:
        raise ValueError(f"basis must be one of {BASES}")
    pop30 = (
        PLAN_POPULATION_TOTAL_2030_THOUSAND
        if basis == "total"
        else PLAN_POPULATION_OFFICIAL_2030_THOUSAND
    )
    n_needed_usd_ratio = PLAN_PER_CAPITA_USD_2030 * baseline.vnd_per_usd * pop30 / 1e6
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

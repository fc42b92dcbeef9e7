"""Is each quantified plan target on track? Its required path, the latest outturn, a status.

Plain Python (no Streamlit). For every row of ``plan_targets.csv``:

* **Required path** from a base year to the target year. Rates and levels grow at a
  constant rate (``path_kind`` "compound"): ``v_t = v_b * (T / v_b) ** ((t - b) / (Y - b))``;
  shares and percentages move by equal steps ("linear"): ``v_t = v_b + (T - v_b) * (t - b) /
  (Y - b)``. The average-growth target is the one rate: its path is the real GRDP index
  ``100 * (1 + T) ** (t - 2020)`` ("compound"), and its outturn the index chained from the
  yearly real growth (``Baseline.real_index_last`` does the same chain).
* **Base year**: 2020 where the outturn has the figure, else the first year that has it.
* **Outturn**: the latest year with a figure in the column the target's row of
  plan_targets.csv names (``outturn_column``, see ``outturn_measures``). A target
  with no column, or with fewer than two years of it (one figure is no trend), is
  ``no_data``: never imputed.
* **Status**: the shortfall against the path in the outturn year, counted in years of
  required progress (one year = one step of the path at that point). ``THRESHOLDS`` holds
  the limits; see ``Thresholds``. Being ahead of the path counts as on track.

How a comparator is read (``reading``): "about" targets get a tolerance (the path aims at
the target less ``about_tolerance`` of it, in the direction of travel); a "range" aims at
its nearer bound; shares are a composition, each read by the direction it must move
from its base (industry 66.94 % in 2020 to 64 %: must fall). "exact", "above" and
"below" aim at the stated value (``reading`` None).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

import pandas as pd

from core.plan import AVERAGE_GROWTH_UNIT
from core.schemas import SHARE_TARGET_IDS
from core.text import parse_choice

BASE_YEAR = 2020
STATUSES = ("on_track", "behind", "far_behind", "no_data")


@dataclass(frozen=True)
class Thresholds:
    """The one definition of the statuses (shown on the page as it is here).

    behind_years: more than this many years of required progress short → "behind".
    far_behind_years: more than this many → "far_behind". At most ``behind_years`` →
    "on_track". about_tolerance: share of an "about" target that still counts as about it.
    """

    behind_years: float = 1.0
    far_behind_years: float = 3.0
    about_tolerance: float = 0.05


THRESHOLDS = Thresholds()


@dataclass(frozen=True)
class Outturn:
    """Where a target's outturn comes from: a column of economy_outturn.csv, a scale to
    the target's unit, and whether the tracker derives the figure (average growth)."""

    column: str
    scale: float = 1.0
    average_growth: bool = False


def outturn_measures(targets: pd.DataFrame) -> dict[str, Outturn]:
    """The outturn of each target that has one, from its row of plan_targets.csv
    (``outturn_column``, ``outturn_scale``); every other target is "no_data"."""
    measures = {}
    for row in targets.to_dict("records"):
        column = row.get("outturn_column")
        if isinstance(column, str) and column:
            scale = row.get("outturn_scale")
            measures[row["id"]] = Outturn(
                column,
                scale=float(scale) if pd.notna(scale) else 1.0,
                average_growth=row["unit"] == AVERAGE_GROWTH_UNIT,
            )
    return measures


#: Units whose path moves by equal steps; every other unit (rates, levels) compounds.
LINEAR_UNITS = frozenset({"percent"})
#: The sector shares: a composition, each read by the direction it must move.
COMPOSITION_TARGETS = frozenset(SHARE_TARGET_IDS)


@dataclass(frozen=True)
class TrackedTarget:
    """One target with its path and status, values in the target's unit.

    For the average-growth target ``outturn_value`` is the average real growth from the
    base year to ``outturn_year``, ``required_value`` the average the path needs, and the
    status is read on the real index. ``outturn_derived``: the figure is computed (by the
    tracker, or listed in the outturn row's ``derived_columns``); ``outturn_kind``: actual,
    estimate or revised, as that row says.
    """

    target_id: str
    category: str
    comparator: str
    unit: str
    target_value: float
    target_year: int
    path_kind: str  # "compound" | "linear"
    reading: str | None  # None | "about_target" | "range_bound" | "composition"
    status: str
    on_index: bool = False  # average growth: path and outturn compared on the real index
    aim: float | None = None  # where the path ends, after the comparator's reading
    direction: int = 0  # +1 must rise, −1 must fall, 0 already there
    base_year: int | None = None
    base_value: float | None = None
    outturn_year: int | None = None
    outturn_value: float | None = None
    outturn_column: str | None = None
    outturn_derived: bool = False
    outturn_kind: str | None = None
    required_value: float | None = None
    years_short: float | None = None
    sources: tuple[str, ...] = ()

    def required_at(self, year: int) -> float:
        """The path's value in ``year``; for the average-growth target, the real index."""
        if self.base_year is None or self.base_value is None or self.aim is None:
            raise ValueError(f"{self.target_id} has no path: no outturn")
        if self.on_index:
            return 100.0 * (1 + self.aim / 100) ** (year - self.base_year)
        share = (year - self.base_year) / (self.target_year - self.base_year)
        if self.path_kind == "linear":
            return self.base_value + (self.aim - self.base_value) * share
        return self.base_value * (self.aim / self.base_value) ** share

    def path(self) -> list[tuple[int, float]]:
        """The required path year by year from the base year ([] without outturn)."""
        if self.base_year is None:
            return []
        return [(y, self.required_at(y)) for y in range(self.base_year, self.target_year + 1)]


def path_kind(unit: str) -> str:
    """Rates and levels compound; shares and percentages move linearly."""
    return "linear" if unit in LINEAR_UNITS else "compound"


def reading_of(target_id: str, comparator: str) -> str | None:
    """How a target is read when compared (see the module text); None: as stated."""
    if comparator == "about":
        return "about_target"
    if comparator == "range":
        return "range_bound"
    return "composition" if target_id in COMPOSITION_TARGETS else None


def aim_of(row: Mapping, base: float, thresholds: Thresholds = THRESHOLDS) -> tuple[float, int]:
    """(where the path ends, direction) for a target row seen from its base value."""
    low, high = float(row["value_min"]), float(row["value_max"])
    aim = (low if base < low else high if base > high else base) if low != high else low
    direction = (aim > base) - (aim < base)
    if row["comparator"] == "about":
        aim *= 1 - thresholds.about_tolerance * direction
    return aim, direction


def status_for(years_short: float, thresholds: Thresholds = THRESHOLDS) -> str:
    if years_short > thresholds.far_behind_years:
        return "far_behind"
    if years_short > thresholds.behind_years:
        return "behind"
    return "on_track"


def track(
    targets: pd.DataFrame,
    outturn: pd.DataFrame,
    thresholds: Thresholds = THRESHOLDS,
    measures: Mapping[str, Outturn] | None = None,
) -> list[TrackedTarget]:
    """Every target of plan_targets.csv with its path and status, in the file's order.
    ``measures`` says which outturn column measures which target (by default the
    table's own ``outturn_measures``)."""
    if measures is None:
        measures = outturn_measures(targets)
    years = _outturn_by_year(outturn)
    return [
        _track_one(row, measures.get(row["id"]), years, thresholds)
        for row in targets.to_dict("records")
    ]


def status_counts(tracked: Iterable[TrackedTarget]) -> dict[str, int]:
    """How many targets have each status, every status listed (zeros too), in order."""
    counted = Counter(item.status for item in tracked)
    return {status: counted.get(status, 0) for status in STATUSES}


def _outturn_by_year(outturn: pd.DataFrame) -> dict[int, dict]:
    rows = {}
    for record in outturn.to_dict("records"):
        rows[int(record["year"])] = record
    return dict(sorted(rows.items()))


def _figure(record: dict, column: str) -> float | None:
    value = pd.to_numeric(record.get(column), errors="coerce")
    return float(value) if pd.notna(value) and math.isfinite(value) else None


def _sources(*cells: object) -> tuple[str, ...]:
    """Source ids of the target and of the outturn rows used, each once, in order."""
    ids: dict[str, None] = {}
    for cell in cells:
        if isinstance(cell, str):
            ids.update(dict.fromkeys(cell.split(";")))
    return tuple(ids)


def _track_one(
    row: Mapping, spec: Outturn | None, years: dict[int, dict], thresholds: Thresholds
) -> TrackedTarget:
    blank = TrackedTarget(
        target_id=row["id"],
        category=row["category"],
        comparator=row["comparator"],
        unit=row["unit"],
        target_value=float(row["value_min"]),
        target_year=int(row["year"]),
        path_kind=path_kind(row["unit"]),
        reading=reading_of(row["id"], row["comparator"]),
        status="no_data",
        on_index=spec is not None and spec.average_growth,
        sources=_sources(row["source"]),
    )
    if spec is None:
        return blank
    seen = _growth_outturn(spec, years) if spec.average_growth else _level_outturn(spec, years)
    if seen is None:
        return replace(blank, outturn_column=spec.column)
    # Growth is read from 0 %: the path aims at the (toleranced) rate itself.
    aim, direction = aim_of(row, 0.0 if spec.average_growth else seen.base_value, thresholds)
    tracked = replace(
        blank,
        aim=aim,
        direction=direction,
        base_year=seen.base_year,
        base_value=seen.base_value,
        outturn_year=seen.year,
        outturn_value=seen.value,
        outturn_column=spec.column,
        outturn_derived=seen.derived,
        outturn_kind=years[seen.year].get("status"),
        sources=_sources(row["source"], *(years[y].get("source") for y in seen.used_years)),
    )
    required = tracked.required_at(seen.year)
    short = _years_short(tracked, required, seen.compared, thresholds)
    return replace(
        tracked,
        required_value=aim if spec.average_growth else required,
        years_short=short,
        status=status_for(short, thresholds),
    )


@dataclass(frozen=True)
class _Seen:
    """What the outturn says about one target: base and latest figure, the figure the
    path is compared with (the real index for growth), the rows used."""

    base_year: int
    base_value: float
    year: int
    value: float
    compared: float
    derived: bool
    used_years: tuple[int, ...]


def _derived(record: dict, column: str) -> bool:
    listed = record.get("derived_columns")
    return isinstance(listed, str) and column in listed.split(";")


def _level_outturn(spec: Outturn, years: dict[int, dict]) -> _Seen | None:
    """Base: 2020 if it has the figure, else the first year that has it; latest: the last
    year that has it. None unless the two differ (one figure is no trend)."""
    known = {y: v for y, r in years.items() if (v := _figure(r, spec.column)) is not None}
    if not known:
        return None
    base = BASE_YEAR if BASE_YEAR in known else min(known)
    latest = max(known)
    if latest <= base:
        return None
    value = known[latest] * spec.scale
    return _Seen(
        base_year=base,
        base_value=known[base] * spec.scale,
        year=latest,
        value=value,
        compared=value,
        derived=_derived(years[latest], spec.column),
        used_years=(base, latest),
    )


def _growth_outturn(spec: Outturn, years: dict[int, dict]) -> _Seen | None:
    """The real index chained from 2021 while each year has its growth (2020 = 100) and
    the average growth it implies; derived by the tracker, so always marked derived."""
    index, latest, used = 100.0, None, []
    for year in range(BASE_YEAR + 1, max(years, default=BASE_YEAR) + 1):
        growth = _figure(years.get(year, {}), spec.column)
        if growth is None or growth <= -100:
            break
        index *= 1 + growth / 100
        latest = year
        used.append(year)
    if latest is None:
        return None
    average = ((index / 100) ** (1 / (latest - BASE_YEAR)) - 1) * 100
    return _Seen(BASE_YEAR, 100.0, latest, average, index, True, tuple(used))


def _years_short(
    tracked: TrackedTarget, required: float, compared: float, thresholds: Thresholds
) -> float:
    """How many years of required progress the outturn lags the path (0 when ahead)."""
    span = tracked.target_year - tracked.base_year
    if tracked.on_index:
        yearly = math.log(1 + tracked.aim / 100)
        lag = math.log(required / compared) if compared > 0 else math.inf
    elif tracked.path_kind == "linear":
        yearly = (tracked.aim - tracked.base_value) / span
        lag = required - compared
    else:
        yearly = math.log(tracked.aim / tracked.base_value) / span
        lag = math.log(required / compared) if compared > 0 else math.inf
    if yearly == 0:  # nothing to gain: hold the value within the tolerance
        near = abs(compared - required) <= thresholds.about_tolerance * abs(required)
        return 0.0 if near else math.inf
    return max(0.0, lag / yearly)


# --- The tracker's state in the URL ------------------------------------------------------

_MAX_PARAM = 200


@dataclass(frozen=True)
class TrackerLink:
    """What a link asks the tracker for: statuses and categories to show (empty = all), a
    target to open (None = none), and the raw values that could not be used, by parameter
    name, for the page's notice (shown in a code span, never as markup)."""

    statuses: tuple[str, ...] = ()
    target: str | None = None
    rejected: tuple[tuple[str, str], ...] = ()
    categories: tuple[str, ...] = ()


def _parse_many(
    name: str, raw: Sequence[str], allowed: Sequence[str], rejected: list
) -> tuple[str, ...]:
    """Known names of a repeated (``?status=a&status=b``) or comma-separated parameter,
    in ``allowed``'s order; the raw value is reported if any part is unknown or it is
    overlong (the known parts of a partly wrong list are kept)."""
    if not raw:
        return ()
    value = ",".join(raw)
    parts = [part.strip().lower() for part in value.split(",")]
    chosen = tuple(item for item in allowed if item in parts) if len(value) <= _MAX_PARAM else ()
    if not chosen or any(part not in allowed for part in parts):
        rejected.append((name, value))
    return chosen


def parse_link(
    status_raw: Sequence[str],
    target_raw: Sequence[str],
    target_ids: Iterable[str],
    category_raw: Sequence[str] = (),
    categories: Sequence[str] = (),
) -> TrackerLink:
    """``?status=behind&status=far_behind`` (or ``behind,far_behind``), ``?category=economy``
    and ``?target=<id>``. An unknown or overlong value is rejected and reported, and the
    defaults (all statuses and categories, no target) stand in."""
    rejected: list[tuple[str, str]] = []
    statuses = _parse_many("status", status_raw, STATUSES, rejected)
    chosen_categories = _parse_many("category", category_raw, tuple(categories), rejected)
    target, bad_target = parse_choice(target_raw, target_ids)
    if bad_target is not None:
        rejected.append(("target", bad_target))
    return TrackerLink(statuses, target, tuple(rejected), chosen_categories)


def tracked_frame(tracked: Iterable[TrackedTarget]) -> pd.DataFrame:
    """The tracker as a table (one row per target) for display and CSV download."""
    rows = []
    for item in tracked:
        row = {name: getattr(item, name) for name in TrackedTarget.__dataclass_fields__}
        row["sources"] = ";".join(item.sources)
        rows.append(row)
    return pd.DataFrame(rows, columns=list(TrackedTarget.__dataclass_fields__))


# --- What the page shows of each target ----------------------------------------------------

#: Decimals a value of each unit is shown with: shares and populations as published,
#: rates to a tenth, money and densities whole or to a tenth.
DISPLAY_DECIMALS: Mapping[str, int] = {
    "percent": 2,
    "percent_per_year": 1,
    "usd_per_person": 0,
    "million_people": 2,
    "per_10k_people": 1,
}


def shown_base(item: TrackedTarget) -> float | None:
    """The base value in the target's unit; None for the average-growth target, whose
    base is the real index (2020 = 100), not a rate."""
    return None if item.on_index else item.base_value


def outturn_quality(item: TrackedTarget) -> tuple[str, ...]:
    """What marks the outturn figure: its row's kind unless actual, and "derived" when
    the figure is computed rather than published."""
    marks = [item.outturn_kind] if item.outturn_kind not in (None, "actual") else []
    return (*marks, "derived") if item.outturn_derived else tuple(marks)


# --- Where the plan stands now (commitments.csv) ----------------------------------------


def commitment_groups(commitments: pd.DataFrame) -> list[tuple[dict, ...]]:
    """Each commitment once, in file order; two rows whose sources disagree
    (``conflict_with``) come together, as one group, where the first of them stands."""
    rows = {row["id"]: row for row in commitments.to_dict("records")}
    groups, placed = [], set()
    for key, row in rows.items():
        if key in placed:
            continue
        partner = row.get("conflict_with")
        group = (row, rows[partner]) if isinstance(partner, str) and partner in rows else (row,)
        placed.update(member["id"] for member in group)
        groups.append(group)
    return groups


def commitments_as_events(commitments: pd.DataFrame) -> pd.DataFrame:
    """The commitments as timeline.csv rows (kind "commitment", dated by "as of"), so the
    timeline draws each where it is known to stand; ``conflict_with`` is kept."""
    return pd.DataFrame(
        {
            "date": commitments["as_of"],
            "kind": "commitment",
            "event_vi": commitments["name_vi"],
            "event_en": commitments["name_en"],
            "actors_vi": None,
            "actors_en": None,
            "outcome_vi": commitments["status_vi"],
            "outcome_en": commitments["status_en"],
            "source": commitments["source"],
            "conflict_with": commitments["conflict_with"],
        }
    )

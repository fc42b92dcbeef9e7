"""The economy figures the pages show beside the plan, computed once (no Streamlit).

The economy page, the presentation's slides and the PDF brief draw these; they only
format and arrange them. Each figure carries its data quality:

* "published": a figure as its source printed it;
* "estimate": the source's own estimate (a year whose ``status`` is estimate);
* "derived": computed here or in the data file (``derived_columns``, the model's filled
  cells, or a per-capita figure recomputed on the total-population basis).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from core.i18n import Translator
from core.model import BASE_YEAR, Baseline
from core.plan import AVERAGE_GROWTH_UNIT
from core.schemas import SHARE_COLUMNS, SHARE_TARGET_IDS

QUALITIES = ("published", "estimate", "derived")


@dataclass(frozen=True)
class ShownTarget:
    """A target the progress chart shows: its outturn's unit key and decimals (the
    ``progress_unit`` and ``progress_decimals`` of its row in plan_targets.csv)."""

    target_id: str
    unit: str  # key of economy.unit.* in the catalogs
    decimals: int


#: The plan's headline targets, the first cards of the overview and of the presentation.
HEADLINE_TARGETS = ("growth_2021_2030", "grdp_per_capita_usd", "population_total")


def shown_targets(targets: pd.DataFrame) -> tuple[ShownTarget, ...]:
    """The targets the page's progress chart shows, in the file's order: the rows of
    plan_targets.csv with a ``progress_unit``. The slides show a subset."""
    rows = targets[targets["progress_unit"].notna()]
    return tuple(
        ShownTarget(row.id, row.progress_unit, int(row.progress_decimals))
        for row in rows.itertuples(index=False)
    )


#: The targets on the presentation's targets slide (catalog label, target id).
SLIDE_TARGETS: tuple[tuple[str, str], ...] = (
    ("growth", "growth_2021_2030"),
    ("per_capita", "grdp_per_capita_usd"),
    ("industry", "share_industry_construction"),
    ("digital", "digital_economy_share"),
)


def outturn_quality(
    outturn: pd.DataFrame,
    filled: Iterable[tuple[int, str, str]],
    column: str,
    recomputed: bool = False,
) -> dict[int, str]:
    """Quality of one outturn column per year: "derived" when computed (from the data
    file's ``derived_columns``, the model's filled cells, or a recomputed basis),
    "estimate" when the year's status is an estimate, else "published"."""
    model_filled = {year for year, name, _ in filled if name == column}
    quality = {}
    for row in outturn.itertuples(index=False):
        derived = (
            str(row.derived_columns).split(";") if isinstance(row.derived_columns, str) else []
        )
        if recomputed or column in derived or row.year in model_filled:
            quality[int(row.year)] = "derived"
        elif row.status == "estimate":
            quality[int(row.year)] = "estimate"
        else:
            quality[int(row.year)] = "published"
    return quality


@dataclass(frozen=True)
class GrowthToDate:
    """Average real growth over the actual years 2021..last (geometric, from the index)."""

    first_year: int
    last_year: int
    average_pct: float
    quality: str  # "published" only when every year's growth is


def growth_to_date(outturn: pd.DataFrame, baseline: Baseline) -> GrowthToDate:
    last = baseline.last_year
    average = ((baseline.real_index_last / 100) ** (1 / (last - BASE_YEAR)) - 1) * 100
    quality = outturn_quality(outturn, baseline.filled, "grdp_growth_real_pct")
    years = [year for year in range(BASE_YEAR + 1, last + 1) if year in quality]
    worst = "estimate" if any(quality[year] != "published" for year in years) else "published"
    return GrowthToDate(BASE_YEAR + 1, last, average, worst)


@dataclass(frozen=True)
class Progress:
    """A target beside its latest outturn. ``value`` None: no outturn was found; then
    ``period`` and ``quality`` are None and ``progress_pct`` is NaN."""

    target_id: str
    unit: str
    decimals: int
    value: float | None
    period: str | None  # "2024" or "2021–2024"
    quality: str | None
    progress_pct: float  # value / target × 100
    target: float
    source: str


def _latest_shares(outturn: pd.DataFrame) -> pd.Series | None:
    shares = outturn.dropna(subset=list(SHARE_COLUMNS))
    return shares.iloc[-1] if len(shares) else None


def _status_quality(status: str) -> str:
    return "estimate" if status == "estimate" else "published"


def latest_outturns(
    outturn: pd.DataFrame, targets: pd.DataFrame, baseline: Baseline
) -> dict[str, tuple[float, str, str]]:
    """(value, period, quality) of the latest outturn of each target that has one: the
    column its row of plan_targets.csv names (``outturn_column``, times ``outturn_scale``);
    an average-growth target's is the average to date."""
    found = {}
    for row in targets.itertuples(index=False):
        column = row.outturn_column
        if not isinstance(column, str) or column not in outturn.columns:
            continue
        if row.unit == AVERAGE_GROWTH_UNIT:
            growth = growth_to_date(outturn, baseline)
            period = f"{growth.first_year}–{growth.last_year}"
            found[row.id] = (growth.average_pct, period, growth.quality)
            continue
        known = outturn.dropna(subset=[column])
        if len(known):
            latest = known.iloc[-1]
            year = int(latest["year"])
            scale = 1.0 if pd.isna(row.outturn_scale) else float(row.outturn_scale)
            quality = outturn_quality(outturn, baseline.filled, column)[year]
            found[row.id] = (float(latest[column]) * scale, str(year), quality)
    return found


#: A card whose target has no outturn of its own shows that of a comparable one: the
#: total population (official plus converted) has none, the official population has.
COMPARABLE_OUTTURN = {"population_total": "population_official"}


def latest_notes(
    target_ids: Iterable[str],
    outturn: pd.DataFrame,
    targets: pd.DataFrame,
    baseline: Baseline,
    t: Translator,
) -> dict[str, str]:
    """Per target, the line under its card: "Latest outturn: 7,498 USD (2024)", naming the
    comparable indicator where the outturn is not the target's own, or "none yet".

    One function for the overview's headline cards and the presentation's targets slide.
    """
    found = latest_outturns(outturn, targets, baseline)
    units = {shown.target_id: shown for shown in shown_targets(targets)}
    by_id = targets.set_index("id")
    notes = {}
    for target_id in target_ids:
        source_id = COMPARABLE_OUTTURN.get(target_id, target_id)
        if source_id not in found or not math.isfinite(found[source_id][0]):
            notes[target_id] = t("present.targets.no_outturn")
            continue
        value, period, _ = found[source_id]
        unit = units[source_id]
        shown = t(f"economy.unit.{unit.unit}", v=t.number(value, unit.decimals))
        if source_id == target_id:
            notes[target_id] = t("present.targets.latest", value=shown, year=period)
        else:
            what = by_id.loc[source_id]
            notes[target_id] = t(
                "present.targets.latest_of",
                what=t.pick(what["indicator_vi"], what["indicator_en"]).lower(),
                value=shown,
                year=period,
            )
    return notes


def quality_mix(rows: Iterable[Progress]) -> str:
    """Which legend the progress bars need: "mixed" when published and unpublished
    (estimate, derived) outturns both appear, else "all_published" or "none_published"
    (a filled/hollow legend would then distinguish nothing)."""
    kinds = {row.quality == "published" for row in rows if row.quality is not None}
    if kinds == {True, False}:
        return "mixed"
    return "all_published" if kinds == {True} else "none_published"


def progress_rows(
    outturn: pd.DataFrame, targets: pd.DataFrame, baseline: Baseline
) -> list[Progress]:
    """Each shown target (``shown_targets``) beside its latest outturn."""
    by_id = targets.set_index("id")
    found = latest_outturns(outturn, targets, baseline)
    rows = []
    for shown in shown_targets(targets):
        goal = by_id.loc[shown.target_id]
        aim = float(goal["value_min"])
        value, period, quality = found.get(shown.target_id, (None, None, None))
        has = value is not None and math.isfinite(value)
        rows.append(
            Progress(
                target_id=shown.target_id,
                unit=shown.unit,
                decimals=shown.decimals,
                value=value if has else None,
                period=period if has else None,
                quality=quality if has else None,
                progress_pct=value / aim * 100 if has else math.nan,  # type: ignore[operator]
                target=aim,
                source=str(goal["source"]),
            )
        )
    return rows


@dataclass(frozen=True)
class StructureRow:
    """One sector's share of GRDP, in the latest outturn year or in the plan's 2030."""

    period: str  # "now" or "target"
    year: int
    quality: str | None  # of the outturn; None for the target
    sector: int  # 0..3 in the order of SHARE_COLUMNS
    share_pct: float


def structure_rows(outturn: pd.DataFrame, targets: pd.DataFrame) -> list[StructureRow]:
    by_id = targets.set_index("id")
    rows = []
    latest = _latest_shares(outturn)
    if latest is not None:
        quality = _status_quality(latest["status"])
        rows += [
            StructureRow("now", int(latest["year"]), quality, order, float(latest[column]))
            for order, column in enumerate(SHARE_COLUMNS)
        ]
    rows += [
        StructureRow(
            "target",
            int(by_id.loc[target_id, "year"]),
            None,
            order,
            float(by_id.loc[target_id, "value_min"]),
        )
        for order, target_id in enumerate(SHARE_TARGET_IDS)
    ]
    return rows


@dataclass(frozen=True)
class Note:
    """One remark on a row of the year table: ``kind`` is a catalog key under
    economy.table (estimate, derived, extrapolated, total_basis, scenario_note);
    ``column`` the outturn column it concerns, if any."""

    kind: str
    column: str | None = None


def year_notes(
    projection: pd.DataFrame, outturn: pd.DataFrame, baseline: Baseline, basis: str
) -> list[list[Note]]:
    """The remarks on each projection year: estimates, derived and filled cells, basis."""
    status = dict(zip(outturn["year"].astype(int), outturn["status"], strict=True))
    derived = {
        int(year): str(cell).split(";")
        for year, cell in zip(outturn["year"], outturn["derived_columns"], strict=True)
        if isinstance(cell, str)
    }
    filled: dict[int, list[Note]] = {}
    for year, column, method in baseline.filled:
        filled.setdefault(year, []).append(Note(method, column))
    notes = []
    for year, kind in zip(projection["year"], projection["kind"], strict=True):
        if kind == "scenario":
            notes.append([Note("scenario_note")])
            continue
        parts = [Note("estimate")] if status.get(year) == "estimate" else []
        parts += [Note("derived", column) for column in derived.get(year, [])]
        parts += filled.get(year, [])
        if basis == "total":
            parts.append(Note("total_basis"))
        notes.append(parts)
    return notes

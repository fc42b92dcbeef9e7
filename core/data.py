"""Load and validate the curated files in ``data/``.

Every load checks the file against its declared schema (``core.schemas``) and the
references it makes to other files: each source id resolves in ``sources.csv``,
each unit sits in exactly one zone, shares that must sum do sum. Any failure raises
``DataError`` carrying problems that name the file, the line and the column, so the
interface can say exactly what is wrong while pages that need other files go on.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from core.plan import PlanTargets
from core.schemas import (
    DISTRICT_CODES,
    SCHEMAS,
    SHARE_COLUMNS,
    SHARE_SUM_TOLERANCE,
    SHARE_TARGET_IDS,
    UNIT_SHARES_TOLERANCE,
)

DEFAULT_DATA_DIR = Path(__file__).resolve().parent.parent / "data"
GEO_FILES = {
    "districts_geo": "geo/districts.geojson",
    "region_geo": "geo/region.geojson",
    "units_geo": "geo/units_2025.geojson",
    "located_geo": "geo/located_areas.geojson",
}
# Lines are numbered as a spreadsheet shows them: the header is line 1.
_FIRST_DATA_LINE = 2


def data_dir() -> Path:
    """The folder of curated files; ``PLAN_DATA_DIR`` points elsewhere (tests, deployments)."""
    return Path(os.environ.get("PLAN_DATA_DIR", DEFAULT_DATA_DIR))


@dataclass(frozen=True)
class DataProblem:
    """One thing wrong with one file. ``kind`` selects the sentence the interface shows."""

    file: str
    kind: str
    line: int | None = None
    column: str | None = None
    detail: str = ""


class DataError(Exception):
    def __init__(self, problems: list[DataProblem]):
        self.problems = problems
        super().__init__(
            "; ".join(f"{p.file}: {p.kind} {p.column or ''} {p.detail}" for p in problems)
        )


def file_name(table: str) -> str:
    return GEO_FILES.get(table, f"{table}.csv")


def load_table(table: str, folder: Path) -> pd.DataFrame:
    """One validated CSV, with the cross-file checks that concern it."""
    frame = _validated_csv(table, folder)
    name = file_name(table)
    if table != "sources":
        known = set(_validated_csv("sources", folder)["id"])
        _check_references(name, frame, "source", known, kind="unknown_source")
    if table == "districts":
        _check_one_zone_per_unit(name, frame)
    if table == "economy_outturn":
        _check_row_shares(name, frame)
        _check_unique(name, frame, "year")
    if table == "plan_targets":
        _check_target_shares(name, frame)
        _check_plan_figures(name, frame)
    if table == "economy_vintages":
        _check_vintages(name, frame, _validated_csv("economy_outturn", folder))
    if table == "key_tasks":
        targets = set(_validated_csv("plan_targets", folder)["id"])
        _check_references(name, frame, "indicator_ids", targets)
        _check_unique(name, frame, "id")
    if table == "units_2025":
        _check_unit_crosswalk(name, frame, load_table("districts", folder))
    if table == "located_areas":
        places = {*_validated_csv("connectivity", folder)["id"], "it_park"}
        _check_references(name, frame, "place_id", places)
    if table == "commitments":
        _check_conflicts(name, frame)
    return frame


def load_geojson(table: str, folder: Path) -> dict:
    """A validated GeoJSON FeatureCollection; the district file must match districts.csv."""
    name = file_name(table)
    path = folder / name
    if not path.is_file():
        raise DataError([DataProblem(name, "missing_file")])
    try:
        collection = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise DataError([DataProblem(name, "unreadable", detail=str(error)[:200])]) from None
    features = collection.get("features") if isinstance(collection, dict) else None
    if not isinstance(features, list) or not features:
        raise DataError([DataProblem(name, "geometry", detail="no FeatureCollection features")])
    problems = []
    for number, feature in enumerate(features, start=1):
        geometry = feature.get("geometry") if isinstance(feature, dict) else None
        if not isinstance(geometry, dict) or geometry.get("type") not in {
            "Polygon",
            "MultiPolygon",
        }:
            problems.append(
                DataProblem(name, "geometry", line=number, detail="feature without a polygon")
            )
    if table == "districts_geo" and not problems:
        problems = _check_district_shapes(name, features, load_table("districts", folder))
    if table in _GEO_KEYS and not problems:
        csv_table, key, csv_key = _GEO_KEYS[table]
        problems = _check_feature_keys(
            name, features, key, set(load_table(csv_table, folder)[csv_key])
        )
    if problems:
        raise DataError(problems)
    return collection


def _validated_csv(table: str, folder: Path) -> pd.DataFrame:
    name = file_name(table)
    path = folder / name
    if not path.is_file():
        raise DataError([DataProblem(name, "missing_file")])
    try:
        raw = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""], encoding="utf-8")
    except (OSError, UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as error:
        raise DataError([DataProblem(name, "unreadable", detail=str(error)[:200])]) from None
    schema = SCHEMAS[table]
    missing = [column for column in schema.columns if column not in raw.columns]
    if missing:
        raise DataError([DataProblem(name, "missing_column", column=column) for column in missing])
    try:
        return schema.validate(raw, lazy=True)
    except pa.errors.SchemaErrors as errors:
        raise DataError(_problems_from_pandera(name, errors.failure_cases)) from None


def _problems_from_pandera(name: str, cases: pd.DataFrame) -> list[DataProblem]:
    """One problem per (line, column), the type failure first: it explains the rest."""
    problems: dict[tuple, DataProblem] = {}
    cases = cases.assign(is_type=cases["check"].astype(str).str.contains("dtype"))
    for case in cases.sort_values("is_type", ascending=False).itertuples():
        column = None if pd.isna(case.column) else str(case.column)
        if case.schema_context == "DataFrameSchema":
            column = None  # a check across columns: pandera repeats it for each one
        line = (
            None
            if case.index is None or pd.isna(case.index)
            else (int(case.index) + _FIRST_DATA_LINE)
        )
        if line is None and column is not None and any(k[1] == column for k in problems):
            continue  # a column-wide echo of a cell already reported
        check = str(case.check)
        if case.is_type:
            kind = "wrong_type"
        elif check.startswith("field_uniqueness") or "unique" in check:
            kind = "duplicate"
        else:
            kind = "bad_value"
        detail = f"{str(case.failure_case)[:80]!s} ({check[:80]})"
        problems.setdefault((line, column), DataProblem(name, kind, line, column, detail))
    return list(problems.values())


def _lines(frame: pd.DataFrame, mask: pd.Series) -> list[int]:
    return [int(index) + _FIRST_DATA_LINE for index in frame.index[mask]]


def _check_references(
    name: str, frame: pd.DataFrame, column: str, known: set[str], kind: str = "unknown_reference"
) -> None:
    """Every id in a ``;``-separated reference column must name a known row."""
    filled = frame[column].notna()
    problems = [
        DataProblem(name, kind, line, column, detail=ref)
        for line, cell in zip(_lines(frame, filled), frame.loc[filled, column], strict=True)
        for ref in cell.split(";")
        if ref not in known
    ]
    if problems:
        raise DataError(problems)


def _check_unique(name: str, frame: pd.DataFrame, column: str) -> None:
    repeated = frame[column].duplicated(keep=False)
    if repeated.any():
        values = frame.loc[repeated, column]
        raise DataError(
            [
                DataProblem(name, "duplicate", line, column, str(value))
                for line, value in zip(_lines(frame, repeated), values, strict=True)
            ]
        )


def _check_one_zone_per_unit(name: str, frame: pd.DataFrame) -> None:
    problems = []
    for code, rows in frame.groupby("code"):
        if len(rows) > 1:
            zones = ", ".join(str(zone) for zone in rows["zone"])
            problems.append(
                DataProblem(
                    name,
                    "zone_membership",
                    int(rows.index[1]) + _FIRST_DATA_LINE,
                    "zone",
                    detail=f"{code}: {zones}",
                )
            )
    missing = sorted(set(DISTRICT_CODES) - set(frame["code"]))
    problems += [
        DataProblem(name, "zone_membership", None, "code", detail=f"{code}: —") for code in missing
    ]
    if problems:
        raise DataError(problems)


def _check_row_shares(name: str, frame: pd.DataFrame) -> None:
    shares = frame[list(SHARE_COLUMNS)]
    complete = shares.notna().all(axis=1)
    off = complete & ((shares.sum(axis=1) - 100).abs() > SHARE_SUM_TOLERANCE)
    if off.any():
        raise DataError(
            [
                DataProblem(
                    name, "shares_sum", line, ", ".join(SHARE_COLUMNS), detail=f"{total:.2f}"
                )
                for line, total in zip(_lines(frame, off), shares[off].sum(axis=1), strict=True)
            ]
        )


def _check_target_shares(name: str, frame: pd.DataFrame) -> None:
    rows = frame[frame["id"].isin(SHARE_TARGET_IDS)]
    total = rows["value_min"].sum()
    if len(rows) != len(SHARE_TARGET_IDS) or abs(total - 100) > SHARE_SUM_TOLERANCE:
        raise DataError(
            [
                DataProblem(
                    name,
                    "shares_sum",
                    None,
                    "value_min",
                    detail=f"{', '.join(SHARE_TARGET_IDS)} = {total:g}",
                )
            ]
        )


def _check_plan_figures(name: str, frame: pd.DataFrame) -> None:
    """The rows the model reads (growth, per capita, population) exist and agree."""
    try:
        PlanTargets.from_table(frame)
    except ValueError as error:
        raise DataError([DataProblem(name, "plan_figures", detail=str(error))]) from None


def _check_district_shapes(name: str, features: list, districts: pd.DataFrame) -> list:
    zone_of = dict(zip(districts["code"], districts["zone"], strict=True))
    problems = []
    seen = set()
    for number, feature in enumerate(features, start=1):
        properties = feature.get("properties") or {}
        code = properties.get("code")
        if code not in zone_of:
            problems.append(DataProblem(name, "unknown_reference", number, "code", str(code)))
        elif properties.get("zone") != zone_of[code]:
            problems.append(
                DataProblem(
                    name,
                    "zone_membership",
                    number,
                    "zone",
                    f"{code}: {properties.get('zone')} ≠ {zone_of[code]}",
                )
            )
        seen.add(code)
    problems += [
        DataProblem(name, "geometry", None, "code", f"{code}: no shape")
        for code in sorted(set(zone_of) - seen)
    ]
    return problems


# --- The commune-level units since 1/7/2025 (issue 16) -------------------------------

# Map file -> (the CSV it must match, the feature property, that CSV's column).
_GEO_KEYS = {
    "units_geo": ("units_2025", "code", "code"),
    "located_geo": ("located_areas", "place_id", "place_id"),
}


def _check_unit_crosswalk(name: str, frame: pd.DataFrame, districts: pd.DataFrame) -> None:
    """Each row's zone is its former unit's; each unit's shares make 100 with one dominant."""
    zone_of = dict(zip(districts["code"], districts["zone"], strict=True))
    wrong_zone = frame["zone"] != frame["former_code"].map(zone_of)
    problems = [
        DataProblem(name, "zone_membership", line, "zone", f"{code}: {zone}")
        for line, code, zone in zip(
            _lines(frame, wrong_zone),
            frame.loc[wrong_zone, "former_code"],
            frame.loc[wrong_zone, "zone"],
            strict=True,
        )
    ]
    for code, rows in frame.groupby("code"):
        line = int(rows.index[0]) + _FIRST_DATA_LINE
        total = rows["share_pct"].sum()
        if abs(total - 100) > UNIT_SHARES_TOLERANCE:
            problems.append(
                DataProblem(name, "shares_sum", line, "share_pct", f"{code}: {total:g}")
            )
        if (rows["dominant"] == "true").sum() != 1:
            problems.append(DataProblem(name, "bad_value", line, "dominant", f"{code}"))
    if problems:
        raise DataError(problems)


def _check_feature_keys(name: str, features: list, key: str, expected: set) -> list:
    """The map file holds one feature for each row key of its CSV, and no other."""
    seen = [(feature.get("properties") or {}).get(key) for feature in features]
    problems = [
        DataProblem(name, "unknown_reference", number, key, str(value))
        for number, value in enumerate(seen, start=1)
        if value not in expected
    ]
    problems += [
        DataProblem(name, "geometry", None, key, f"{value}: no shape")
        for value in sorted(expected - set(seen), key=str)
    ]
    return problems


# --- Where each commitment stands now (issue 15) ---------------------------------------


def _check_conflicts(name: str, frame: pd.DataFrame) -> None:
    """A conflict names another row that names it back, and the two rest on different
    sources: a disagreement shown with one source on both sides would be no conflict."""
    _check_references(name, frame, "conflict_with", set(frame["id"]))
    partner = dict(zip(frame["id"], frame["conflict_with"], strict=True))
    sources = {row.id: set(row.source.split(";")) for row in frame.itertuples()}
    problems = []
    named = frame["conflict_with"].notna()
    for line, row in zip(_lines(frame, named), frame[named].itertuples(), strict=True):
        other = row.conflict_with
        if other == row.id or partner.get(other) != row.id:
            problems.append(
                DataProblem(name, "bad_value", line, "conflict_with", f"{row.id} → {other}")
            )
        elif sources[row.id] <= sources[other]:
            problems.append(
                DataProblem(name, "bad_value", line, "source", f"{row.id}: no source of its own")
            )
    if problems:
        raise DataError(problems)


# ---- economy vintages (issue 14) -------------------------------------------------------
def _check_vintages(name: str, frame: pd.DataFrame, outturn: pd.DataFrame) -> None:
    """One first estimate per (year, column), each for a year the outturn has."""
    repeated = frame.duplicated(["year", "column"], keep=False)
    unknown = ~frame["year"].isin(set(outturn["year"]))
    problems = [
        DataProblem(name, "duplicate", line, "column", f"{year} {column}")
        for line, year, column in zip(
            _lines(frame, repeated),
            frame.loc[repeated, "year"],
            frame.loc[repeated, "column"],
            strict=True,
        )
    ]
    problems += [
        DataProblem(name, "unknown_reference", line, "year", str(year))
        for line, year in zip(_lines(frame, unknown), frame.loc[unknown, "year"], strict=True)
    ]
    if problems:
        raise DataError(problems)

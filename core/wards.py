"""The plan in today's units: find a ward or commune of 1/7/2025 and the former unit and zone
it lies in.

Plain Python on the frames the data layer loads (``core.data``): the crosswalk
``units_2025.csv`` (one row per new unit and former unit), the map files
``units_geo`` and ``located_geo``. Search ignores diacritics and case ("tan dong hiep"
finds "Tân Đông Hiệp") and the type word ("phường", "xã", "ward", "commune").

Distances are straight lines from the unit's centroid: to a place's point on the great
circle, or, for a place known only by the area it lies in, to that area's nearest edge
(0 when the centroid is inside it). Edges are measured in a plane tangent at the centroid,
which over the tens of kilometres involved is within a fraction of a percent of the
great circle.
"""

from __future__ import annotations

import difflib
import itertools
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from core.data import load_geojson, load_table
from core.geo import EARTH_RADIUS_KM, Point, centroid, contains, haversine_km, polygons
from core.text import clean_query, fold

UNITS_TABLE = "units_2025"
UNITS_GEO = "units_geo"
LOCATED_TABLE = "located_areas"
LOCATED_GEO = "located_geo"
UNIT_COLUMNS = ("code", "name_vi", "name_en", "type", "area_km2")
SUGGESTION_COUNT = 3
SUGGESTION_CUTOFF = 0.6
# The type words a reader may type or leave out, folded: "Phường Dĩ An", "Di An ward".
_TYPE_PREFIXES = ("phuong ", "xa ")
_TYPE_SUFFIXES = (" ward", " commune")
_KM_PER_DEGREE = EARTH_RADIUS_KM * math.pi / 180
_CODE_VALUE = re.compile(r"^\s*([0-9]{5})\s*$")  # ASCII digits only, one value


@dataclass(frozen=True)
class FormerShare:
    """The part of a new unit that lies in one former unit."""

    former_code: int
    former_name_vi: str
    zone: int
    share_pct: float
    overlay_share_pct: float
    dominant: bool


# --- Loading --------------------------------------------------------------------------


def load_crosswalk(folder: Path) -> pd.DataFrame:
    """The validated ``units_2025.csv`` (raises ``DataError``)."""
    return load_table(UNITS_TABLE, folder)


def load_units_geo(folder: Path) -> dict:
    """The validated 36 unit outlines, matched to the crosswalk's codes."""
    return load_geojson(UNITS_GEO, folder)


def load_located(folder: Path) -> tuple[pd.DataFrame, dict]:
    """``located_areas.csv`` and its outlines, each validated."""
    return load_table(LOCATED_TABLE, folder), load_geojson(LOCATED_GEO, folder)


def units(crosswalk: pd.DataFrame) -> pd.DataFrame:
    """One row per new unit (code, names, type, official area), ordered by code."""
    table = crosswalk.loc[:, list(UNIT_COLUMNS)].drop_duplicates("code")
    return table.sort_values("code").reset_index(drop=True)


# --- Search ---------------------------------------------------------------------------


def bare_name(text: str) -> str:
    """The folded name without its type word: "Phường Tân Đông Hiệp" → "tan dong hiep"."""
    folded = fold(text)
    for prefix in _TYPE_PREFIXES:
        if folded.startswith(prefix):
            folded = folded.removeprefix(prefix)
            break
    for suffix in _TYPE_SUFFIXES:
        if folded.endswith(suffix):
            folded = folded.removesuffix(suffix)
            break
    return folded.strip()


def _names(table: pd.DataFrame) -> dict[int, str]:
    pairs = zip(table["code"], table["name_vi"], strict=True)
    return {int(code): bare_name(name) for code, name in pairs}


def search_units(query: object, table: pd.DataFrame) -> list[int]:
    """Codes of the units whose name holds the query from the start of a word ("dong hiep",
    "thu dau mo"), best first: the whole name, then names starting with it, then the rest.
    A query inside a word ("an" in "Thanh") does not match.

    ``table`` is ``units(crosswalk)``. An empty query matches nothing.
    """
    wanted = bare_name(clean_query(query))
    if not wanted:
        return []
    found = [
        (0 if name == wanted else 1 if name.startswith(wanted) else 2, name, code)
        for code, name in _names(table).items()
        if f" {wanted}" in f" {name}"
    ]
    return [code for _, _, code in sorted(found)]


def suggest_units(query: object, table: pd.DataFrame, count: int = SUGGESTION_COUNT) -> list[int]:
    """Codes of the names closest to a query that matched nothing (difflib on folded
    names), most similar first; empty when nothing is close."""
    wanted = bare_name(clean_query(query))
    if not wanted:
        return []
    by_name: dict[str, list[int]] = {}
    for code, name in _names(table).items():
        by_name.setdefault(name, []).append(code)
    close = difflib.get_close_matches(wanted, list(by_name), n=count, cutoff=SUGGESTION_CUTOFF)
    return [code for name in close for code in sorted(by_name[name])][:count]


# --- The crosswalk --------------------------------------------------------------------


def former_units(code: int, crosswalk: pd.DataFrame) -> list[FormerShare]:
    """The former units a new unit lies in, largest share first; empty for an unknown code."""
    rows = crosswalk[crosswalk["code"] == code].sort_values(
        ["share_pct", "former_code"], ascending=[False, True]
    )
    return [
        FormerShare(
            former_code=int(row.former_code),
            former_name_vi=str(row.former_name_vi),
            zone=int(row.zone),
            share_pct=float(row.share_pct),
            overlay_share_pct=float(row.overlay_share_pct),
            dominant=row.dominant == "true",
        )
        for row in rows.itertuples()
    ]


def zone_shares(code: int, crosswalk: pd.DataFrame) -> dict[int, float]:
    """Share of the unit in each zone (its former units' shares added up), largest first."""
    totals: dict[int, float] = {}
    for part in former_units(code, crosswalk):
        totals[part.zone] = totals.get(part.zone, 0.0) + part.share_pct
    return dict(sorted(totals.items(), key=lambda item: (-item[1], item[0])))


def parse_ward(
    raw: Sequence[str] | str | None, codes: Iterable[int]
) -> tuple[int | None, str | None]:
    """The unit a link asks for (``?ward=25760``): ``(code, None)``; ``(None, None)`` when
    it asks for none; ``(None, rejected)`` when the value is unusable: empty, not a
    five-digit code, not one of ``codes``, or repeated. The page shows the rejected text."""
    if raw is None:
        return None, None
    values = [raw] if isinstance(raw, str) else [str(value) for value in raw]
    if not values:
        return None, None
    value = values[0] if len(values) == 1 else ",".join(values)
    match = _CODE_VALUE.match(value) if len(values) == 1 else None
    if match and int(match.group(1)) in {int(code) for code in codes}:
        return int(match.group(1)), None
    return None, value


# --- Geometry -------------------------------------------------------------------------


def feature(collection: Mapping, key: str, value: object) -> Mapping | None:
    """The feature whose property ``key`` equals ``value`` (a unit by ``code``, a located
    area by ``place_id``), or None."""
    for item in collection.get("features", ()):
        if (item.get("properties") or {}).get(key) == value:
            return item
    return None


def distance_to_point_km(unit_geometry: Mapping, point: Point) -> float:
    """Great-circle km from the unit's centroid to a (lon, lat) point."""
    return haversine_km(centroid(unit_geometry), point)


def distance_to_area_km(unit_geometry: Mapping, area_geometry: Mapping) -> float:
    """Km from the unit's centroid to the nearest edge of an area; 0 when inside it."""
    origin = centroid(unit_geometry)
    return edge_distance_km(origin, area_geometry)


def edge_distance_km(origin: Point, area_geometry: Mapping) -> float:
    """Km from a (lon, lat) point to the nearest edge of an area; 0 when inside it."""
    if contains(area_geometry, origin):
        return 0.0
    lon0, lat0 = origin
    xscale = math.cos(math.radians(lat0))
    best = math.inf
    for polygon in polygons(area_geometry):
        for ring in polygon:
            for (x0, y0, *_), (x1, y1, *_) in itertools.pairwise(ring):
                ax, ay = (x0 - lon0) * xscale, y0 - lat0
                bx, by = (x1 - lon0) * xscale, y1 - lat0
                dx, dy = bx - ax, by - ay
                length = dx * dx + dy * dy
                u = 0.0 if length == 0 else max(0.0, min(1.0, -(ax * dx + ay * dy) / length))
                best = min(best, math.hypot(ax + u * dx, ay + u * dy))
    return best * _KM_PER_DEGREE


# --- The card's distances and the located-within areas --------------------------------

PLAN_SOURCE = "qd_790_2024"  # the plan's approval decision (sources.csv)
IT_PARK_PLACE = "it_park"  # the one located area that is not a connectivity target


@dataclass(frozen=True)
class PlaceDistance:
    """Straight-line km from a unit to a place the plan names; ``to_edge`` when the place
    is known only by the area it is located within (measured to that area's nearest edge)."""

    place_id: str
    km: float
    to_edge: bool


def place_distances(
    unit_geometry: Mapping,
    connectivity: pd.DataFrame | None,
    located: pd.DataFrame | None,
    located_geo: Mapping | None,
) -> list[PlaceDistance]:
    """The distance to each connectivity target with a point, in the file's order, then to
    each located-within area; a missing table gives no rows for it."""
    found = []
    if connectivity is not None:
        placed = connectivity[connectivity["lon"].notna() & connectivity["lat"].notna()]
        found += [
            PlaceDistance(
                str(row.id),
                distance_to_point_km(unit_geometry, (float(row.lon), float(row.lat))),
                to_edge=False,
            )
            for row in placed.itertuples()
        ]
    if located is not None and located_geo is not None:
        for row in located.itertuples():
            area = feature(located_geo, "place_id", row.place_id)
            if area is not None:
                km = distance_to_area_km(unit_geometry, area["geometry"])
                found.append(PlaceDistance(str(row.place_id), km, to_edge=True))
    return found


def place_names(
    connectivity: pd.DataFrame | None, it_park: pd.DataFrame | None
) -> dict[str, tuple[str, str]]:
    """Place id -> (Vietnamese, English) name: the connectivity targets and the IT park."""
    names = {}
    if connectivity is not None:
        names = {
            str(row.id): (str(row.name_vi), str(row.name_en)) for row in connectivity.itertuples()
        }
    if it_park is not None:
        row = it_park.set_index("key").loc["name"]
        names[IT_PARK_PLACE] = (str(row["value_vi"]), str(row["value_en"]))
    return names


def located_in_layers(located: pd.DataFrame, layers: Iterable[str]) -> pd.DataFrame:
    """The located-within areas the switched-on map layers show: the IT park's with the IT
    park layer, the others (connectivity targets, as data.py checks) with the connectivity
    layer."""
    layer = located["place_id"].map(
        lambda place: IT_PARK_PLACE if place == IT_PARK_PLACE else "connectivity"
    )
    return located[layer.isin(set(layers))]


def clear_match(query: object, table: pd.DataFrame) -> int | None:
    """The unit a search settles: its whole name typed, or the only match; else None."""
    found = search_units(query, table)
    wanted = bare_name(clean_query(query))
    if len(found) == 1 or (found and _names(table)[found[0]] == wanted):
        return found[0]
    return None


def plan_date(sources: pd.DataFrame) -> str:
    """The date of the plan's approval as sources.csv gives it ("2024")."""
    return str(sources.set_index("id").loc[PLAN_SOURCE, "date"])

"""Build data/geo/*.geojson from the raw boundary files in data/raw/geodata.

Usage: python scripts/build_geodata.py [--out DIR] [--tables DIR]

Also builds the 36 commune-level units since 1/7/2025 (units_2025.geojson and the
crosswalk data/units_2025.csv: each unit's share in each former unit, by overlay on
the corrected district shapes) and the outlines places are "located within"
(located_areas.geojson, from data/located_areas.csv). Each district shape is
paired with a code from data/districts.csv, its geodesic area is held against the
official area there, and nothing is written unless every check passes.
Boundaries: daohoangson/dvhcvn (GPL-3.0), extracted from gis.chinhphu.vn; the units
since 2025: thanglequoc/vietnamese-provinces-database (MIT). See
data/raw/geodata/SOURCE.md and data/raw/geodata/wards_2025/SOURCE.md.
"""

import argparse
import csv
import io
import json
import sys
from pathlib import Path

import numpy as np
import shapely
from shapely.geometry import MultiPolygon, shape

REPO_ROOT = Path(__file__).resolve().parent.parent
RAW_DIR = REPO_ROOT / "data" / "raw" / "geodata"
DISTRICTS_CSV = REPO_ROOT / "data" / "districts.csv"
DEFAULT_OUT = REPO_ROOT / "data" / "geo"
DEFAULT_TABLES = REPO_ROOT / "data"

PROVINCE_FILE = "dvhcvn_gis_74_binh_duong.json"
REGION_FILE = "dvhcvn_gis_province_outlines_region.json"
FOCUS_CODE = 74

# The raw file labels the northern ~401 km² shape (centroid 11.14°N) as 723 Thị xã
# Tân Uyên and the southern ~191 km² one (11.06°N) as 726 Huyện Bắc Tân Uyên; the
# official areas (Tân Uyên 192.5, Bắc Tân Uyên 400.6) and the names say the
# reverse. So: code -> raw level2_id whose shape it takes; every other code takes
# its own. The area check below confirms the table on every build.
SHAPE_CORRECTIONS = {723: 726, 726: 723}

AREA_TOLERANCE = 0.03  # computed vs official area
SIMPLIFY_AREA_TOLERANCE = 0.01  # simplified vs full-resolution area
DISTRICTS_MAX_BYTES = 150_000
REGION_MAX_BYTES = 120_000
# Degrees. Districts share borders, so they are simplified as one coverage to
# keep those borders identical (no slivers); the region outlines do not
# edge-match in the source, so each is simplified on its own, harder.
DISTRICT_TOLERANCE = 0.001
REGION_TOLERANCE = 0.002
DECIMALS = 5  # about 1 m

# English keeps the diacritics of Vietnamese names, as the app's text does (issue 18).
REGION_NAMES_EN = {
    70: "Bình Phước",
    72: "Tây Ninh",
    74: "Bình Dương",
    75: "Đồng Nai",
    77: "Bà Rịa–Vũng Tàu",
    79: "Hồ Chí Minh City",
}

# WGS84 ellipsoid, for the authalic latitude.
_A = 6378137.0
_F = 1 / 298.257223563
_E2 = _F * (2 - _F)
_E = np.sqrt(_E2)


class GeodataError(Exception):
    """Raised when the inputs fail a check; nothing has been written."""


def _q(phi):
    s = np.sin(phi)
    return (1 - _E2) * (s / (1 - _E2 * s * s) - np.log((1 - _E * s) / (1 + _E * s)) / (2 * _E))


_QP = _q(np.pi / 2)
_RQ = _A * np.sqrt(_QP / 2)  # radius of the sphere with the ellipsoid's area


def _authalic(lat_deg):
    return np.arcsin(np.clip(_q(np.radians(lat_deg)) / _QP, -1.0, 1.0))


def area_km2(geom):
    """Ellipsoidal area: authalic latitude, then spherical Lambert azimuthal
    equal-area centred on the shape, both area-preserving."""
    minx, miny, maxx, maxy = geom.bounds
    lon0 = np.radians((minx + maxx) / 2)
    b0 = _authalic((miny + maxy) / 2)

    def project(coords):
        dlon = np.radians(coords[:, 0]) - lon0
        b = _authalic(coords[:, 1])
        k = np.sqrt(2 / (1 + np.sin(b0) * np.sin(b) + np.cos(b0) * np.cos(b) * np.cos(dlon)))
        x = _RQ * k * np.cos(b) * np.sin(dlon)
        y = _RQ * k * (np.cos(b0) * np.sin(b) - np.sin(b0) * np.cos(b) * np.cos(dlon))
        return np.column_stack([x, y])

    return shapely.transform(geom, project).area / 1e6


def _read_json(path):
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise GeodataError(f"cannot read {path}: {exc}") from exc


def _read_districts(path):
    required = {"code", "name_vi", "name_en", "zone", "area_km2"}
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            missing = required - set(reader.fieldnames or ())
            if missing:
                raise GeodataError(f"{path}: missing columns {sorted(missing)}")
            rows = list(reader)
    except OSError as exc:
        raise GeodataError(f"cannot read {path}: {exc}") from exc
    try:
        districts = {
            int(r["code"]): {
                "name_vi": r["name_vi"].strip(),
                "name_en": r["name_en"].strip(),
                "zone": int(r["zone"]),
                "area_km2": float(r["area_km2"]),
            }
            for r in rows
        }
    except ValueError as exc:
        raise GeodataError(f"{path}: bad code, zone or area: {exc}") from exc
    if len(districts) != len(rows):
        raise GeodataError(f"{path}: a code appears more than once")
    return districts


def _multipolygon(geom):
    return geom if isinstance(geom, MultiPolygon) else MultiPolygon([geom])


def _finish(geom):
    """Round to DECIMALS and orient rings as RFC 7946 asks (outer counter-clockwise)."""
    rounded = shapely.transform(geom, lambda c: np.round(c, DECIMALS))
    return _multipolygon(shapely.orient_polygons(rounded, exterior_cw=False))


def _coords(geom):
    return [
        [
            [[float(x), float(y)] for x, y in ring.coords]
            for ring in (poly.exterior, *poly.interiors)
        ]
        for poly in geom.geoms
    ]


def _feature_collection(features):
    # One feature per line keeps diffs of the committed files readable.
    lines = [
        json.dumps(
            {
                "type": "Feature",
                "properties": props,
                "geometry": {"type": "MultiPolygon", "coordinates": _coords(geom)},
            },
            ensure_ascii=False,
            separators=(",", ":"),
            sort_keys=True,
        )
        for props, geom in features
    ]
    return ('{"type":"FeatureCollection","features":[\n' + ",\n".join(lines) + "\n]}\n").encode(
        "utf-8"
    )


def _build_districts(province, districts):
    raw_shapes = {int(u["level2_id"]): shape(u) for u in province["level2s"]}
    if set(raw_shapes) != set(districts):
        raise GeodataError(
            f"codes differ: raw file {sorted(raw_shapes)}, districts.csv {sorted(districts)}"
        )
    codes = sorted(districts)
    full = [raw_shapes[SHAPE_CORRECTIONS.get(code, code)] for code in codes]
    if not shapely.coverage_is_valid(full):
        raise GeodataError("raw district shapes overlap or do not edge-match")

    computed = {code: area_km2(g) for code, g in zip(codes, full, strict=True)}
    errors = []
    for code in codes:
        official = districts[code]["area_km2"]
        if abs(computed[code] - official) > AREA_TOLERANCE * official:
            errors.append(
                f"{code} {districts[code]['name_vi']}: computed {computed[code]:.2f} km², "
                f"districts.csv {official} km² (off by more than {AREA_TOLERANCE:.0%})"
            )
    if errors:
        raise GeodataError("area check failed:\n  " + "\n  ".join(errors))

    simplified = [_finish(g) for g in shapely.coverage_simplify(full, DISTRICT_TOLERANCE)]
    if not all(g.is_valid for g in simplified) or not shapely.coverage_is_valid(simplified):
        raise GeodataError("simplified districts are invalid or no longer form a clean coverage")
    for code, g in zip(codes, simplified, strict=True):
        drift = area_km2(g) / computed[code] - 1
        if abs(drift) > SIMPLIFY_AREA_TOLERANCE:
            raise GeodataError(f"simplifying {code} changed its area by {drift:.2%}")

    features = [
        (
            {
                "code": code,
                "name_vi": districts[code]["name_vi"],
                "name_en": districts[code]["name_en"],
                "zone": districts[code]["zone"],
                "area_km2_computed": round(computed[code], 1),
            },
            g,
        )
        for code, g in zip(codes, simplified, strict=True)
    ]
    rows = [
        (code, districts[code]["name_vi"], computed[code], districts[code]["area_km2"])
        for code in codes
    ]
    return _feature_collection(features), rows, dict(zip(codes, full, strict=True))


def _build_region(region):
    provinces = {int(p["level1_id"]): p for p in region["provinces"]}
    if set(provinces) != set(REGION_NAMES_EN):
        raise GeodataError(
            f"region file has {sorted(provinces)}, expected {sorted(REGION_NAMES_EN)}"
        )
    features = []
    for code in sorted(provinces):
        geom = _finish(shape(provinces[code]).simplify(REGION_TOLERANCE, preserve_topology=True))
        if not geom.is_valid:
            raise GeodataError(f"simplified outline of {code} is invalid")
        props = {
            "code": code,
            "name_vi": provinces[code]["name"],
            "name_en": REGION_NAMES_EN[code],
            "focus": code == FOCUS_CODE,
        }
        features.append((props, geom))
    return _feature_collection(features)


# --- The commune-level units since 1/7/2025 ---------------------------------------------

WARDS_DIR = "wards_2025"
EXTRA_FILE = "dvhcvn_gis_phu_my_can_gio.json"
LOCATED_CSV = "located_areas.csv"
# Xã Thạnh An (Cần Giờ) is in the folder for the Cần Giờ port; it is not one of the 36.
OUTSIDE_PROVINCE_CODES = {"27676"}
UNIT_COUNT = 36
# Planning area of the former province (English Wikipedia infobox; offroadvietnam.com).
PROVINCE_AREA_KM2 = 2694.64
PROVINCE_AREA_TOLERANCE = 0.001
# Each shape's geodesic area against its official one: the two differ by up to ~5 %
# (the official figure is the surveyed natural area, the shape a map drawing).
UNIT_AREA_TOLERANCE = 0.06
# Overlaps below this share of a unit are slivers: the two sources draw the same
# boundary differently (the largest seen is 2.4 %, the smallest real part 13.6 %).
SLIVER_SHARE_PCT = 3.0
DOMINANT_SHARE_PCT = 50.0
SHARES_SUM_TOLERANCE_PCT = 1.0
# Shared borders of the wards source do not edge-match exactly, so the coverage
# simplification cannot promise gap-free output; 200 m is far below a ward's size.
UNIT_TOLERANCE = 0.002
UNIT_DECIMALS = 4  # about 11 m, finer than the simplification
UNIT_SIMPLIFY_AREA_TOLERANCE = 0.02
UNITS_MAX_BYTES = 55_000
LOCATED_MAX_BYTES = 10_000
UNIT_TYPES = {"Phường": ("ward", "Ward"), "Xã": ("commune", "Commune")}
UNITS_SOURCE = "vnpdb_wards_2025;dvhcvn_gis;s0_article"
UNITS_CSV_COLUMNS = (
    "code",
    "name_vi",
    "name_en",
    "type",
    "area_km2",
    "former_code",
    "former_name_vi",
    "zone",
    "share_pct",
    "overlay_share_pct",
    "dominant",
    "source",
    "note",
)


def _read_units(wards_dir):
    units = {}
    for path in sorted(Path(wards_dir).glob("*.geojson")):
        features = _read_json(path).get("features") or []
        if len(features) != 1:
            raise GeodataError(f"{path.name}: expected one feature, found {len(features)}")
        props = features[0]["properties"]
        units[str(props["code"])] = (props, shape(features[0]["geometry"]))
    return units


def _unit_names(props):
    prefix, _, name = props["fullName"].partition(" ")
    if prefix not in UNIT_TYPES or name != props["name"]:
        raise GeodataError(f"{props['code']}: unexpected full name {props['fullName']!r}")
    kind, suffix = UNIT_TYPES[prefix]
    # English keeps the diacritics: "Phường Phú Lợi" is "Phú Lợi Ward".
    return props["fullName"], f"{name} {suffix}", kind


def _check_unit_areas(units):
    total = sum(float(props["areaKm2"]) for props, _ in units.values())
    if abs(total / PROVINCE_AREA_KM2 - 1) > PROVINCE_AREA_TOLERANCE:
        raise GeodataError(
            f"the {len(units)} official unit areas sum to {total:.2f} km², not "
            f"{PROVINCE_AREA_KM2} km² within {PROVINCE_AREA_TOLERANCE:.1%}"
        )
    errors = []
    for code, (props, geom) in sorted(units.items()):
        official, computed = float(props["areaKm2"]), area_km2(geom)
        if abs(computed / official - 1) > UNIT_AREA_TOLERANCE:
            errors.append(f"{code}: computed {computed:.2f} km², official {official} km²")
    if errors:
        raise GeodataError("unit area check failed:\n  " + "\n  ".join(errors))
    return total


def _unit_shares(geom, district_shapes):
    """Percent of the unit's area in each former unit, slivers dropped, the rest renormalised."""
    whole = area_km2(geom)
    overlay = {
        code: 100 * area_km2(geom.intersection(district)) / whole
        for code, district in sorted(district_shapes.items())
        if geom.intersects(district)
    }
    kept = {code: share for code, share in overlay.items() if share >= SLIVER_SHARE_PCT}
    dropped = {code: share for code, share in overlay.items() if 0.005 <= share < SLIVER_SHARE_PCT}
    total = sum(kept.values())
    shares = {code: 100 * share / total for code, share in kept.items()} if total else {}
    return shares, overlay, dropped


def _unit_rows(code, props, shares, overlay, dropped, districts):
    name_vi, name_en, kind = _unit_names(props)
    dominant = max(shares, key=shares.get)
    note = f"Overlay: {sum(overlay.values()):.1f} % of the shape lies in the nine former units."
    if dropped:
        slivers = ", ".join(f"{c} {districts[c]['name_vi']} {s:.1f} %" for c, s in dropped.items())
        note += f" Dropped as slivers (under {SLIVER_SHARE_PCT:g} %): {slivers}."
    ordered = sorted(shares, key=lambda c: (-round(shares[c], 1), c))
    return [
        {
            "code": code,
            "name_vi": name_vi,
            "name_en": name_en,
            "type": kind,
            "area_km2": f"{float(props['areaKm2']):.2f}",
            "former_code": former,
            "former_name_vi": districts[former]["name_vi"],
            "zone": districts[former]["zone"],
            "share_pct": f"{shares[former]:.1f}",
            "overlay_share_pct": f"{overlay[former]:.1f}",
            "dominant": "true" if former == dominant else "false",
            "source": UNITS_SOURCE,
            "note": note,
        }
        for former in ordered
    ]


def _crosswalk(units, district_shapes, districts):
    rows, errors = [], []
    for code, (props, geom) in sorted(units.items()):
        shares, overlay, dropped = _unit_shares(geom, district_shapes)
        if not shares or max(shares.values()) <= DOMINANT_SHARE_PCT:
            errors.append(f"{code} {props['fullName']}: no former unit holds most of it {overlay}")
            continue
        unit_rows = _unit_rows(code, props, shares, overlay, dropped, districts)
        total = sum(float(row["share_pct"]) for row in unit_rows)
        if abs(total - 100) > SHARES_SUM_TOLERANCE_PCT:
            errors.append(f"{code}: kept shares sum to {total:.1f} %")
        rows += unit_rows
    if errors:
        raise GeodataError("crosswalk check failed:\n  " + "\n  ".join(errors))
    return rows


def _csv_bytes(columns, rows):
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def _polygon_parts(geom):
    """The polygons with area in any geometry (make_valid may return a collection)."""
    if geom.geom_type == "Polygon":
        return [geom] if geom.area > 0 else []
    return [part for child in getattr(geom, "geoms", ()) for part in _polygon_parts(child)]


def _finish_coarse(geom):
    """Like _finish, at UNIT_DECIMALS, dropping parts the simplification collapsed."""
    rounded = shapely.make_valid(shapely.transform(geom, lambda c: np.round(c, UNIT_DECIMALS)))
    kept = MultiPolygon(_polygon_parts(rounded))
    return _multipolygon(shapely.orient_polygons(kept, exterior_cw=False))


def _simplified(code, geom_full, geom):
    finished = _finish_coarse(geom)
    drift = area_km2(finished) / area_km2(geom_full) - 1
    if not finished.is_valid or abs(drift) > UNIT_SIMPLIFY_AREA_TOLERANCE:
        raise GeodataError(
            f"simplifying {code} gave an invalid shape or moved its area {drift:.2%}"
        )
    return finished


def _units_geojson(units):
    codes = sorted(units)
    full = [units[code][1] for code in codes]
    features = []
    for code, geom in zip(codes, shapely.coverage_simplify(full, UNIT_TOLERANCE), strict=True):
        props = units[code][0]
        name_vi, name_en, kind = _unit_names(props)
        feature_props = {
            "code": int(code),
            "name_vi": name_vi,
            "name_en": name_en,
            "type": kind,
            "area_km2": float(props["areaKm2"]),
        }
        features.append((feature_props, _simplified(code, units[code][1], geom)))
    return _feature_collection(features)


def _located_shapes(raw_dir, located_csv, district_shapes, units, extra_units):
    """The outline each place is 'located within', by the reference in located_areas.csv:
    a former district (``district:``), a dvhcvn outline (``dvhcvn:``) or a 2025 unit
    (``wards_2025:``, one of the 36 or one outside the former province)."""
    extra = {int(u["level2_id"]): shape(u) for u in _read_json(raw_dir / EXTRA_FILE)["level2s"]}
    try:
        with Path(located_csv).open(encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
    except OSError as exc:
        raise GeodataError(f"cannot read {located_csv}: {exc}") from exc
    lookups = {
        "dvhcvn": lambda ref: extra.get(int(ref)),
        "district": lambda ref: district_shapes.get(int(ref)),
        "wards_2025": lambda ref: {**units, **extra_units}.get(ref, (None, None))[1],
    }
    features = []
    for row in rows:
        kind, _, ref = row["area_ref"].partition(":")
        geom = lookups[kind](ref) if kind in lookups and ref.isdigit() else None
        if geom is None:
            raise GeodataError(f"{located_csv}: {row['place_id']}: unknown area {row['area_ref']}")
        simplified = geom.simplify(UNIT_TOLERANCE, preserve_topology=True)
        props = {
            "place_id": row["place_id"],
            "area_ref": row["area_ref"],
            "name_vi": row["area_name_vi"],
            "name_en": row["area_name_en"],
        }
        features.append((props, _simplified(row["area_ref"], geom, simplified)))
    inside = area_km2(extra_units["27676"][1].intersection(extra[787]))
    share = inside / area_km2(extra_units["27676"][1])
    return _feature_collection(features), share


def build_units(raw_dir, located_csv, district_shapes, districts):
    """units_2025.geojson, located_areas.geojson and units_2025.csv as bytes, all checked."""
    raw_dir = Path(raw_dir)
    units = _read_units(raw_dir / WARDS_DIR)
    extra_units = {code: units.pop(code) for code in OUTSIDE_PROVINCE_CODES if code in units}
    if len(units) != UNIT_COUNT or set(extra_units) != OUTSIDE_PROVINCE_CODES:
        raise GeodataError(f"expected {UNIT_COUNT} units and {OUTSIDE_PROVINCE_CODES}")
    total = _check_unit_areas(units)
    rows = _crosswalk(units, district_shapes, districts)
    located, thanh_an_inside = _located_shapes(
        raw_dir, located_csv, district_shapes, units, extra_units
    )
    outputs = {
        "units_2025.geojson": _units_geojson(units),
        "located_areas.geojson": located,
        "units_2025.csv": _csv_bytes(UNITS_CSV_COLUMNS, rows),
    }
    for name, limit in (
        ("units_2025.geojson", UNITS_MAX_BYTES),
        ("located_areas.geojson", LOCATED_MAX_BYTES),
    ):
        if len(outputs[name]) > limit:
            raise GeodataError(f"{name} would be {len(outputs[name]):,} bytes, over {limit:,}")
    report = [
        f"units: {len(units)} official areas sum to {total:.2f} km² "
        f"(province {PROVINCE_AREA_KM2}); {len(rows)} crosswalk rows",
        f"Xã Thạnh An (27676): {thanh_an_inside:.0%} of its shape lies inside the former "
        "Cần Giờ district outline",
    ]
    return outputs, report


def build(raw_dir, districts_csv, out_dir, tables_dir=None, located_csv=None):
    """Check everything, then write the map files to out_dir and units_2025.csv to
    tables_dir (default: out_dir). located_csv defaults to the one beside districts_csv.

    Returns report lines; raises GeodataError (writing nothing) if a check fails.
    """
    raw_dir, out_dir = Path(raw_dir), Path(out_dir)
    tables_dir = Path(tables_dir) if tables_dir is not None else out_dir
    located_csv = Path(located_csv or Path(districts_csv).with_name(LOCATED_CSV))
    districts = _read_districts(Path(districts_csv))
    districts_bytes, rows, district_shapes = _build_districts(
        _read_json(raw_dir / PROVINCE_FILE), districts
    )
    region_bytes = _build_region(_read_json(raw_dir / REGION_FILE))
    for name, data, limit in (
        ("districts.geojson", districts_bytes, DISTRICTS_MAX_BYTES),
        ("region.geojson", region_bytes, REGION_MAX_BYTES),
    ):
        if len(data) > limit:
            raise GeodataError(f"{name} would be {len(data):,} bytes, over the {limit:,} limit")
    units, units_report = build_units(raw_dir, located_csv, district_shapes, districts)

    out_dir.mkdir(parents=True, exist_ok=True)
    tables_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "districts.geojson").write_bytes(districts_bytes)
    (out_dir / "region.geojson").write_bytes(region_bytes)
    for name, data in units.items():
        (tables_dir if name.endswith(".csv") else out_dir).joinpath(name).write_bytes(data)

    report = ["code  name              computed  official   diff"]
    report += [
        f"{code}   {name:<16} {got:9.2f} {official:9.2f} {got / official - 1:+6.2%}"
        for code, name, got, official in rows
    ]
    sizes = {"districts.geojson": districts_bytes, "region.geojson": region_bytes, **units}
    report += units_report
    report.append(", ".join(f"{name} {len(data):,} bytes" for name, data in sizes.items()))
    return report


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--out",
        type=Path,
        default=DEFAULT_OUT,
        help="output folder (default: data/geo)",
    )
    parser.add_argument(
        "--tables",
        type=Path,
        default=DEFAULT_TABLES,
        help="folder for units_2025.csv (default: data)",
    )
    args = parser.parse_args(argv)
    try:
        report = build(RAW_DIR, DISTRICTS_CSV, args.out, tables_dir=args.tables)
    except GeodataError as exc:
        print(f"build_geodata: refused to write: {exc}", file=sys.stderr)
        return 1
    print("\n".join(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())

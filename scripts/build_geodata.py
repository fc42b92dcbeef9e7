"""Build data/geo/*.geojson from the raw boundary files in data/raw/geodata.

Usage: python scripts/build_geodata.py [--out DIR]

Each district shape is paired with a code from data/districts.csv, its geodesic
area is held against the official area there, and nothing is written unless every
check passes. Boundaries: daohoangson/dvhcvn (GPL-3.0), extracted from
gis.chinhphu.vn; see data/raw/geodata/SOURCE.md.
"""

import argparse
import csv
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

REGION_NAMES_EN = {
    70: "Binh Phuoc",
    72: "Tay Ninh",
    74: "Binh Duong",
    75: "Dong Nai",
    77: "Ba Ria-Vung Tau",
    79: "Ho Chi Minh City",
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
    return _feature_collection(features), rows


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


def build(raw_dir, districts_csv, out_dir):
    """Check everything, then write districts.geojson and region.geojson to out_dir.

    Returns report lines; raises GeodataError (writing nothing) if a check fails.
    """
    raw_dir, out_dir = Path(raw_dir), Path(out_dir)
    districts = _read_districts(Path(districts_csv))
    districts_bytes, rows = _build_districts(_read_json(raw_dir / PROVINCE_FILE), districts)
    region_bytes = _build_region(_read_json(raw_dir / REGION_FILE))
    for name, data, limit in (
        ("districts.geojson", districts_bytes, DISTRICTS_MAX_BYTES),
        ("region.geojson", region_bytes, REGION_MAX_BYTES),
    ):
        if len(data) > limit:
            raise GeodataError(f"{name} would be {len(data):,} bytes, over the {limit:,} limit")

    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "districts.geojson").write_bytes(districts_bytes)
    (out_dir / "region.geojson").write_bytes(region_bytes)

    report = ["code  name              computed  official   diff"]
    report += [
        f"{code}   {name:<16} {got:9.2f} {official:9.2f} {got / official - 1:+6.2%}"
        for code, name, got, official in rows
    ]
    report.append(
        f"districts.geojson {len(districts_bytes):,} bytes, "
        f"region.geojson {len(region_bytes):,} bytes"
    )
    return report


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--out",
        type=Path,
        default=DEFAULT_OUT,
        help="output folder (default: data/geo)",
    )
    args = parser.parse_args(argv)
    try:
        report = build(RAW_DIR, DISTRICTS_CSV, args.out)
    except GeodataError as exc:
        print(f"build_geodata: refused to write: {exc}", file=sys.stderr)
        return 1
    print("\n".join(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""scripts/build_geodata.py: repeatable, checked against official areas, refuses bad input."""

import csv
import importlib.util
import json
import shutil
from pathlib import Path

import pytest
from shapely.geometry import shape

REPO_ROOT = Path(__file__).resolve().parents[2]
RAW_DIR = REPO_ROOT / "data" / "raw" / "geodata"
DISTRICTS_CSV = REPO_ROOT / "data" / "districts.csv"
GEO_DIR = REPO_ROOT / "data" / "geo"
OUTPUTS = ("districts.geojson", "region.geojson")


def _load_script():
    # scripts/ is not a package, so load the file by path.
    spec = importlib.util.spec_from_file_location(
        "build_geodata", REPO_ROOT / "scripts" / "build_geodata.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


bg = _load_script()


def _official():
    with DISTRICTS_CSV.open(encoding="utf-8", newline="") as fh:
        return {int(r["code"]): r for r in csv.DictReader(fh)}


def _features(name):
    return json.loads((GEO_DIR / name).read_text(encoding="utf-8"))["features"]


def test_rebuild_matches_committed_files_byte_for_byte(tmp_path):
    bg.build(RAW_DIR, DISTRICTS_CSV, tmp_path)
    for name in OUTPUTS:
        assert (tmp_path / name).read_bytes() == (GEO_DIR / name).read_bytes(), name


def test_districts_match_districts_csv():
    official = _official()
    features = _features("districts.geojson")
    assert sorted(f["properties"]["code"] for f in features) == sorted(official)
    for f in features:
        props = f["properties"]
        assert set(props) == {"code", "name_vi", "name_en", "zone", "area_km2_computed"}
        row = official[props["code"]]
        area = float(row["area_km2"])
        assert props["area_km2_computed"] == pytest.approx(area, rel=0.03), props
        # The shipped, simplified shape must also hold the official area.
        assert bg.area_km2(shape(f["geometry"])) == pytest.approx(area, rel=0.03), props
        assert props["zone"] == int(row["zone"]), props


def test_tan_uyen_shapes_are_paired_north_and_south():
    # The raw file swaps these two; Bắc Tân Uyên ("North Tân Uyên") lies north.
    centroids = {
        f["properties"]["code"]: shape(f["geometry"]).centroid
        for f in _features("districts.geojson")
    }
    assert centroids[726].y > centroids[723].y


def test_region_has_focus_province_and_neighbours():
    features = _features("region.geojson")
    assert [f["properties"]["code"] for f in features] == [70, 72, 74, 75, 77, 79]
    assert [f["properties"]["code"] for f in features if f["properties"]["focus"]] == [74]


def test_size_limits():
    assert (GEO_DIR / "districts.geojson").stat().st_size <= bg.DISTRICTS_MAX_BYTES
    assert (GEO_DIR / "region.geojson").stat().st_size <= bg.REGION_MAX_BYTES


@pytest.fixture
def tampered_csv(tmp_path):
    """A copy of districts.csv with Dĩ An's area raised by 10 %."""
    with DISTRICTS_CSV.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        fields, rows = reader.fieldnames, list(reader)
    for row in rows:
        if row["code"] == "724":
            row["area_km2"] = str(round(float(row["area_km2"]) * 1.1, 2))
    path = tmp_path / "districts.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)
    return path


def test_tampered_area_refuses_to_write(tmp_path, tampered_csv):
    raw = tmp_path / "raw"
    shutil.copytree(RAW_DIR, raw)
    out = tmp_path / "out"
    with pytest.raises(bg.GeodataError, match="724"):
        bg.build(raw, tampered_csv, out)
    assert not out.exists()


def test_cli_exits_non_zero_on_tampered_area(tmp_path, tampered_csv, monkeypatch, capsys):
    monkeypatch.setattr(bg, "DISTRICTS_CSV", tampered_csv)
    out = tmp_path / "out"
    assert bg.main(["--out", str(out)]) != 0
    assert "refused to write" in capsys.readouterr().err
    assert not out.exists()

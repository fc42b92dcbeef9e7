"""The 2025 units crosswalk built by scripts/build_geodata.py: checked, repeatable, sane."""

import csv
import json
import shutil
from collections import defaultdict

import pytest

# One loaded copy of the script (scripts/ is not a package), shared with its own tests.
from tests.unit.test_geodata_build import DISTRICTS_CSV, RAW_DIR, REPO_ROOT, bg

DATA = REPO_ROOT / "data"
MAP_FILES = ("units_2025.geojson", "located_areas.geojson")


def _crosswalk():
    with (DATA / "units_2025.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _by_unit():
    grouped = defaultdict(list)
    for row in _crosswalk():
        grouped[int(row["code"])].append(row)
    return grouped


def _unit_features():
    return json.loads((DATA / "geo" / "units_2025.geojson").read_text(encoding="utf-8"))["features"]


def test_rebuild_reproduces_the_committed_files_byte_for_byte(tmp_path):
    bg.build(RAW_DIR, DISTRICTS_CSV, tmp_path / "geo", tables_dir=tmp_path)
    for name in MAP_FILES:
        assert (tmp_path / "geo" / name).read_bytes() == (DATA / "geo" / name).read_bytes(), name
    assert (tmp_path / "units_2025.csv").read_bytes() == (DATA / "units_2025.csv").read_bytes()


def test_official_areas_sum_to_the_province():
    total = sum(f["properties"]["area_km2"] for f in _unit_features())
    assert total == pytest.approx(bg.PROVINCE_AREA_KM2, rel=bg.PROVINCE_AREA_TOLERANCE)
    assert len(_unit_features()) == bg.UNIT_COUNT == len(_by_unit())


def test_kept_shares_sum_to_100_and_none_is_a_sliver():
    for code, rows in _by_unit().items():
        shares = [float(row["share_pct"]) for row in rows]
        assert sum(shares) == pytest.approx(100, abs=1), code
        # Renormalising only raises shares: every kept one was at least the threshold.
        assert min(float(row["overlay_share_pct"]) for row in rows) >= bg.SLIVER_SHARE_PCT - 0.05


def test_every_unit_has_one_dominant_former_unit():
    for code, rows in _by_unit().items():
        dominant = [row for row in rows if row["dominant"] == "true"]
        assert len(dominant) == 1, code
        assert float(dominant[0]["share_pct"]) > bg.DOMINANT_SHARE_PCT, code
        assert dominant[0]["share_pct"] == max((r["share_pct"] for r in rows), key=float), code


@pytest.mark.parametrize(
    ("code", "former"),
    [(25747, 718), (25942, 724), (25777, 720), (25858, 722), (25966, 725), (25906, 726)],
    ids=["Thủ Dầu Một", "Dĩ An", "Dầu Tiếng", "Phú Giáo", "Lái Thiêu", "Bắc Tân Uyên"],
)
def test_known_pairings(code, former):
    dominant = next(r for r in _by_unit()[code] if r["dominant"] == "true")
    assert int(dominant["former_code"]) == former
    assert float(dominant["share_pct"]) > 90


def test_zone_follows_the_former_unit():
    with DISTRICTS_CSV.open(encoding="utf-8", newline="") as fh:
        zone_of = {row["code"]: row["zone"] for row in csv.DictReader(fh)}
    for row in _crosswalk():
        assert row["zone"] == zone_of[row["former_code"]], row["code"]


def test_english_names_keep_diacritics():
    names = {f["properties"]["code"]: f["properties"] for f in _unit_features()}
    assert names[25750]["name_vi"] == "Phường Phú Lợi"
    assert names[25750]["name_en"] == "Phú Lợi Ward"
    assert names[25777]["name_en"] == "Dầu Tiếng Commune"
    assert names[25777]["type"] == "commune"


def test_map_files_stay_small():
    sizes = {name: (DATA / "geo" / name).stat().st_size for name in MAP_FILES}
    assert sizes["units_2025.geojson"] <= bg.UNITS_MAX_BYTES
    assert sizes["located_areas.geojson"] <= bg.LOCATED_MAX_BYTES
    # The zones page's budget is 150 KB with every layer; it used 87 KB before these.
    assert sum(sizes.values()) <= 60_000


def test_located_areas_are_the_named_outlines():
    features = json.loads((DATA / "geo" / "located_areas.geojson").read_text(encoding="utf-8"))
    refs = {f["properties"]["place_id"]: f["properties"]["area_ref"] for f in features["features"]}
    # The former town, not today's Phường Phú Mỹ; the ward that took in all of Hòa Phú.
    assert refs == {
        "cai_mep_thi_vai": "dvhcvn:754",
        "can_gio": "wards_2025:27676",
        "it_park": "wards_2025:25760",
    }


@pytest.fixture
def raw_copy(tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(RAW_DIR, raw)
    return raw


def test_wrong_unit_area_sum_refuses_to_write(tmp_path, raw_copy):
    path = raw_copy / "wards_2025" / "25747_thu_dau_mot.geojson"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["features"][0]["properties"]["areaKm2"] += 10  # 0.4 % of the province
    path.write_text(json.dumps(data), encoding="utf-8")
    out = tmp_path / "out"
    with pytest.raises(bg.GeodataError, match="official unit areas sum to"):
        bg.build(raw_copy, DISTRICTS_CSV, out)
    assert not out.exists()


def test_missing_unit_refuses_to_write(tmp_path, raw_copy):
    (raw_copy / "wards_2025" / "25942_di_an.geojson").unlink()
    out = tmp_path / "out"
    with pytest.raises(bg.GeodataError, match="36"):
        bg.build(raw_copy, DISTRICTS_CSV, out)
    assert not out.exists()


def test_no_dominant_former_unit_refuses_to_write(tmp_path, monkeypatch):
    # Phường Phú An is 57 % former Bến Cát: demanding 60 % leaves it without one.
    monkeypatch.setattr(bg, "DOMINANT_SHARE_PCT", 60.0)
    out = tmp_path / "out"
    with pytest.raises(bg.GeodataError, match="25768"):
        bg.build(RAW_DIR, DISTRICTS_CSV, out)
    assert not out.exists()

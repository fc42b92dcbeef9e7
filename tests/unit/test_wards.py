"""core/wards.py: find a 2025 unit by name, read its former units and zones, link values."""

from __future__ import annotations

import pandas as pd
import pytest

from core import wards
from core.data import DataError
from tests.conftest import DATA


@pytest.fixture(scope="module")
def crosswalk():
    return wards.load_crosswalk(DATA)


@pytest.fixture(scope="module")
def table(crosswalk):
    return wards.units(crosswalk)


@pytest.fixture(scope="module")
def units_geo():
    return wards.load_units_geo(DATA)


@pytest.fixture(scope="module")
def located():
    return wards.load_located(DATA)


def test_units_are_the_36_with_names_and_areas(table):
    assert len(table) == 36
    assert table["code"].is_unique
    row = table.set_index("code").loc[25760]
    assert (row["name_vi"], row["name_en"], row["type"]) == (
        "Phường Bình Dương",
        "Bình Dương Ward",
        "ward",
    )


@pytest.mark.parametrize(
    "query",
    [
        "tan dong hiep",
        "Tân Đông Hiệp",
        "TÂN ĐÔNG HIỆP",
        "tân đông hiệp",
        "Phường Tân Đông Hiệp",
        "phuong tan dong hiep",
        "Tan Dong Hiep Ward",
        "  tan   dong hiep  ",
        "dong hiep",
    ],
)
def test_search_ignores_diacritics_case_and_type_word(query, table):
    assert wards.search_units(query, table) == [25945]


def test_search_folds_d_stroke_both_ways(table):
    # Đ is a letter of its own, not D with a mark: it must still fold to d.
    assert wards.search_units("dong hoa", table) == [25951]
    assert wards.search_units("ĐÔNG HOÀ", table) == [25951]
    assert wards.search_units("Đông Hòa", table) == [25951]  # modern tone placement


def test_search_finds_xa_and_ranks_the_whole_name_first(table):
    assert wards.search_units("xa dau tieng", table) == [25777]
    found = wards.search_units("an", table)
    # Names that start with the word come before names that end with it.
    assert found[:2] == [25867, 25975]  # An Long, An Phú
    assert 25942 in found  # Dĩ An
    assert 25888 not in found  # "an" inside "Uyên"/"Tân" is not a word start


@pytest.mark.parametrize("query", ["", "   ", "TDM", "zzz", None, 42, ["x"]])
def test_search_without_a_match(query, table):
    assert wards.search_units(query, table) == []


def test_suggestions_offer_the_closest_names(table):
    assert wards.search_units("tan dong hep", table) == []
    assert wards.suggest_units("tan dong hep", table)[0] == 25945
    assert wards.suggest_units("thuan giau", table)[0] == 25969
    assert len(wards.suggest_units("phu", table)) <= wards.SUGGESTION_COUNT
    assert wards.suggest_units("qqqqqqqq", table) == []
    assert wards.suggest_units("", table) == []


def test_former_units_of_a_split_unit(crosswalk):
    parts = wards.former_units(25760, crosswalk)
    assert [p.former_code for p in parts] == [718, 723]
    assert parts[0].dominant
    assert not parts[1].dominant
    assert sum(p.share_pct for p in parts) == pytest.approx(100, abs=1)
    assert wards.former_units(99999, crosswalk) == []


def test_zone_shares_add_up_former_units_by_zone(crosswalk):
    # Phường Vĩnh Tân lies in former Tân Uyên (zone 2) and Bắc Tân Uyên (zone 3).
    shares = wards.zone_shares(25912, crosswalk)
    assert list(shares) == [2, 3]
    assert sum(shares.values()) == pytest.approx(100, abs=1)
    # Phường Thủ Dầu Một, Bình Dương: all in zone 2.
    assert list(wards.zone_shares(25760, crosswalk)) == [2]


@pytest.mark.parametrize("code", [25760, 25942, 25777])
def test_parse_ward_accepts_known_codes(code, table):
    assert wards.parse_ward([str(code)], table["code"]) == (code, None)
    assert wards.parse_ward(f" {code} ", table["code"]) == (code, None)


def test_parse_ward_without_a_value(table):
    assert wards.parse_ward([], table["code"]) == (None, None)
    assert wards.parse_ward(None, table["code"]) == (None, None)


@pytest.mark.parametrize(
    "raw",
    [
        [""],
        ["<script>alert(1)</script>"],
        ["9" * 10_000],
        ["99999"],
        ["27676"],  # Xã Thạnh An (Cần Giờ) is not one of the 36
        ["25760.0"],
        ["-25760"],
        ["0x64d0"],
        ["٢٥٧٦٠"],  # Arabic-Indic digits: int() would read them
        ["25760", "25747"],
        ["25760\x00"],
        ["25760;DROP TABLE"],
    ],
)
def test_parse_ward_rejects_hostile_values(raw, table):
    code, rejected = wards.parse_ward(raw, table["code"])
    assert code is None
    assert rejected is not None
    assert rejected == (raw[0] if len(raw) == 1 else ",".join(raw))


def test_distance_to_a_point_from_the_centroid(units_geo):
    geometry = wards.feature(units_geo, "code", 25747)["geometry"]
    # Phường Thủ Dầu Một to Tân Sơn Nhất airport: about 17 km as the crow flies.
    assert wards.distance_to_point_km(geometry, (106.65194, 10.81889)) == pytest.approx(17, abs=2)


def test_distance_to_a_located_area_is_to_its_nearest_edge(units_geo, located):
    _, areas = located
    unit = wards.feature(units_geo, "code", 25747)["geometry"]
    park_ward = wards.feature(areas, "place_id", "it_park")["geometry"]
    phu_my = wards.feature(areas, "place_id", "cai_mep_thi_vai")["geometry"]
    inside = wards.feature(units_geo, "code", 25760)["geometry"]
    assert wards.distance_to_area_km(inside, park_ward) == 0  # Phường Bình Dương holds the park
    assert 0 < wards.distance_to_area_km(unit, park_ward) < 10  # Thủ Dầu Một ward is next door
    to_edge = wards.distance_to_area_km(unit, phu_my)
    to_centre = wards.distance_to_point_km(unit, wards.centroid(phu_my))
    assert 30 < to_edge < to_centre


def test_edge_distance_of_a_square():
    square = {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]]}
    assert wards.edge_distance_km((0.5, 0.5), square) == 0
    # One degree of latitude south of the edge: about 111.2 km.
    assert wards.edge_distance_km((0.5, -1), square) == pytest.approx(111.2, rel=0.01)
    assert wards.feature({"features": []}, "code", 1) is None


def test_damaged_units_file_is_reported(data_copy):
    path = data_copy / "units_2025.csv"
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame.loc[0, "share_pct"] = "80.0"  # Phường Thủ Dầu Một no longer makes 100 %
    frame.to_csv(path, index=False)
    with pytest.raises(DataError) as caught:
        wards.load_crosswalk(data_copy)
    problem = caught.value.problems[0]
    assert (problem.file, problem.kind, problem.line) == ("units_2025.csv", "shares_sum", 2)


def test_wrong_zone_in_units_file_is_reported(data_copy):
    path = data_copy / "units_2025.csv"
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame.loc[0, "zone"] = "1"
    frame.to_csv(path, index=False)
    with pytest.raises(DataError) as caught:
        wards.load_crosswalk(data_copy)
    assert caught.value.problems[0].kind == "zone_membership"


def test_units_map_must_match_the_crosswalk(data_copy):
    path = data_copy / "units_2025.csv"
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame[frame["code"] != "25942"].to_csv(path, index=False)
    with pytest.raises(DataError) as caught:
        wards.load_units_geo(data_copy)
    assert caught.value.problems[0].detail == "25942"


# --- The card's distances, located areas by layer, settled searches -------------------


def test_place_distances_measure_points_then_located_areas(units_geo, located):
    from core.data import load_table

    connectivity = load_table("connectivity", DATA)
    areas, areas_geo = located
    shape = wards.feature(units_geo, "code", 25760)["geometry"]
    found = wards.place_distances(shape, connectivity, areas, areas_geo)
    placed = connectivity[connectivity["lon"].notna()]
    assert [d.place_id for d in found if not d.to_edge] == list(placed["id"])
    assert [d.place_id for d in found if d.to_edge] == list(areas["place_id"])
    by_id = {d.place_id: d.km for d in found}
    # Bình Dương Ward is the IT park's located-within area: its centroid lies inside it.
    assert by_id["it_park"] == 0
    assert by_id["cai_mep_thi_vai"] < wards.distance_to_point_km(shape, (107.03, 10.55))
    assert wards.place_distances(shape, None, None, None) == []


def test_located_areas_follow_their_layers(located):
    areas, _ = located
    assert list(wards.located_in_layers(areas, ["it_park"])["place_id"]) == ["it_park"]
    assert set(wards.located_in_layers(areas, ["connectivity"])["place_id"]) == {
        "cai_mep_thi_vai",
        "can_gio",
    }
    assert wards.located_in_layers(areas, ["units"]).empty


def test_place_names_cover_targets_and_the_park():
    from core.data import load_table

    names = wards.place_names(load_table("connectivity", DATA), load_table("it_park", DATA))
    assert names["it_park"][0].startswith("Khu công nghệ thông tin")
    assert names["tan_son_nhat"][1] == "Tân Sơn Nhất International Airport"
    assert wards.place_names(None, None) == {}


@pytest.mark.parametrize(
    ("query", "settled"),
    [("phu loi", 25750), ("Phường Phú Lợi", 25750), ("tan", None), ("", None)],
)
def test_a_search_settles_on_a_whole_name_or_a_single_match(query, settled, table):
    assert wards.clear_match(query, table) == settled
    assert len(wards.search_units("tan", table)) > 1  # "tan" is a prefix of several names


def test_plan_date_comes_from_the_sources_file():
    from core.data import load_table

    assert wards.plan_date(load_table("sources", DATA)).startswith("2024")

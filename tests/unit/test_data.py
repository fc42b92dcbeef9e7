"""The curated data loads clean, and each kind of damage is reported by file, line, column."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd
import pytest

from core.data import DataError, DataProblem, load_geojson, load_table
from core.schemas import SCHEMAS
from tests.conftest import DATA, REPO


def fingerprint(folder: Path) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.fixture(autouse=True)
def data_folder_is_never_written():
    before = fingerprint(DATA)
    yield
    assert fingerprint(DATA) == before


@pytest.mark.parametrize("table", sorted(SCHEMAS))
def test_every_curated_file_is_valid(table):
    assert len(load_table(table, DATA)) > 0


@pytest.mark.parametrize("table", ["districts_geo", "region_geo"])
def test_map_files_are_valid(table):
    assert load_geojson(table, DATA)["features"]


def test_every_csv_has_a_schema_and_a_description():
    described = (DATA / "README.md").read_text(encoding="utf-8")
    for path in DATA.glob("*.csv"):
        assert path.stem in SCHEMAS, f"{path.name} has no schema in core/schemas.py"
        assert f"`{path.name}`" in described, f"{path.name} is not described in data/README.md"


def edit_csv(folder: Path, table: str, change) -> None:
    path = folder / f"{table}.csv"
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    change(frame).to_csv(path, index=False)


def problems_of(table: str, folder: Path) -> list[DataProblem]:
    with pytest.raises(DataError) as caught:
        load_table(table, folder)
    return caught.value.problems


def test_missing_file(data_copy):
    (data_copy / "zones.csv").unlink()
    assert problems_of("zones", data_copy) == [DataProblem("zones.csv", "missing_file")]


def test_missing_column(data_copy):
    edit_csv(data_copy, "districts", lambda f: f.drop(columns=["area_km2"]))
    assert problems_of("districts", data_copy) == [
        DataProblem("districts.csv", "missing_column", column="area_km2")
    ]


def test_wrong_type(data_copy):
    def damage(frame):
        frame.loc[2, "area_km2"] = "lots"
        return frame

    edit_csv(data_copy, "districts", damage)
    [problem] = problems_of("districts", data_copy)
    assert (problem.file, problem.kind, problem.line, problem.column) == (
        "districts.csv",
        "wrong_type",
        4,
        "area_km2",
    )


def test_unknown_source_id(data_copy):
    def damage(frame):
        frame.loc[0, "source"] = "s0_article;no_such_source"
        return frame

    edit_csv(data_copy, "plan_targets", damage)
    assert problems_of("plan_targets", data_copy) == [
        DataProblem("plan_targets.csv", "unknown_source", 2, "source", "no_such_source")
    ]


def test_unit_in_two_zones(data_copy):
    def damage(frame):
        extra = frame.iloc[[0]].assign(zone="3")
        return pd.concat([frame, extra], ignore_index=True)

    edit_csv(data_copy, "districts", damage)
    [problem] = problems_of("districts", data_copy)
    assert (problem.kind, problem.column) == ("zone_membership", "zone")
    assert problem.detail.endswith(": 2, 3")


def test_out_of_range_share(data_copy):
    def damage(frame):
        frame.loc[frame["id"] == "share_services", ["value_min", "value_max"]] = "38"
        return frame

    edit_csv(data_copy, "plan_targets", damage)
    [problem] = problems_of("plan_targets", data_copy)
    assert (problem.file, problem.kind) == ("plan_targets.csv", "shares_sum")


def test_share_above_100_is_out_of_range(data_copy):
    def damage(frame):
        frame.loc[0, "share_services_pct"] = "140"
        return frame

    edit_csv(data_copy, "economy_outturn", damage)
    [problem] = problems_of("economy_outturn", data_copy)
    assert (problem.kind, problem.line, problem.column) == ("bad_value", 2, "share_services_pct")


def test_unreadable_geojson(data_copy):
    (data_copy / "geo" / "districts.geojson").write_text("{not json", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_geojson("districts_geo", data_copy)
    assert caught.value.problems[0].kind == "unreadable"


ARTICLE = (REPO / "data" / "raw" / "planning_article_vi.txt").read_text(encoding="utf-8")


def test_headline_targets_match_the_article():
    targets = load_table("plan_targets", DATA).set_index("id")
    assert targets.loc["growth_2021_2030", "value_min"] == 10
    assert targets.loc["grdp_per_capita_usd", "value_min"] == 15800
    assert targets.loc[
        ["population_total", "population_official", "population_converted"], "value_min"
    ].tolist() == [4.04, 3.48, 0.56]
    for phrase in [
        "khoảng 10%/năm",
        "khoảng 15.800 USD",
        "4,04 triệu người",
        "3,48 triệu người",
        "0,56 triệu người",
    ]:
        assert phrase in ARTICLE


def test_zone_membership_matches_the_article():
    districts = load_table("districts", DATA)
    members = {zone: sorted(rows["name_vi"]) for zone, rows in districts.groupby("zone")}
    assert members == {
        1: ["Dĩ An", "Thuận An"],
        2: ["Bàu Bàng", "Bến Cát", "Thủ Dầu Một", "Tân Uyên"],
        3: ["Bắc Tân Uyên", "Dầu Tiếng", "Phú Giáo"],
    }
    assert "Khu vực 1 (gồm TP Thuận An và TP Dĩ An)" in ARTICLE
    assert "Khu vực 3 (gồm các huyện Bắc Tân Uyên, Phú Giáo, Dầu Tiếng)" in ARTICLE

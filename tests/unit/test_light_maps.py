"""The light (Vega-Lite) maps of issue 19 and the zones page's map link value."""

from __future__ import annotations

import json

from components.map_charts import HOST_COLOUR, WARD_COLOUR, location_map_spec, zone_map_spec
from core.data import data_dir, load_geojson, load_table
from core.i18n import Translator
from core.map_mode import map_mode_param, parse_map_mode
from core.wards import UNITS_GEO, feature

FOLDER = data_dir()


def test_static_zone_map_colours_each_zone_and_names_each_unit():
    t = Translator("vi")
    zones = load_table("zones", FOLDER)
    districts = load_table("districts", FOLDER)
    spec = zone_map_spec(load_geojson("districts_geo", FOLDER), districts, zones, t)
    shapes, _halo, names = spec["layer"]
    assert shapes["encoding"]["color"]["scale"]["range"] == list(zones.sort_values("id")["color"])
    labels = {value["name"] for value in names["data"]["values"]}
    assert labels == set(districts["name_vi"])


def test_static_zone_map_outlines_and_names_a_chosen_ward():
    t = Translator("en")
    units_geo = load_geojson(UNITS_GEO, FOLDER)
    ward = feature(units_geo, "code", 25750)
    zones, districts = load_table("zones", FOLDER), load_table("districts", FOLDER)
    spec = zone_map_spec(load_geojson("districts_geo", FOLDER), districts, zones, t, ward=ward)
    *_plain, outline, halo, name = spec["layer"]
    assert len(_plain) == 3
    assert outline["mark"] == {
        "type": "geoshape",
        "filled": False,
        "stroke": WARD_COLOUR,
        "strokeWidth": 4,
    }
    assert name["mark"]["color"] == WARD_COLOUR
    assert name["data"]["values"][0]["name"] == ward["properties"]["name_en"]
    assert halo["data"] == name["data"]


def test_location_map_outlines_the_it_park_area_over_the_nine_units():
    t = Translator("en")
    located = load_geojson("located_geo", FOLDER)
    area = next(f for f in located["features"] if f["properties"]["place_id"] == "it_park")
    spec = location_map_spec(load_geojson("districts_geo", FOLDER), area, None, t)
    context, outline, *_texts = spec["layer"]
    assert len(context["data"]["values"]) == 9
    assert outline["mark"]["fill"] == HOST_COLOUR
    assert outline["data"]["values"][0]["geometry"]["type"] == area["geometry"]["type"]
    assert "circle" not in json.dumps([layer["mark"] for layer in spec["layer"]])


def test_location_map_marks_a_known_site():
    spec = location_map_spec(
        load_geojson("districts_geo", FOLDER), None, (106.7, 11.0), Translator("vi")
    )
    assert spec["layer"][-1]["mark"]["type"] == "circle"


def test_map_link_value():
    assert parse_map_mode([]) == (False, None)
    assert parse_map_mode(["interactive"]) == (True, None)
    assert parse_map_mode([" Interactive "]) == (True, None)
    assert parse_map_mode(["webgl"]) == (False, "webgl")
    assert parse_map_mode(["interactive", "interactive"]) == (False, "interactive,interactive")
    assert map_mode_param(True) == "interactive"
    assert map_mode_param(False) is None

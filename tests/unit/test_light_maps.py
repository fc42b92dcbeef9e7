"""The Vega-Lite zone map the PDF brief prints, and the zones page's map link value
(the pages' light SVG maps: test_svg_map.py)."""

from __future__ import annotations

from components.map_charts import zone_map_spec
from core.data import data_dir, load_geojson, load_table
from core.i18n import Translator
from core.map_mode import choice_link, map_mode_param, parse_map_mode

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


def test_map_link_value():
    assert parse_map_mode([]) == (False, None)
    assert parse_map_mode(["interactive"]) == (True, None)
    assert parse_map_mode([" Interactive "]) == (True, None)
    assert parse_map_mode(["webgl"]) == (False, "webgl")
    assert parse_map_mode(["interactive", "interactive"]) == (False, "interactive,interactive")
    assert map_mode_param(True) == "interactive"
    assert map_mode_param(False) is None


def test_the_light_maps_choice_link_keeps_only_validated_values():
    assert choice_link("vi", 2, None) == "?lang=vi&zone=2"
    assert choice_link("en", 1, 25750) == "?lang=en&zone=1&ward=25750"

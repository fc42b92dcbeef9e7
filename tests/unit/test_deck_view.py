"""The interactive zones map's fixed views and where the connection places' names go,
measured in pixels from the real shapes and places (issue 18: the province fills the map,
no line crosses a name, no name is cut off on a phone)."""

from __future__ import annotations

import pytest

from components.deck import (
    CENTRE_NAME_BESIDE,
    DESKTOP_MAP_WIDTH,
    MAP_HEIGHT,
    PLACE_PX,
    WardLayers,
    geometry,
    layer_specs,
    located,
    map_points,
    place_label,
)
from components.slides import MAPS
from core.data import data_dir, load_geojson, load_table
from core.geo import bbox, union_bbox
from core.i18n import Translator
from core.map_labels import covers
from core.svg_map import text_width
from core.text import label_lines
from tests.map_pixels import to_pixel

PHONE_WIDTH = 354  # the map's width at a 390-px viewport
FOLDER = data_dir()
DISTRICTS_GEO = load_geojson("districts_geo", FOLDER)
REGION_GEO = load_geojson("region_geo", FOLDER)
LOCATED_GEO = load_geojson("located_geo", FOLDER)
CONNECTIVITY = load_table("connectivity", FOLDER)
IT_PARK = load_table("it_park", FOLDER)
PLACES = located(CONNECTIVITY)
GEO = geometry(
    DISTRICTS_GEO,
    REGION_GEO,
    folder=str(FOLDER),
    points=map_points(PLACES, IT_PARK),
    _located_geo=LOCATED_GEO,
)
PROVINCE = union_bbox([bbox(f["geometry"]) for f in DISTRICTS_GEO["features"]])


def label_box(
    label: dict, marker: tuple[float, float], text: str, size: int = PLACE_PX
) -> tuple[float, ...]:
    """The pixels a name covers (estimated generously from its font)."""
    lines = text.split("\n")
    width = max(text_width(line, size) for line in lines)
    height = len(lines) * size
    x = marker[0] + label["offset"][0]
    y = marker[1] + label["offset"][1]
    left = {"start": x, "end": x - width, "middle": x - width / 2}[label["anchor"]]
    top = {"top": y, "bottom": y - height, "center": y - height / 2}[label["baseline"]]
    return left, top, left + width, top + height


def crosses(start, end, box, steps: int = 400) -> bool:
    return any(
        box[0] < start[0] + (end[0] - start[0]) * i / steps < box[2]
        and box[1] < start[1] + (end[1] - start[1]) * i / steps < box[3]
        for i in range(steps + 1)
    )


@pytest.mark.parametrize("width", [DESKTOP_MAP_WIDTH, PHONE_WIDTH])
def test_without_the_places_the_province_fills_the_map(width):
    view = GEO.province.view
    left, top = to_pixel((PROVINCE[0], PROVINCE[3]), view, width, MAP_HEIGHT)
    right, bottom = to_pixel((PROVINCE[2], PROVINCE[1]), view, width, MAP_HEIGHT)
    # Whole on a phone and filling its width; the wide view left it 45 % tall.
    assert 0 < left < right < width
    assert 0 < top < bottom < MAP_HEIGHT
    assert (right - left) / PHONE_WIDTH > 0.75
    assert (bottom - top) / MAP_HEIGHT > 0.5
    assert GEO.frame(()) == GEO.frame(("units", "it_park")) == GEO.province


@pytest.mark.parametrize("width", [DESKTOP_MAP_WIDTH, PHONE_WIDTH])
def test_with_the_places_the_wide_view_shows_every_place(width):
    assert GEO.frame(("connectivity",)) == GEO.wide != GEO.province
    for row in PLACES.itertuples():
        x, y = to_pixel((row.lon, row.lat), GEO.wide.view, width, MAP_HEIGHT)
        assert 0 < x < width
        assert 0 < y < MAP_HEIGHT


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("width", [DESKTOP_MAP_WIDTH, PHONE_WIDTH])
def test_no_place_name_is_crossed_by_its_line_or_cut_off(lang, width):
    view = GEO.wide.view
    centre = to_pixel(GEO.centre, view, width, MAP_HEIGHT)
    assert len(PLACES) >= 4
    for row in PLACES.itertuples():
        name = row.name_vi if lang == "vi" else row.name_en
        text = f"{label_lines(name)}\n100 km"
        marker = to_pixel((row.lon, row.lat), view, width, MAP_HEIGHT)
        label = place_label((row.lon, row.lat), GEO.centre, GEO.wide, text.count("\n") + 1)
        box = label_box(label, marker, text)
        assert not crosses(marker, centre, box), (name, box)
        assert box[0] >= 0, (name, box)
        assert box[2] <= width, (name, box)
        assert box[1] >= 0, (name, box)
        assert box[3] <= MAP_HEIGHT, (name, box)


def test_the_capitals_name_sits_in_the_quarter_no_line_enters():
    # Below left of the centre (CENTRE_NAME_BESIDE): no place lies south-west of it.
    assert CENTRE_NAME_BESIDE["anchor"] == "end"
    assert CENTRE_NAME_BESIDE["baseline"] == "top"
    south_west = PLACES[(PLACES["lon"] < GEO.centre[0]) & (PLACES["lat"] < GEO.centre[1])]
    # A place due south (Tân Sơn Nhất is 0.05° west) keeps its line off the name's box.
    centre = to_pixel(GEO.centre, GEO.wide.view, DESKTOP_MAP_WIDTH, MAP_HEIGHT)
    right_edge = centre[0] + CENTRE_NAME_BESIDE["offset"][0] + 3  # the box's padding
    for row in south_west.itertuples():
        x, y = to_pixel((row.lon, row.lat), GEO.wide.view, DESKTOP_MAP_WIDTH, MAP_HEIGHT)
        top = centre[1] + CENTRE_NAME_BESIDE["offset"][1]
        # Where the line is at the name's height (top and 14 px lower), it is right of it.
        for dy in (0, 16):
            at = centre[0] + (x - centre[0]) * (top + dy - centre[1]) / (y - centre[1])
            assert at > right_edge + 1, row.name_en


def map_names(
    lang: str, layers: tuple[str, ...], geo=GEO, label_px: int | None = None
) -> dict[str, list[tuple[dict, dict]]]:
    """Each text layer a map draws (by id): its labels with their placement. By default
    the page's; with ``geo`` and ``label_px``, a slide's (no places, no 2025 layers)."""
    page = label_px is None
    specs = layer_specs(
        DISTRICTS_GEO,
        REGION_GEO,
        load_table("zones", FOLDER),
        load_table("districts", FOLDER),
        CONNECTIVITY if page else None,
        IT_PARK if page else None,
        geo,
        folder=str(FOLDER),
        t=Translator(lang),
        zone=None,
        layers=layers,
        _wards=WardLayers(None, None, load_table("located_areas", FOLDER), LOCATED_GEO, None)
        if page
        else None,
        **({} if page else {"label_px": label_px}),
    )
    return {
        spec["id"]: [(item, placement(spec["props"], item)) for item in spec["props"]["data"]]
        for spec in specs
        if spec["type"] == "TextLayer"
    }


def placement(props: dict, item: dict) -> dict:
    """A label's anchor, baseline, offset and size: from its own fields where the layer
    reads them per label, else the layer's one value ('"start"' is a literal)."""

    def value(prop: str):
        given = props[prop]
        if isinstance(given, str):
            return given.strip('"') if given.startswith('"') else item[given]
        return given

    return {
        "anchor": value("get_text_anchor"),
        "baseline": value("get_alignment_baseline"),
        "offset": value("get_pixel_offset"),
        "size": value("get_size"),
    }


def overlap(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("width", [DESKTOP_MAP_WIDTH, PHONE_WIDTH])
def test_located_within_names_are_whole_and_off_other_names(lang, width):
    # Every layer on: the wide view, with each name a located-within one can meet.
    layers = ("connectivity", "it_park", "units")
    names = map_names(lang, layers)
    view = GEO.frame(layers).view
    boxes = {
        (layer, item["text"]): label_box(
            where, to_pixel(item["position"], view, width, MAP_HEIGHT), item["text"], where["size"]
        )
        for layer, labels in names.items()
        for item, where in labels
    }
    shown = 0
    for item, _ in names["located-names"]:
        x, y = to_pixel(item["position"], view, width, MAP_HEIGHT)
        if not (0 < x < width and 0 < y < MAP_HEIGHT):
            continue  # off this map: a reader pans to it, and its name comes along
        shown += 1
        box = boxes["located-names", item["text"]]
        assert box[0] >= 0, (item["text"], box)
        assert box[2] <= width, (item["text"], box)
        assert box[1] >= 0, (item["text"], box)
        assert box[3] <= MAP_HEIGHT, (item["text"], box)
        others = [key for key in boxes if key[0] != "located-names"]
        assert not [key for key in others if overlap(box, boxes[key])], item["text"]
    # The seaport's name shows on a desktop (Cái Mép lies east of a phone's map).
    assert shown >= (width == DESKTOP_MAP_WIDTH)


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("width", [DESKTOP_MAP_WIDTH, PHONE_WIDTH])
@pytest.mark.parametrize("layers", [(), ("connectivity", "it_park", "units")])
def test_neighbours_names_are_whole_or_off_the_map(lang, width, layers):
    view = GEO.frame(layers).view
    names = map_names(lang, layers)["neighbour-names"]
    shown = 0
    for item, where in names:
        marker = to_pixel(item["position"], view, width, MAP_HEIGHT)
        box = label_box(where, marker, item["text"], where["size"])
        assert box[1] >= 0, (item["text"], box)
        assert box[3] <= MAP_HEIGHT, (item["text"], box)
        if box[2] <= 0 or box[0] >= width:
            continue  # wholly beside a phone's map
        shown += 1
        assert box[0] >= 0, (item["text"], box)
        assert box[2] <= width, (item["text"], box)
    assert shown  # a phone's map too names a neighbour


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("width", [DESKTOP_MAP_WIDTH, PHONE_WIDTH])
def test_neighbours_names_keep_off_the_places_names_and_lines(lang, width):
    # Hồ Chí Minh City's name lay under its airports' white name boxes.
    layers = ("connectivity",)
    names = map_names(lang, layers)
    view = GEO.frame(layers).view
    centre = to_pixel(GEO.centre, view, width, MAP_HEIGHT)

    def box(item, where):
        marker = to_pixel(item["position"], view, width, MAP_HEIGHT)
        return label_box(where, marker, item["text"], where["size"])

    others = [box(*label) for layer in ("place-names", "unit-names") for label in names[layer]]
    markers = [
        to_pixel(item["position"], view, width, MAP_HEIGHT) for item, _ in names["place-names"]
    ]
    moved = 0
    for item, where in names["neighbour-names"]:
        name = box(item, where)
        assert not [other for other in others if overlap(name, other)], item["text"]
        assert not [m for m in markers if crosses(centre, m, name)], item["text"]
        moved += "\n" in item["text"]
    # The one name that found no room on one line: Hồ Chí Minh City's in Vietnamese.
    assert moved == (lang == "vi")


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("size", list(MAPS))
def test_a_slides_neighbour_names_lie_off_the_province(lang, size):
    # Hồ Chí Minh City's name lay under Thuận An and Dĩ An on the projector's map.
    width, height, label_px = MAPS[size]
    geo = geometry(
        DISTRICTS_GEO,
        REGION_GEO,
        folder=str(FOLDER),
        points=(),
        width=width,
        height=height,
        label_px=label_px,
    )
    focus = next(f["geometry"] for f in REGION_GEO["features"] if f["properties"].get("focus"))
    view = geo.frame(()).view
    for item, where in map_names(lang, (), geo, label_px)["neighbour-names"]:
        x, y = to_pixel(item["position"], view, width, height)
        box = label_box(where, (x, y), item["text"], where["size"])
        from_centre = (
            box[0] - width / 2,
            box[1] - height / 2,
            box[2] - width / 2,
            box[3] - height / 2,
        )
        assert not covers(focus, from_centre, view), item["text"]

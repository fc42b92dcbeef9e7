"""The light maps (issue 19): core/svg_map.py's drawing, label placement and links, and
the zones and IT-park maps components/light_maps.py builds from the data, in both
languages."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from urllib.parse import unquote

import pytest

from components.deck import FADED_ALPHA, unit_tooltip
from components.light_maps import (
    CONTEXT_FILL,
    HOST_COLOUR,
    SITE_COLOUR,
    WARD_COLOUR,
    location_light_map,
    zones_light_map,
)
from components.palette import INK
from core.data import data_dir, load_geojson, load_table
from core.i18n import LANGUAGES, Translator
from core.svg_map import (
    VIEW_WIDTH,
    Frame,
    Label,
    Link,
    Placed,
    Shape,
    clip_polygon,
    map_html,
    number,
    path_data,
    place_labels,
    svg,
    text_width,
)
from core.wards import UNITS_GEO, feature
from tests.light_map_markup import NS, Parts, parsed, query

FOLDER = data_dir()
DISTRICTS_GEO = load_geojson("districts_geo", FOLDER)
DISTRICTS = load_table("districts", FOLDER)
ZONES = load_table("zones", FOLDER)
SQUARE = {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]]}


def zones_map(lang: str, zone: int | None = None, ward: int | None = None) -> str:
    outline = feature(load_geojson(UNITS_GEO, FOLDER), "code", ward) if ward else None
    t = Translator(lang)
    return zones_light_map(
        DISTRICTS_GEO, DISTRICTS, ZONES, str(FOLDER), t, zone, ward, outline, "name"
    )


def overlapping(placed: list[Placed]) -> list[tuple[str, str]]:
    pairs = []
    for i, a in enumerate(placed):
        for b in placed[i + 1 :]:
            ax0, ay0, ax1, ay1 = a.box
            bx0, by0, bx1, by1 = b.box
            if ax0 < bx1 and bx0 < ax1 and ay0 < by1 and by0 < ay1:
                pairs.append((a.label.text, b.label.text))
    return pairs


# --- core/svg_map.py ------------------------------------------------------------------


def test_numbers_are_written_at_a_tenth_without_noise():
    assert [number(v) for v in (12.34, 12.0, -0.04, -3.25, 0.05)] == [
        "12.3",
        "12",
        "0",
        "-3.2",
        "0.1",
    ]


def test_the_frame_fills_the_width_less_its_margin_with_cosine_scaled_longitudes():
    frame = Frame.fit((106.0, 10.0, 107.0, 11.0), width=360, margin=8)
    west, north = frame.project((106.0, 11.0))
    east, south = frame.project((107.0, 10.0))
    assert (round(west, 6), round(north, 6)) == (8, 8)
    assert round(east, 6) == 352
    # One degree of latitude is longer on the map than one of longitude by 1/cos(10.5°).
    assert south - north == pytest.approx((east - west) / 0.98325, rel=1e-4)
    assert frame.height == pytest.approx(south + 8, abs=0.05)


def test_path_data_draws_closed_rings_in_relative_tenths():
    frame = Frame.fit((0, 0, 1, 1), width=20, margin=0)
    assert path_data(SQUARE, frame) == "M0 20l20 0 0 -20 -20 0z"


def test_the_same_inputs_give_the_same_bytes():
    assert zones_map("vi", 2, 25750) == zones_map("vi", 2, 25750)
    frame = Frame.fit((0, 0, 1, 1))
    labels = [Label((0.5, 0.5), "A & <b>"), Label((0.52, 0.5), "B")]
    drawing = svg(frame, [Shape(SQUARE, "#E69F00")], place_labels(labels, frame))
    assert drawing == svg(frame, [Shape(SQUARE, "#E69F00")], place_labels(labels, frame))
    links = [Link(SQUARE, "?lang=vi&zone=1", 'a & <b> "c"\nd')]
    markup = map_html(frame, drawing, "n", links)
    assert markup == map_html(frame, drawing, "n", links)
    # Text is escaped: no data text becomes markup, and the markup is one line.
    assert ">A &amp; &lt;b&gt;</text>" in unquote(markup)
    assert 'title="a &amp; &lt;b&gt; &quot;c&quot;&#10;d"' in markup
    assert 'href="?lang=vi&amp;zone=1"' in markup
    assert "\n" not in markup


def test_a_clip_polygon_joins_rings_with_bridges_that_enclose_nothing():
    frame = Frame.fit((0, 0, 1, 1), width=100, margin=0)
    hole = [[0.25, 0.25], [0.75, 0.25], [0.75, 0.75], [0.25, 0.75], [0.25, 0.25]]
    geometry = {"type": "Polygon", "coordinates": [SQUARE["coordinates"][0], hole]}
    clip = clip_polygon(geometry, frame)
    assert clip.startswith("polygon(evenodd,0% 100%,100% 100%,100% 0%,0% 0%,0% 100%,25% 75%")
    assert clip.endswith("25% 75%,0% 100%)")  # back to the first ring's start


def test_labels_that_would_overlap_are_moved_apart_with_a_leader_when_far():
    frame = Frame.fit((0, 0, 1, 1))
    labels = [Label((0.5, 0.5), "Thuận An"), Label((0.52, 0.49), "Dĩ An")]
    first, second = place_labels(labels, frame)
    assert first.centre == pytest.approx(frame.project((0.5, 0.5)))
    assert not overlapping([first, second])
    crowded = [Label((0.5, 0.5), f"Name {i}") for i in range(6)]
    placed = place_labels(crowded, frame)
    assert not overlapping(placed)
    assert any(p.leader for p in placed)  # pushed out far enough to need a line back


def test_an_estimated_label_width_ignores_vietnamese_marks():
    assert text_width("Dầu Tiếng", 15) == text_width("Dau Tieng", 15)
    assert text_width("Thủ Dầu Một", 15) > text_width("Dĩ An", 15)


def test_the_image_is_named_and_each_link_named_by_its_title():
    frame = Frame.fit((0, 0, 1, 1))
    parts = parsed(map_html(frame, svg(frame, []), "Zones", [Link(SQUARE, "?zone=1", "One")]))
    assert parts.image.get("alt") == "Zones"
    [link] = parts.links
    assert (link.get("title"), link.get("aria-label")) == ("One", "One")
    assert "clip-path:polygon(evenodd," in link.get("style")
    plain = parsed(map_html(frame, svg(frame, []), "Park"))
    assert (plain.image.get("alt"), plain.links) == ("Park", [])


# --- The zones map -----------------------------------------------------------------------


def fills(parts: Parts) -> list[ET.Element]:
    """The units' fills: the drawing's first paths, one per link and in the links' order."""
    return parts.drawing.findall(f"{NS}path")[: len(parts.links)]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_one_link_per_former_unit_in_its_zone_colour_titled_like_the_interactive_tooltip(lang):
    t = Translator(lang)
    parts = parsed(zones_map(lang))
    assert len(parts.links) == len(DISTRICTS)
    zones = ZONES.set_index("id")
    units = DISTRICTS.set_index("code")
    tooltips = {
        code: "\n".join(unit_tooltip(t, row, zones.loc[row["zone"]]))
        for code, row in units.iterrows()
    }
    for link, path in zip(parts.links, fills(parts), strict=True):
        code = next(code for code, tip in tooltips.items() if tip == link.get("title"))
        row = units.loc[code]  # the title is the tooltip: name and type, zone, role, area
        assert t.pick(row["name_vi"], row["name_en"]) in link.get("title")
        assert link.get("aria-label") == link.get("title")
        assert path.get("fill") == zones.loc[row["zone"], "color"]
        assert path.get("fill-opacity") is None  # no zone chosen: none faded
        assert query(link) == {"lang": [lang], "zone": [str(row["zone"])]}
    assert len({link.get("title") for link in parts.links}) == len(DISTRICTS)
    names = {text.text for text in parts.drawing.iter(f"{NS}text")}
    assert names == {t.pick(row.name_vi, row.name_en) for row in DISTRICTS.itertuples()}
    assert parts.image.get("alt") == "name"


def test_every_units_name_is_placed_apart_inside_the_frame():
    for lang in LANGUAGES:
        drawing = parsed(zones_map(lang, 2, 25750)).drawing
        _, _, width, height = (float(v) for v in drawing.get("viewBox").split())
        assert width == VIEW_WIDTH
        boxes = []
        for text in drawing.iter(f"{NS}text"):
            x, y, size = (float(text.get(k)) for k in ("x", "y", "font-size"))
            w, h = text_width(text.text, size), size * 1.25
            assert w / 2 <= x <= width - w / 2
            assert h / 2 <= y <= height - h / 2
            assert size >= 15  # 14.75 px on a 390-px phone (354 px of map), more when wider
            boxes.append((x - w / 2, y - h / 2, x + w / 2, y + h / 2, text.text))
        for i, a in enumerate(boxes):
            for b in boxes[i + 1 :]:
                apart = a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1]
                assert apart, (a[4], b[4])


def test_the_province_fills_the_width_with_a_small_margin():
    xs = []
    for path in parsed(zones_map("vi")).drawing.iter(f"{NS}path"):
        for part in path.get("d").split("M")[1:]:
            start, steps = part.split("l")
            x = float(start.split()[0])
            xs.append(x)
            for dx in [float(v) for v in steps.rstrip("z").split()][0::2]:
                x += dx
                xs.append(x)
    assert min(xs) == pytest.approx(8, abs=0.5)
    assert max(xs) == pytest.approx(VIEW_WIDTH - 8, abs=0.5)


def test_the_chosen_zone_is_outlined_and_the_others_faded():
    parts = parsed(zones_map("en", zone=1))
    zones = ZONES.set_index("id")
    for link, path in zip(parts.links, fills(parts), strict=True):
        zone = int(query(link)["zone"][0])
        opacity = path.get("fill-opacity")
        assert opacity == (None if zone == 1 else f"{FADED_ALPHA / 255:.2f}")
        assert path.get("fill") == zones.loc[zone, "color"]
    outlines = [p for p in parts.drawing.iter(f"{NS}path") if p.get("stroke") == INK]
    assert len(outlines) == (DISTRICTS["zone"] == 1).sum()
    assert all(p.get("fill") == "none" for p in outlines)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_chosen_ward_is_outlined_and_named_in_the_ward_colour_and_kept_in_every_link(lang):
    units_geo = load_geojson(UNITS_GEO, FOLDER)
    ward = feature(units_geo, "code", 25750)
    name = Translator(lang).pick(ward["properties"]["name_vi"], ward["properties"]["name_en"])
    parts = parsed(zones_map(lang, ward=25750))
    outline = [p for p in parts.drawing.iter(f"{NS}path") if p.get("stroke") == WARD_COLOUR]
    assert len(outline) == 1
    assert outline[0].get("fill") == "none"
    label = next(t for t in parts.drawing.iter(f"{NS}text") if t.text == name)
    assert label.get("fill") == WARD_COLOUR
    assert all(query(link)["ward"] == ["25750"] for link in parts.links)
    plain = parsed(zones_map(lang))
    assert not [p for p in plain.drawing.iter(f"{NS}path") if p.get("stroke") == WARD_COLOUR]


# --- The IT park's location map -------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_location_map_fills_the_located_area_over_the_named_units(lang):
    t = Translator(lang)
    area = feature(load_geojson("located_geo", FOLDER), "place_id", "it_park")
    parts = parsed(location_light_map(DISTRICTS_GEO, area, str(FOLDER), t, None, "where"))
    assert (parts.image.get("alt"), parts.links) == ("where", [])
    paths = parts.drawing.findall(f"{NS}path")
    assert [p.get("fill") for p in paths] == [CONTEXT_FILL] * len(DISTRICTS) + [HOST_COLOUR]
    assert paths[-1].get("fill-opacity") == "0.45"
    names = [text.text for text in parts.drawing.iter(f"{NS}text")]
    area_name = t.pick(area["properties"]["name_vi"], area["properties"]["name_en"])
    assert names[0] == area_name
    units = [f["properties"] for f in DISTRICTS_GEO["features"]]
    assert set(names[1:]) == {t.pick(u["name_vi"], u["name_en"]) for u in units}
    assert parts.drawing.find(f".//{NS}circle[@fill='{SITE_COLOUR}']") is None  # no site


def test_location_map_marks_a_known_site():
    t = Translator("vi")
    parts = parsed(location_light_map(DISTRICTS_GEO, None, str(FOLDER), t, (106.7, 11.0), "w"))
    assert parts.drawing.find(f".//{NS}circle[@fill='{SITE_COLOUR}']") is not None
    assert [p.get("fill") for p in parts.drawing.iter(f"{NS}path")] == [CONTEXT_FILL] * 9

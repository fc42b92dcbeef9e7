"""The light maps' SVG (issue 19): core/svg_map.py's drawing and label placement, and the
zones and IT-park maps components/light_maps.py builds from the data, in both languages."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from urllib.parse import parse_qs

import pytest

from components.deck import FADED_ALPHA, unit_tooltip
from components.light_maps import (
    CONTEXT_FILL,
    HOST_COLOUR,
    SITE_COLOUR,
    WARD_COLOUR,
    location_svg,
    zones_svg,
)
from components.palette import INK
from core.data import data_dir, load_geojson, load_table
from core.i18n import LANGUAGES, Translator
from core.map_mode import choice_link
from core.svg_map import (
    VIEW_WIDTH,
    Frame,
    Label,
    Placed,
    Shape,
    number,
    path_data,
    place_labels,
    svg,
    text_width,
)
from core.wards import UNITS_GEO, feature

FOLDER = data_dir()
NS = "{http://www.w3.org/2000/svg}"
DISTRICTS_GEO = load_geojson("districts_geo", FOLDER)
DISTRICTS = load_table("districts", FOLDER)
ZONES = load_table("zones", FOLDER)
SQUARE = {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]]}


def zones_map(lang: str, zone: int | None = None, ward: int | None = None) -> str:
    outline = feature(load_geojson(UNITS_GEO, FOLDER), "code", ward) if ward else None
    t = Translator(lang)
    return zones_svg(DISTRICTS_GEO, DISTRICTS, ZONES, str(FOLDER), t, zone, ward, outline, "name")


def parsed(markup: str) -> ET.Element:
    return ET.fromstring(markup)


def unit_links(root: ET.Element) -> list[ET.Element]:
    return root.findall(f"{NS}a")


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
    labels = [Label((0.5, 0.5), "A"), Label((0.52, 0.5), "B")]
    shapes = [Shape(SQUARE, "#E69F00", title="a & <b>", href="?lang=vi&zone=1")]
    first = svg(frame, "n", shapes, place_labels(labels, frame))
    assert first == svg(frame, "n", shapes, place_labels(labels, frame))
    # Text is escaped: no data text becomes markup.
    assert "<title>a &amp; &lt;b&gt;</title>" in first
    assert 'href="?lang=vi&amp;zone=1"' in first


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


def test_a_map_with_links_is_a_named_group_and_one_without_is_a_named_image():
    frame = Frame.fit((0, 0, 1, 1))
    linked = parsed(svg(frame, "Zones", [Shape(SQUARE, "#000000", "t", "?zone=1")]))
    plain = parsed(svg(frame, "Park", [Shape(SQUARE, "#000000")]))
    assert (linked.get("role"), linked.get("aria-label")) == ("group", "Zones")
    assert (plain.get("role"), plain.get("aria-label")) == ("img", "Park")
    # Labels and lines are silent and let a click through to the unit beneath.
    marks = linked.find(f"{NS}g")
    assert (marks.get("aria-hidden"), marks.get("pointer-events")) == ("true", "none")


# --- The zones map -----------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_one_link_per_former_unit_in_its_zone_colour_titled_like_the_interactive_tooltip(lang):
    t = Translator(lang)
    root = parsed(zones_map(lang))
    links = unit_links(root)
    assert len(links) == len(DISTRICTS)
    zones = ZONES.set_index("id")
    by_title = {link.find(f"{NS}title").text: link for link in links}
    for row in DISTRICTS.itertuples():
        title, body = unit_tooltip(
            t, DISTRICTS.set_index("code").loc[row.code], zones.loc[row.zone]
        )
        link = by_title[f"{title}\n{body}"]  # name and type, zone, role, area
        assert t.pick(row.name_vi, row.name_en) in title
        path = link.find(f"{NS}path")
        assert path.get("fill") == zones.loc[row.zone, "color"]
        assert path.get("fill-opacity") is None  # no zone chosen: none faded
        query = parse_qs(link.get("href").removeprefix("?"))
        assert query == {"lang": [lang], "zone": [str(row.zone)]}
    names = {text.text for text in root.iter(f"{NS}text")}
    assert names == {t.pick(row.name_vi, row.name_en) for row in DISTRICTS.itertuples()}
    assert root.get("aria-label") == "name"


def test_every_units_name_is_placed_apart_inside_the_frame():
    for lang in LANGUAGES:
        root = parsed(zones_map(lang, 2, 25750))
        _, _, width, height = (float(v) for v in root.get("viewBox").split())
        assert width == VIEW_WIDTH
        boxes = []
        for text in root.iter(f"{NS}text"):
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
    root = parsed(zones_map("vi"))
    xs = []
    for path in root.iter(f"{NS}path"):
        x = 0.0
        for part in path.get("d").split("M")[1:]:
            start, steps = part.split("l")
            x = float(start.split()[0])
            xs.append(x)
            values = [float(v) for v in steps.rstrip("z").split()]
            for dx in values[0::2]:
                x += dx
                xs.append(x)
    assert min(xs) == pytest.approx(8, abs=0.5)
    assert max(xs) == pytest.approx(VIEW_WIDTH - 8, abs=0.5)


def test_the_chosen_zone_is_outlined_and_the_others_faded():
    root = parsed(zones_map("en", zone=1))
    zones = ZONES.set_index("id")
    for link in unit_links(root):
        query = parse_qs(link.get("href").removeprefix("?"))
        zone = int(query["zone"][0])
        opacity = link.find(f"{NS}path").get("fill-opacity")
        assert opacity == (None if zone == 1 else f"{FADED_ALPHA / 255:.2f}")
        assert link.find(f"{NS}path").get("fill") == zones.loc[zone, "color"]
    outlines = [p for p in root.findall(f"{NS}path") if p.get("stroke") == INK]
    assert len(outlines) == (DISTRICTS["zone"] == 1).sum()
    assert all(p.get("fill") == "none" for p in outlines)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_chosen_ward_is_outlined_and_named_in_the_ward_colour_and_kept_in_every_link(lang):
    units_geo = load_geojson(UNITS_GEO, FOLDER)
    ward = feature(units_geo, "code", 25750)
    name = Translator(lang).pick(ward["properties"]["name_vi"], ward["properties"]["name_en"])
    root = parsed(zones_map(lang, ward=25750))
    outline = [p for p in root.findall(f"{NS}path") if p.get("stroke") == WARD_COLOUR]
    assert len(outline) == 1
    assert outline[0].get("fill") == "none"
    label = next(t for t in root.iter(f"{NS}text") if t.text == name)
    assert label.get("fill") == WARD_COLOUR
    for link in unit_links(root):
        assert parse_qs(link.get("href").removeprefix("?"))["ward"] == ["25750"]
    assert WARD_COLOUR not in zones_map(lang)


def test_the_choice_link_keeps_only_validated_values():
    assert choice_link("vi", 2, None) == "?lang=vi&zone=2"
    assert choice_link("en", 1, 25750) == "?lang=en&zone=1&ward=25750"


# --- The IT park's location map -------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_location_map_fills_the_located_area_over_the_named_units(lang):
    t = Translator(lang)
    area = feature(load_geojson("located_geo", FOLDER), "place_id", "it_park")
    root = parsed(location_svg(DISTRICTS_GEO, area, str(FOLDER), t, None, "where"))
    assert (root.get("role"), root.get("aria-label")) == ("img", "where")
    paths = root.findall(f"{NS}path")
    assert [p.get("fill") for p in paths] == [CONTEXT_FILL] * len(DISTRICTS) + [HOST_COLOUR]
    assert paths[-1].get("fill-opacity") == "0.45"
    names = [text.text for text in root.iter(f"{NS}text")]
    area_name = t.pick(area["properties"]["name_vi"], area["properties"]["name_en"])
    assert names[0] == area_name
    units = [f["properties"] for f in DISTRICTS_GEO["features"]]
    assert set(names[1:]) == {t.pick(u["name_vi"], u["name_en"]) for u in units}
    assert root.find(f".//{NS}circle[@fill='{SITE_COLOUR}']") is None  # no sourced site


def test_location_map_marks_a_known_site():
    root = parsed(
        location_svg(DISTRICTS_GEO, None, str(FOLDER), Translator("vi"), (106.7, 11.0), "w")
    )
    assert root.find(f".//{NS}circle[@fill='{SITE_COLOUR}']") is not None
    assert HOST_COLOUR not in ET.tostring(root, encoding="unicode")

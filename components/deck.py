"""The zones map: deck.gl layers built once per language and choice, drawn with no basemap.

No map tiles are fetched unless the reader asks for a basemap: ``map_provider=None``
leaves pydeck's ``__MAP_STYLE__`` sentinel in the spec, which Streamlit reads as "no
basemap" (an absent ``mapStyle`` would make it fetch Carto's). The view is
fixed from the data for each of two layer sets (the province alone, or with the
connectivity places far around it), so a rerun (a new zone, a ward, another layer) never
moves the map; only switching the connectivity layer does.

Tooltip text travels in each object's ``tip_title``/``tip_body`` fields; Streamlit
HTML-escapes field values in the ``html`` template, so no data text becomes markup.
"""

from __future__ import annotations

import html
import json
import math
from dataclasses import dataclass
from typing import NamedTuple

import pandas as pd
import pydeck as pdk
import streamlit as st
from pydeck.bindings.json_tools import default_serialize

from components import palette
from core.facts import fact_number
from core.geo import (
    TILE_SIZE,
    BBox,
    Point,
    bbox,
    centroid,
    density,
    fit_view,
    haversine_km,
    mercator,
    representative_point,
    rounded,
    union_bbox,
)
from core.i18n import Translator, decimals_needed
from core.map_labels import Box, Segment, centred_box, clear_spot, covers, is_clear, pixels
from core.sources import source_ids
from core.svg_map import text_width
from core.text import label_lines
from core.wards import (
    IT_PARK_PLACE,
    former_units,
    located_in_layers,
    place_names,
    zone_shares,
)
from core.wards import (
    feature as find_feature,
)

MAP_KEY = "zones-map"
MAP_HEIGHT = 560
DESKTOP_MAP_WIDTH = 762  # the page's map, measured at 1280×800 (762.5 px); views are fitted to it
PHONE_MAP_WIDTH = 354  # the page's map at a 390-px viewport
CENTRE_CODE = 718  # Thủ Dầu Một, the provincial capital: its centroid is the centre
FONT = '"Liberation Sans, Arial, Helvetica, DejaVu Sans, sans-serif"'
MARKER = [204, 51, 17]  # connectivity targets (Paul Tol's red): apart from zone colours
IT_PARK = [102, 51, 153]
INK = [30, 30, 30]
WARD_LINE = [70, 70, 70]
WARD_DECIMALS = 3  # the 36 thin outlines: keeps the page's map data under 150 KB
WARD_CHOSEN = [238, 51, 119]  # Paul Tol's magenta: apart from zones, markers and the park
FADED_ALPHA = 70
# A white box under a label: lines pass under it, and any fill reads as white.
LABEL_BOX = {
    "background": True,
    "get_background_color": [255, 255, 255, 215],
    "background_padding": [3, 1, 3, 1],
}
# A place's located-within area far out (a seaport) lies at the view's bottom edge, which
# cut its name off: the name goes above the area's point, and east of it, off Long
# Thành's name, which stretches west of its marker (lifted off neighbours' names: _lift).
LOCATED_OUTSIDE = {"anchor": "start", "baseline": "bottom"}
PLACE_PX = 13  # the connectivity places' names
LOCATED_PX = 12  # the located-within areas' names
PLACE_GAP = 12  # px from a place's marker centre to its name: clears the 8-px marker
PLACE_RADIUS = 8  # px, the connectivity places' markers
CENTRE_RADIUS = 6  # px, the provincial centre's marker
NAME_GAP_PX = 3  # the least room between a neighbour's name and a place's name or line
PLACES_LAYER = "places"  # the connectivity markers: drawn, they call for the wide view
LABEL_PX = 14  # the units' names on the page; the presentation passes its own
# Thuận An and Dĩ An are small neighbours whose centred names overlap: each is anchored
# away from the other (text anchor, offset in half label heights).
LABEL_NUDGE = {725: ("end", 1), 724: ("start", -1)}
# Below left of the centre: the one quarter around it no connection line enters (the
# airports lie south and south-east, the border gates north and west; a test checks).
CENTRE_NAME_BESIDE = {"anchor": "end", "baseline": "top", "offset": [-8, 4]}
TOOLTIP = {
    "html": "<b>{tip_title}</b><div>{tip_body}</div>",
    "style": {
        "whiteSpace": "pre-line",
        "maxWidth": "320px",
        "fontSize": "13px",
        "backgroundColor": "#ffffff",
        "color": "#1e1e1e",
        "border": "1px solid #999",
        "borderRadius": "4px",
        "padding": "6px 8px",
    },
}


def _literal(text: str) -> str:
    """A string pydeck passes through as text instead of reading it as an accessor."""
    return f'"{text}"'


def rgb(hex_colour: str, alpha: int = 255) -> list[int]:
    value = hex_colour.lstrip("#")
    return [int(value[i : i + 2], 16) for i in (0, 2, 4)] + [alpha]


class Frame(NamedTuple):
    """One fixed view of the map and the labels placed for it."""

    view: tuple[float, float, float]  # lon, lat, zoom
    box: BBox  # the part of the world a desktop-sized map shows
    neighbour_labels: dict[int, Point]
    located_labels: dict[str, Point]  # place id -> label point of its located-within area
    size: tuple[int, int, int]  # the map's width and height and a phone's map width (px)

    def name_bounds(self) -> list[Box]:
        """Where a neighbour's name may lie (px from the map's centre), in the order
        ``_frame`` tries: beside a phone's map, right then left, else in its middle."""
        width, height, narrow = (value / 2 for value in self.size)
        return [
            (narrow, -height, width, height),
            (-width, -height, -narrow, height),
            (-narrow, -height, narrow, height),
        ]


@dataclass(frozen=True)
class Geometry:
    """What the map needs from the shapes, computed once per data folder: two fixed
    views, the province alone and the province with the connectivity places."""

    labels: dict[int, Point]  # unit code -> label point
    centre: Point
    province: Frame
    wide: Frame

    def frame(self, layers: tuple[str, ...]) -> Frame:
        """The view for these layers: the places (up to 106 km away) need the wide one;
        without them the province fills the map. Each layer set keeps its own view."""
        return self.wide if "connectivity" in layers else self.province


class WardLayers(NamedTuple):
    """What the 2025 units and located-within areas draw from; a part is None where its
    file is damaged (the page has said so)."""

    crosswalk: pd.DataFrame | None
    units_geo: dict | None
    located: pd.DataFrame | None
    located_geo: dict | None
    sources: pd.DataFrame | None


def located(frame: pd.DataFrame | None) -> pd.DataFrame:
    """The rows with both coordinates: only these are drawn."""
    if frame is None:
        return pd.DataFrame(columns=["lon", "lat"])
    return frame[frame["lon"].notna() & frame["lat"].notna()]


def map_points(
    connectivity: pd.DataFrame | None, it_park: pd.DataFrame | None
) -> tuple[Point, ...]:
    """Every point the wide view must show besides the units: the placed targets and the
    park (in the province, so its own view shows it too). The located-within areas lie
    south of it and are not fitted in: that would shrink the province on a phone; they
    are listed under the map and a reader can pan to them."""
    points = tuple((float(row.lon), float(row.lat)) for row in located(connectivity).itertuples())
    park = it_park_position(it_park)
    return points + ((park,) if park else ())


def it_park_position(it_park: pd.DataFrame | None) -> Point | None:
    if it_park is None:
        return None
    rows = it_park.set_index("key")
    lon, lat = fact_number(rows, "lon"), fact_number(rows, "lat")
    return (lon, lat) if lon is not None and lat is not None else None


@st.cache_data(show_spinner=False)
def geometry(
    _districts_geo: dict,
    _region_geo: dict | None,
    *,
    folder: str,
    points: tuple[Point, ...],
    width: int = DESKTOP_MAP_WIDTH,
    height: int = MAP_HEIGHT,
    label_px: int = LABEL_PX,
    _located_geo: dict | None = None,
) -> Geometry:
    """Label points, the provincial centre and the two fixed views for a map of about
    ``width`` × ``height`` pixels with units' names ``label_px`` high (cached per data
    folder and sizes)."""
    del folder  # cache key only: the shapes are too large to hash on every run
    features = _districts_geo["features"]
    labels = {f["properties"]["code"]: representative_point(f["geometry"]) for f in features}
    centre = next(
        centroid(f["geometry"]) for f in features if f["properties"]["code"] == CENTRE_CODE
    )
    boxes = [bbox(f["geometry"]) for f in features]
    areas = (_region_geo, _located_geo, label_px - 2)
    # The page's map (the default size) is 354 px wide on a phone: the province is fitted
    # to that, so a phone shows it whole; the presentation passes its own screen's size.
    fit = PHONE_MAP_WIDTH if width == DESKTOP_MAP_WIDTH else width
    province = _frame(union_bbox(boxes), width, height, *areas, fit, fit_width=fit)
    wide = union_bbox(boxes + [(lon, lat, lon, lat) for lon, lat in points])
    return Geometry(labels, centre, province, _frame(wide, width, height, *areas, fit))


def _frame(
    box: BBox,
    width: int,
    height: int,
    region_geo: dict | None,
    located_geo: dict | None,
    neighbour_px: int,
    narrow: int,
    fit_width: int | None = None,
) -> Frame:
    """The view fitted to ``box`` with a margin in a map ``fit_width`` (or ``width``)
    wide, and the labels that fall inside a map ``width`` wide (neighbours' names, of
    ``neighbour_px``, wholly, at that width and at ``narrow``)."""
    west, south, east, north = box
    pad_x, pad_y = (east - west) * 0.06, (north - south) * 0.06
    padded = (west - pad_x, south - pad_y, east + pad_x, north + pad_y)
    view = fit_view(padded, fit_width or width, height)
    # The part of the world a map ``width`` wide shows: neighbours are labelled in it.
    degrees_per_px = 360 / (TILE_SIZE * 2 ** view[2])
    half_w = width / 2 * degrees_per_px
    half_h = half_w * height / width * math.cos(math.radians(view[1]))
    view_box = (view[0] - half_w, view[1] - half_h, view[0] + half_w, view[1] + half_h)
    middle = narrow / 2 * degrees_per_px
    neighbour_labels = {}
    for feature in (region_geo or {}).get("features", []):
        if feature["properties"].get("focus"):
            continue
        # A phone's map shows this one's middle and cut names off at its sides: a name
        # goes wholly beside that middle, else wholly in it, half its longer language's
        # width from each side that could cut it. Beside first: in the middle, names
        # crowded the province's and its lines on a desktop.
        names = (feature["properties"]["name_vi"], feature["properties"]["name_en"])
        half = max(text_width(name, neighbour_px) for name in names) / 2 * degrees_per_px
        bands = [
            (view[0] + middle + half, view_box[2] - half),
            (view_box[0] + half, view[0] - middle - half),
            (view[0] - middle + half, view[0] + middle - half),
        ]
        for west, east in bands:
            within = (west, view_box[1], east, view_box[3])
            point = representative_point(feature["geometry"], within=within)
            if west < point[0] < east and view_box[1] < point[1] < view_box[3]:
                neighbour_labels[feature["properties"]["code"]] = point
                break
    located_labels = {
        area["properties"]["place_id"]: representative_point(area["geometry"], within=view_box)
        for area in (located_geo or {}).get("features", [])
    }
    return Frame(view, view_box, neighbour_labels, located_labels, (width, height, narrow))


def unit_tooltip(t: Translator, row: pd.Series, zone: pd.Series) -> tuple[str, str]:
    """Title and body of a unit's tooltip (a districts.csv row), in the page's language."""
    name = t.pick(row["name_vi"], row["name_en"])
    title = t("zones.tip.unit_title", name=name, type=t(f"zones.unit_type.{row['type']}"))
    lines = [
        t("zones.tip.zone", zone=t.pick(zone["name_vi"], zone["name_en"])),
        t("zones.tip.role", role=t.pick(zone["role_vi"], zone["role_en"])),
        t("zones.tip.area", area=t.number(row["area_km2"], decimals_needed(row["area_km2"]))),
    ]
    # No population line where none is sourced: the page says why once, under its table.
    if not pd.isna(row["population"]):
        lines.append(
            t(
                "zones.tip.population",
                population=t.number(row["population"]),
                year=row["population_year"],
            )
        )
        people = density(row["population"], row["area_km2"])
        if people is not None:
            lines.append(t("zones.tip.density", density=t.number(people)))
    return title, "\n".join(lines)


@st.cache_data(show_spinner=False, max_entries=64)
def layer_specs(
    _districts_geo: dict,
    _region_geo: dict | None,
    _zones: pd.DataFrame,
    _districts: pd.DataFrame,
    _connectivity: pd.DataFrame | None,
    _it_park: pd.DataFrame | None,
    _geometry: Geometry,
    *,
    folder: str,
    t: Translator,
    zone: int | None,
    layers: tuple[str, ...],
    ward: int | None = None,
    _wards: WardLayers | None = None,
    label_px: int = LABEL_PX,
) -> list[dict]:
    """Every layer of the map as (type, id, props), built once per language and choice
    (zone, layers, ward): choosing a ward again reuses what was built. ``label_px`` is
    the units' label size (a projector needs larger); neighbours' are 2 px smaller.

    Layer ids get a suffix at draw time (see ``draw_map``); the data never changes here.
    """
    del folder  # cache key only
    zones = _zones.set_index("id")
    units = _districts.set_index("code")
    geo = _geometry
    frame = geo.frame(layers)
    places = (
        _place_points(t, located(_connectivity), geo.centre, frame)
        if "connectivity" in layers
        else []
    )
    unit_names = _unit_names(t, units, geo, label_px, "connectivity" in layers)
    labels = [(unit_names["props"]["data"], label_px), (places, PLACE_PX)]
    kept_clear = _keep_off(labels, places, geo.centre, frame.view)
    specs, names = _neighbour_specs(t, _region_geo, frame, label_px, kept_clear)

    features = []
    for feature in _districts_geo["features"]:
        code = feature["properties"]["code"]
        row = units.loc[code]
        row_zone = zones.loc[int(row["zone"])]
        title, body = unit_tooltip(t, row, row_zone)
        alpha = 255 if zone in (None, int(row["zone"])) else FADED_ALPHA
        features.append(
            {
                "type": "Feature",
                "geometry": feature["geometry"],
                "properties": {
                    "code": int(code),
                    "zone": int(row["zone"]),
                    "fill": rgb(row_zone["color"], alpha),
                    "tip_title": title,
                    "tip_body": body,
                },
            }
        )
    specs.append(
        {
            "type": "GeoJsonLayer",
            "id": "units",
            "props": {
                "data": {"type": "FeatureCollection", "features": features},
                "filled": True,
                "stroked": True,
                "get_fill_color": "properties.fill",
                "get_line_color": [255, 255, 255, 255],
                "line_width_units": _literal("pixels"),
                "get_line_width": 1.5,
                "pickable": True,
                "auto_highlight": True,
                "highlight_color": [255, 255, 255, 90],
            },
        }
    )

    if zone is not None:
        chosen = [f for f in features if f["properties"]["zone"] == zone]
        specs.append(_outline_layer("chosen-zone", chosen, width=3))
    if _wards is not None:
        kept_off = (names, label_px - 2)
        specs += _located_specs(t, _wards, frame, _connectivity, _it_park, layers, kept_off)
        specs += _ward_specs(t, _wards, zones, units, ward, "units" in layers)

    if _region_geo is not None:
        focus = [f for f in _region_geo["features"] if f["properties"].get("focus")]
        specs.append(_outline_layer("province", focus, width=2.5))

    if "connectivity" in layers:
        specs += _connectivity_specs(t, places, geo.centre)
    if "it_park" in layers:
        position = it_park_position(_it_park)
        if position is not None:
            name = t.pick(*_it_park.set_index("key").loc["name", ["value_vi", "value_en"]])
            point = {
                "position": list(position),
                "tip_title": name,
                "tip_body": t("zones.tip.it_park"),
                "text": name,
            }
            specs.append(_marker_layer("it-park", [point], colour=[*IT_PARK, 255], radius=8))
            specs.append(
                _text_layer(
                    "it-park-name",
                    [point],
                    colour=[*IT_PARK, 255],
                    size=13,
                    anchor="start",
                    offset=[10, 0],
                )
            )

    specs.append(unit_names)  # on top of everything
    return specs


def _neighbour_specs(
    t: Translator,
    region_geo: dict | None,
    frame: Frame,
    label_px: int,
    kept_clear: tuple[list[Box], list[Segment]] = ([], []),
) -> tuple[list[dict], list[dict]]:
    """The neighbouring provinces' shapes and names (2 px smaller than the units'), and
    the names alone, which the located-within names keep off. A name that would lie
    under a place's name, marker or line (``kept_clear``, px) or over the province on
    show moves to the nearest clear spot in its own province: Hồ Chí Minh City's lay
    under its airports' names, and on a slide under Thuận An and Dĩ An."""
    if region_geo is None:
        return [], []
    others = [f for f in region_geo["features"] if not f["properties"].get("focus")]
    focus = next(
        (f["geometry"] for f in region_geo["features"] if f["properties"].get("focus")), None
    )
    name_px = label_px - 2
    keep_off = (*kept_clear, focus)
    names = []
    for feature in others:
        point = frame.neighbour_labels.get(feature["properties"]["code"])
        if point is None:
            continue
        text = t.pick(feature["properties"]["name_vi"], feature["properties"]["name_en"])
        box = _label_box(_centred(text, point), name_px, frame.view, 0)
        if not is_clear(box, *kept_clear) or covers(focus, box, frame.view):
            text, point = _cleared_name(text, point, feature["geometry"], frame, name_px, keep_off)
        names.append({"text": text, "position": list(point)})
    shapes = {
        "type": "GeoJsonLayer",
        "id": "neighbours",
        "props": {
            "data": {"type": "FeatureCollection", "features": others},
            "filled": True,
            "stroked": True,
            "get_fill_color": [120, 120, 120, 22],
            "get_line_color": [120, 120, 120, 140],
            "line_width_units": _literal("pixels"),
            "get_line_width": 1,
            "pickable": False,
        },
    }
    colour = [110, 110, 110, 255]
    text = _text_layer("neighbour-names", names, colour, size=label_px - 2, weight="normal")
    return [shapes, text], names


def _unit_names(
    t: Translator, units: pd.DataFrame, geo: Geometry, label_px: int, lines: bool
) -> dict:
    """The former units' names, on top of everything, nudged apart. With the connection
    lines drawn each name sits on a white box (a line passes under it, never through
    it), and Thủ Dầu Một's name moves off the centre the lines start from."""
    labels = []
    for code, point in geo.labels.items():
        anchor, shift = LABEL_NUDGE.get(code, ("middle", 0))
        label = {
            "text": t.pick(units.loc[code, "name_vi"], units.loc[code, "name_en"]),
            "position": list(point),
            "anchor": anchor,
            "baseline": "center",
            "offset": [shift * label_px / 2, 0],
        }
        if lines and code == CENTRE_CODE:
            label.update(position=list(geo.centre), **CENTRE_NAME_BESIDE)
        labels.append(label)
    text = _text_layer("unit-names", labels, colour=[*INK, 255], size=label_px)
    text["props"].update(
        get_text_anchor="anchor", get_alignment_baseline="baseline", get_pixel_offset="offset"
    )
    if lines:
        text["props"].update(LABEL_BOX)
    return text


def _text_layer(
    layer_id: str,
    data: list[dict],
    colour: list[int] | str,
    size: int,
    weight: str = "bold",
    anchor: str = "middle",
    baseline: str = "center",
    offset: list[int] | None = None,
) -> dict:
    return {
        "type": "TextLayer",
        "id": layer_id,
        "props": {
            "data": data,
            "get_text": "text",
            "get_position": "position",
            "get_color": colour,
            "get_size": size,
            "size_units": _literal("pixels"),
            "font_family": FONT,
            "font_weight": _literal(weight),
            "character_set": _literal("auto"),
            "get_text_anchor": _literal(anchor),
            "get_alignment_baseline": _literal(baseline),
            "get_pixel_offset": offset or [0, 0],
            "font_settings": {"sdf": True},
            "outline_width": 4,
            "outline_color": [255, 255, 255, 230],
            "pickable": False,
        },
    }


def _outline_layer(
    layer_id: str, features: list[dict], width: float, colour: list[int] = INK
) -> dict:
    """Outlines (dark by default) of fixed pixel width around the features, over the fills."""
    return {
        "type": "GeoJsonLayer",
        "id": layer_id,
        "props": {
            "data": {"type": "FeatureCollection", "features": features},
            "filled": False,
            "stroked": True,
            "get_line_color": [*colour, 255],
            "line_width_units": _literal("pixels"),
            "get_line_width": width,
            "pickable": False,
        },
    }


def _marker_layer(
    layer_id: str, data: list[dict], colour: list[int], radius: int, pickable: bool = True
) -> dict:
    """Round markers of a fixed pixel size with a white ring, at each item's ``position``."""
    return {
        "type": "ScatterplotLayer",
        "id": layer_id,
        "props": {
            "data": data,
            "get_position": "position",
            "get_fill_color": colour,
            "get_line_color": [255, 255, 255, 255],
            "stroked": True,
            "line_width_min_pixels": 2,
            "get_radius": radius,
            "radius_units": _literal("pixels"),
            "pickable": pickable,
        },
    }


def place_label(where: Point, centre: Point, frame: Frame, lines: int) -> dict:
    """Where a place's name goes (text anchor, baseline, pixel offset from its marker): on
    a side its line to the centre never enters, so the line crosses no label of its own,
    and towards the map's middle where it can, so a phone's narrower map still shows it."""
    x, y = mercator(*where)
    to_x, to_y = (a - b for a, b in zip(mercator(*centre), (x, y), strict=True))
    if abs(to_x) >= abs(to_y):
        # A sideways line stays in one vertical half: the label takes the other,
        # stretching along the line towards the middle.
        towards = 1 if to_x > 0 else -1
        above = to_y > 0
        return {
            "anchor": "start" if towards > 0 else "end",
            "baseline": "bottom" if above else "top",
            "offset": [towards * PLACE_GAP, -8 if above else 4],
        }
    # A steep line: beside the marker, facing the map's middle unless the line drifts
    # into that side within the label's half height.
    side = 1 if mercator(*frame.view[:2])[0] > x else -1
    drift = abs(to_x / to_y) * lines * PLACE_PX / 2
    if side * to_x > 0 and drift >= PLACE_GAP - 2:
        side = -side
    return {
        "anchor": "start" if side > 0 else "end",
        "baseline": "center",
        "offset": [side * PLACE_GAP, 0],
    }


def _place_points(t: Translator, places: pd.DataFrame, centre: Point, frame: Frame) -> list[dict]:
    """Each connectivity place with its tooltip, its name and where the name goes."""
    points = []
    for row in places.itertuples():
        where = (float(row.lon), float(row.lat))
        km = haversine_km(centre, where)
        name = t.pick(row.name_vi, row.name_en)
        body = "\n".join(
            [
                t(
                    "zones.tip.place_kind",
                    kind=t(f"zones.kind.{row.kind}"),
                    province=t.pick(row.province_vi, row.province_en),
                ),
                t("zones.tip.status", status=t.pick(row.status_vi, row.status_en)),
                t("zones.tip.distance", km=t.number(km)),
            ]
        )
        text = f"{label_lines(name)}\n{t.number(km)} km"
        points.append(
            {
                "position": list(where),
                "source": list(centre),
                "tip_title": name,
                "tip_body": body,
                "text": text,
                **place_label(where, centre, frame, text.count("\n") + 1),
            }
        )
    return points


def _centred(text: str, point: Point) -> dict:
    return {
        "text": text,
        "position": list(point),
        "anchor": "middle",
        "baseline": "center",
        "offset": [0, 0],
    }


def _cleared_name(
    text: str, point: Point, area: dict, frame: Frame, name_px: int, keep_off: tuple
) -> tuple[str, Point]:
    """The nearest clear spot for the name centred in its province on one line, else on
    two (Hồ Chí Minh City's found no room on one between its airports' names), else
    partly over it (a slide shows only a sliver of the city); where there is none, the
    name stays where it was."""
    wrapped = label_lines(text, len(text) // 2 + 1)
    bounds = frame.name_bounds()
    for lines, centred in ((text, True), (wrapped, True), (text, False), (wrapped, False)):
        box = _label_box(_centred(lines, point), name_px, frame.view, 0)
        size = (box[2] - box[0], box[3] - box[1])
        spot = clear_spot(area, point, size, frame.view, bounds, keep_off, centred=centred)
        if spot is not None:
            return lines, spot
    return text, point


def _keep_off(
    labels: list[tuple[list[dict], int]], places: list[dict], centre: Point, view: tuple
) -> tuple[list[Box], list[Segment]]:
    """The pixels (from the map's centre) that names (each list with its size), the
    places' markers and their lines to the centre cover, each box a few px larger: what
    a neighbour's name keeps off."""
    gap = NAME_GAP_PX
    hub = pixels(centre, view)
    boxes = [_label_box(label, size, view, gap) for items, size in labels for label in items]
    segments = []
    if places:
        boxes.append(centred_box(hub, 2 * (CENTRE_RADIUS + gap), 2 * (CENTRE_RADIUS + gap)))
    for point in places:
        marker = pixels(point["position"], view)
        segments.append((hub, marker))
        boxes.append(centred_box(marker, 2 * (PLACE_RADIUS + gap), 2 * (PLACE_RADIUS + gap)))
    return boxes, segments


def _label_box(label: dict, size: int, view: tuple, gap: float) -> Box:
    """A placed name's pixels (its white box's padding and ``gap`` added)."""
    lines = label["text"].split("\n")
    width = max(text_width(line, size) for line in lines)
    height = len(lines) * size
    x, y = (a + b for a, b in zip(pixels(label["position"], view), label["offset"], strict=True))
    left = {"start": x, "end": x - width, "middle": x - width / 2}[label["anchor"]]
    top = {"top": y, "bottom": y - height, "center": y - height / 2}[label["baseline"]]
    pad_x, pad_y = (value + gap for value in LABEL_BOX["background_padding"][:2])
    return left - pad_x, top - pad_y, left + width + pad_x, top + height + pad_y


def _connectivity_specs(t: Translator, points: list[dict], centre: Point) -> list[dict]:
    centre_point = {
        "position": list(centre),
        "tip_title": t("zones.centre_name"),
        "tip_body": t("zones.tip.centre"),
        "text": t("zones.centre_name"),
    }
    specs = [
        {
            "type": "ArcLayer",
            "id": "arcs",
            "props": {
                "data": points,
                "get_source_position": "source",
                "get_target_position": "position",
                "get_source_color": [*INK, 200],
                "get_target_color": [*MARKER, 230],
                "get_width": 2.5,
                "get_height": 0,  # flat: a raised arc is drawn over the labels (depth)
                "pickable": True,
            },
        },
        _marker_layer(PLACES_LAYER, points, colour=[*MARKER, 255], radius=PLACE_RADIUS),
        _marker_layer("centre", [centre_point], colour=[*INK, 255], radius=CENTRE_RADIUS),
    ]
    # Wrapped at spaces by label_lines (deck.gl's own wrapping split "Hoa / Lư").
    text = _text_layer("place-names", points, colour=[*MARKER, 255], size=PLACE_PX)
    text["props"].update(
        get_text_anchor="anchor",
        get_alignment_baseline="baseline",
        get_pixel_offset="offset",
        **LABEL_BOX,  # red on a zone's orange or green reads poorly
    )
    specs.append(text)
    return specs


def ward_tooltip(
    t: Translator, code: int, crosswalk: pd.DataFrame, zones: pd.DataFrame, units: pd.DataFrame
) -> str:
    """A 2025 unit's tooltip body: its former unit(s) with shares, and its zone(s).
    ``zones`` is indexed by id, ``units`` (districts.csv) by code."""
    former = ", ".join(
        t(
            "zones.ward.share",
            name=t.pick(
                units.loc[part.former_code, "name_vi"], units.loc[part.former_code, "name_en"]
            ),
            share=t.number(part.share_pct, 1),
        )
        for part in former_units(code, crosswalk)
    )
    zone_names = ", ".join(
        t.pick(zones.loc[z, "name_vi"], zones.loc[z, "name_en"])
        for z in zone_shares(code, crosswalk)
    )
    return "\n".join(
        [t("zones.ward.tip_former", former=former), t("zones.ward.tip_zone", zones=zone_names)]
    )


def _ward_specs(
    t: Translator,
    wards: WardLayers,
    zones: pd.DataFrame,
    units: pd.DataFrame,
    ward: int | None,
    show_all: bool,
) -> list[dict]:
    """The 36 outlines (when their layer is on; clicking one chooses it) and the chosen
    unit outlined and named (whether or not the layer is on: one shape is light)."""
    if wards.crosswalk is None or wards.units_geo is None:
        return []
    specs = []
    if show_all:
        features = [
            {
                "type": "Feature",
                "geometry": rounded(item["geometry"], WARD_DECIMALS),
                "properties": {
                    "code": int(item["properties"]["code"]),
                    "tip_title": t.pick(
                        item["properties"]["name_vi"], item["properties"]["name_en"]
                    ),
                    "tip_body": ward_tooltip(
                        t, int(item["properties"]["code"]), wards.crosswalk, zones, units
                    ),
                },
            }
            for item in wards.units_geo["features"]
        ]
        specs.append(
            {
                "type": "GeoJsonLayer",
                "id": "wards",
                "props": {
                    "data": {"type": "FeatureCollection", "features": features},
                    "filled": True,
                    # Nearly clear, so the zones show through and the whole shape is pickable.
                    "get_fill_color": [255, 255, 255, 1],
                    "stroked": True,
                    "get_line_color": [*WARD_LINE, 200],
                    "line_width_units": _literal("pixels"),
                    "get_line_width": 1,
                    "pickable": True,
                    "auto_highlight": True,
                    "highlight_color": [*WARD_CHOSEN, 60],
                },
            }
        )
    chosen = find_feature(wards.units_geo, "code", ward) if ward is not None else None
    if chosen is not None:
        props = chosen["properties"]
        specs.append(_outline_layer("chosen-ward", [chosen], width=4, colour=WARD_CHOSEN))
        label = {
            "text": t.pick(props["name_vi"], props["name_en"]),
            "position": list(representative_point(chosen["geometry"])),
        }
        # Above its point: centred, it covered the former units' names around it.
        above = {"baseline": "bottom", "offset": [0, -12]}
        name = _text_layer("chosen-ward-name", [label], [*WARD_CHOSEN, 255], 14, **above)
        specs.append(name)
    return specs


def source_line(cell: str, sources: pd.DataFrame | None) -> str:
    """A ``source`` cell as plain text for a tooltip: "publisher (date)" per id, or the
    publisher alone when the source has no date."""
    by_id = sources.set_index("id") if sources is not None else None
    parts = []
    for source_id in source_ids([cell]):
        if by_id is None or source_id not in by_id.index:
            parts.append(source_id)
            continue
        row = by_id.loc[source_id]
        # An undated source (a reference page) is cited by its publisher alone.
        date = row["date"] if isinstance(row["date"], str) and row["date"] else None
        parts.append(f"{row['publisher']} ({date})" if date else str(row["publisher"]))
    return "; ".join(parts)


def _lift(text: str, where: Point, zoom: float, names: list[dict], name_px: int) -> float:
    """How far (px, up is negative) a located-within name, placed as LOCATED_OUTSIDE at
    ``where``, moves to clear the centred names it would cover: the seaport's lies in
    the wide view's corner with Bà Rịa–Vũng Tàu's. Lowest name first, so a lift clears
    those above too; pixel distances do not depend on the map's width."""
    lines = text.split("\n")
    width = max(text_width(line, LOCATED_PX) for line in lines)
    height = len(lines) * LOCATED_PX
    scale = TILE_SIZE * 2**zoom
    x, y = mercator(*where)
    found = []
    for name in names:
        nx, ny = mercator(*name["position"])
        found.append(((ny - y) * scale, (nx - x) * scale, text_width(name["text"], name_px) / 2))
    bottom = 0.0
    for dy, dx, half in sorted(found, reverse=True):
        across = dx - half < width and dx + half > 0
        if across and dy - name_px / 2 < bottom and bottom - height < dy + name_px / 2:
            bottom = dy - name_px / 2 - 2  # 2 px apart
    return bottom


def _located_specs(
    t: Translator,
    wards: WardLayers,
    frame: Frame,
    connectivity: pd.DataFrame | None,
    it_park: pd.DataFrame | None,
    layers: tuple[str, ...],
    kept_off: tuple[list[dict], int],
) -> list[dict]:
    """Each switched-on place known only by the unit it lies in: that unit's outline,
    labelled "located within", with the sentence and sources in its tooltip; the label
    keeps off the ``kept_off`` names (centred, of that pixel size)."""
    if wards.located is None or wards.located_geo is None:
        return []
    names = place_names(connectivity, it_park)
    features, labels = [], []
    for row in located_in_layers(wards.located, layers).itertuples():
        area = find_feature(wards.located_geo, "place_id", row.place_id)
        if area is None or row.place_id not in names:
            continue
        place = t.pick(*names[row.place_id])
        area_name = t.pick(row.area_name_vi, row.area_name_en)
        colour = IT_PARK if row.place_id == IT_PARK_PLACE else MARKER
        body = [
            t.pick(row.statement_vi, row.statement_en),
            t("zones.located.tip_source", sources=source_line(row.source, wards.sources)),
        ]
        features.append(
            {
                "type": "Feature",
                "geometry": area["geometry"],
                "properties": {
                    "fill": [*colour, 45],
                    "line": [*colour, 255],
                    "tip_title": t("zones.located.tip_title", place=place, area=area_name),
                    "tip_body": "\n".join(body),
                },
            }
        )
        # The park's area lies among the unit names, where its two-line name covered
        # "Tân Uyên" and "Thủ Dầu Một" at every width: the legend names it in its colour.
        if row.place_id in frame.located_labels and row.place_id != IT_PARK_PLACE:
            text = f"{label_lines(place)}\n({t('zones.located.label')})"
            where = frame.located_labels[row.place_id]
            labels.append(
                {
                    "text": text,
                    "position": list(where),
                    "colour": [*colour, 255],
                    "offset": [0, _lift(text, where, frame.view[2], *kept_off)],
                    **LOCATED_OUTSIDE,
                }
            )
    if not features:
        return []
    # Wrapped at spaces by label_lines (deck.gl's own wrapping split "Thị / Vải").
    text = _text_layer("located-names", labels, colour="colour", size=LOCATED_PX)
    text["props"].update(
        get_text_anchor="anchor",
        get_alignment_baseline="baseline",
        get_pixel_offset="offset",
        **LABEL_BOX,  # the area's own outline ran through its name
    )
    return [
        {
            "type": "GeoJsonLayer",
            "id": "located",
            "props": {
                "data": {"type": "FeatureCollection", "features": features},
                "filled": True,
                "get_fill_color": "properties.fill",
                "stroked": True,
                "get_line_color": "properties.line",
                "line_width_units": _literal("pixels"),
                "get_line_width": 2.5,
                "pickable": True,
            },
        },
        text,
    ]


class CompactDeck(pdk.Deck):
    """A deck whose JSON has no indentation: pydeck indents by two spaces and puts every
    coordinate on its own line, which more than quadruples what the browser downloads."""

    def to_json(self) -> str:
        return json.dumps(
            self,
            sort_keys=True,
            default=default_serialize,
            separators=(",", ":"),
            ensure_ascii=False,
        )


def build_deck(specs: list[dict], geo: Geometry, generation: int, basemap: bool) -> pdk.Deck:
    """The deck for this run. ``generation`` renames the pickable layers after each click
    so Streamlit drops its own selection fading, which would fight the zone highlight.

    The view is the wide one exactly when the connectivity places are drawn (as in
    ``layer_specs``): it changes only when that layer is switched, never on other reruns.
    """
    layers = [
        pdk.Layer(spec["type"], id=f"{spec['id']}-{generation}", **spec["props"]) for spec in specs
    ]
    wide = any(spec["id"] == PLACES_LAYER for spec in specs)
    lon, lat, zoom = (geo.wide if wide else geo.province).view
    view = pdk.ViewState(
        longitude=lon, latitude=lat, zoom=zoom, min_zoom=6, max_zoom=14, pitch=0, bearing=0
    )
    if basemap:
        return CompactDeck(
            layers=layers,
            initial_view_state=view,
            map_provider="carto",
            map_style="light",
            tooltip=TOOLTIP,
        )
    return CompactDeck(layers=layers, initial_view_state=view, map_provider=None, tooltip=TOOLTIP)


def picked_unit(selection, layer: str = "units") -> tuple[bool, int | None]:
    """From a map selection event: whether anything was picked, and the code of the
    shape picked on ``layer`` ("units": a former unit; "wards": a 2025 unit)."""
    objects = getattr(getattr(selection, "selection", None), "objects", None) or {}
    picked = False
    for layer_id, items in objects.items():
        if not items:
            continue
        picked = True
        if str(layer_id).startswith(f"{layer}-"):
            properties = (items[0] or {}).get("properties") or {}
            code = properties.get("code")
            if isinstance(code, int):
                return True, code
    return picked, None


def legend_html(entries: list[tuple[str, str, str]]) -> str:
    """The map's legend as one block of HTML: a swatch, a name and a note per entry.

    One element instead of a column, an image and two texts per entry: each element
    costs a phone time to draw. Colours are validated #RRGGBB; texts are escaped.
    """
    items = "".join(
        '<div style="display:flex;gap:.5rem;align-items:flex-start;flex:1 1 14rem">'
        f'<span style="flex:none;width:1.1em;height:1.1em;margin-top:.2em;border-radius:3px;'
        f'background:{colour};border:1px solid {palette.INK}" aria-hidden="true"></span>'
        f"<span><strong>{html.escape(name)}</strong><br>"
        f'<small style="opacity:.8">{html.escape(note)}</small></span></div>'
        for colour, name, note in entries
    )
    # The class lets the presentation's CSS set projector-sized type (components/present.py).
    style = "display:flex;flex-wrap:wrap;gap:.75rem 1.5rem"
    return f'<div class="map-legend" style="{style}">{items}</div>'

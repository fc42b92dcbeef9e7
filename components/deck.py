"""The zones map: deck.gl layers built once per language and choice, drawn with no basemap.

No map tiles are fetched unless the reader asks for a basemap: ``map_provider=None``
leaves pydeck's ``__MAP_STYLE__`` sentinel in the spec, which Streamlit reads as "no
basemap" (an absent ``mapStyle`` would make it fetch Carto's). The view is fixed from
the data, so a rerun (a new zone, a layer switched on) never moves the map.

Tooltip text travels in each object's ``tip_title``/``tip_body`` fields; Streamlit
HTML-escapes field values in the ``html`` template, so no data text becomes markup.
"""

from __future__ import annotations

import html
import json
import math
from dataclasses import dataclass

import pandas as pd
import pydeck as pdk
import streamlit as st
from pydeck.bindings.json_tools import default_serialize

from core.facts import fact_number
from core.geo import (
    BBox,
    Point,
    bbox,
    centroid,
    density,
    fit_view,
    haversine_km,
    representative_point,
    union_bbox,
)
from core.i18n import Translator, decimals_needed

MAP_KEY = "zones-map"
MAP_HEIGHT = 560
MAP_WIDTH_GUESS = 700  # the view is fitted to this width; wider maps show more context
CENTRE_CODE = 718  # Thủ Dầu Một, the provincial capital: its centroid is the centre
FONT = '"Liberation Sans, Arial, Helvetica, DejaVu Sans, sans-serif"'
MARKER = [204, 51, 17]  # connectivity targets (Paul Tol's red): apart from zone colours
IT_PARK = [102, 51, 153]
INK = [30, 30, 30]
FADED_ALPHA = 70
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


@dataclass(frozen=True)
class Geometry:
    """What the map needs from the shapes, computed once per data folder."""

    labels: dict[int, Point]  # unit code -> label point
    centre: Point
    view: tuple[float, float, float]  # lon, lat, zoom
    view_box: BBox
    neighbour_labels: dict[int, Point]


def located(frame: pd.DataFrame | None) -> pd.DataFrame:
    """The rows with both coordinates: only these are drawn."""
    if frame is None:
        return pd.DataFrame(columns=["lon", "lat"])
    return frame[frame["lon"].notna() & frame["lat"].notna()]


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
    width: int = MAP_WIDTH_GUESS,
    height: int = MAP_HEIGHT,
) -> Geometry:
    """Label points, the provincial centre and the fixed view for a map of about
    ``width`` × ``height`` pixels (cached per data folder and size)."""
    del folder  # cache key only: the shapes are too large to hash on every run
    features = _districts_geo["features"]
    labels = {f["properties"]["code"]: representative_point(f["geometry"]) for f in features}
    centre = next(
        centroid(f["geometry"]) for f in features if f["properties"]["code"] == CENTRE_CODE
    )
    boxes = [bbox(f["geometry"]) for f in features]
    boxes += [(lon, lat, lon, lat) for lon, lat in points]
    west, south, east, north = union_bbox(boxes)
    pad_x, pad_y = (east - west) * 0.06, (north - south) * 0.06
    view = fit_view((west - pad_x, south - pad_y, east + pad_x, north + pad_y), width, height)
    # The part of the world a map of the guessed size shows: neighbours are labelled in it.
    half_w = width / 2 / (512 * 2 ** view[2]) * 360
    half_h = half_w * height / width * math.cos(math.radians(view[1]))
    view_box = (view[0] - half_w, view[1] - half_h, view[0] + half_w, view[1] + half_h)
    neighbour_labels = {}
    for feature in (_region_geo or {}).get("features", []):
        if feature["properties"].get("focus"):
            continue
        point = representative_point(feature["geometry"], within=view_box)
        inside = view_box[0] < point[0] < view_box[2] and view_box[1] < point[1] < view_box[3]
        if inside:
            neighbour_labels[feature["properties"]["code"]] = point
    return Geometry(labels, centre, view, view_box, neighbour_labels)


def unit_tooltip(t: Translator, row: pd.Series, zone: pd.Series) -> tuple[str, str]:
    """Title and body of a unit's tooltip (a districts.csv row), in the page's language."""
    name = t.pick(row["name_vi"], row["name_en"])
    title = t("zones.tip.unit_title", name=name, type=t(f"zones.unit_type.{row['type']}"))
    lines = [
        t("zones.tip.zone", zone=t.pick(zone["name_vi"], zone["name_en"])),
        t("zones.tip.role", role=t.pick(zone["role_vi"], zone["role_en"])),
        t("zones.tip.area", area=t.number(row["area_km2"], decimals_needed(row["area_km2"]))),
    ]
    people = density(row["population"], row["area_km2"])
    if people is None:
        lines.append(t("zones.tip.population_missing"))
    else:
        lines.append(
            t(
                "zones.tip.population",
                population=t.number(row["population"]),
                year=row["population_year"],
            )
        )
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
) -> list[dict]:
    """Every layer of the map as (type, id, props), built once per language and choice.

    Layer ids get a suffix at draw time (see ``draw_map``); the data never changes here.
    """
    del folder  # cache key only
    zones = _zones.set_index("id")
    units = _districts.set_index("code")
    geo = _geometry
    specs: list[dict] = []

    if _region_geo is not None:
        others = [f for f in _region_geo["features"] if not f["properties"].get("focus")]
        specs.append(
            {
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
        )
        names = [
            {
                "text": t.pick(f["properties"]["name_vi"], f["properties"]["name_en"]),
                "position": list(geo.neighbour_labels[f["properties"]["code"]]),
            }
            for f in others
            if f["properties"]["code"] in geo.neighbour_labels
        ]
        specs.append(
            _text_layer(
                "neighbour-names", names, colour=[110, 110, 110, 255], size=12, weight="normal"
            )
        )

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

    if _region_geo is not None:
        focus = [f for f in _region_geo["features"] if f["properties"].get("focus")]
        specs.append(_outline_layer("province", focus, width=2.5))

    if "connectivity" in layers:
        specs += _connectivity_specs(t, located(_connectivity), geo.centre)
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

    labels = [
        {
            "text": t.pick(units.loc[code, "name_vi"], units.loc[code, "name_en"]),
            "position": list(point),
        }
        for code, point in geo.labels.items()
    ]
    specs.append(_text_layer("unit-names", labels, colour=[*INK, 255], size=14))
    return specs


def _text_layer(
    layer_id: str,
    data: list[dict],
    colour: list[int],
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


def _outline_layer(layer_id: str, features: list[dict], width: float) -> dict:
    """Dark outlines of fixed pixel width around the features, drawn over the fills."""
    return {
        "type": "GeoJsonLayer",
        "id": layer_id,
        "props": {
            "data": {"type": "FeatureCollection", "features": features},
            "filled": False,
            "stroked": True,
            "get_line_color": [*INK, 255],
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


def _connectivity_specs(t: Translator, places: pd.DataFrame, centre: Point) -> list[dict]:
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
        points.append(
            {
                "position": list(where),
                "source": list(centre),
                "tip_title": name,
                "tip_body": body,
                "text": f"{name}\n{t.number(km)} km",
            }
        )
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
                "get_height": 0.25,
                "pickable": True,
            },
        },
        _marker_layer("places", points, colour=[*MARKER, 255], radius=8),
        _marker_layer("centre", [centre_point], colour=[*INK, 255], radius=6),
    ]
    # Below each marker, wrapped to about 11 em: long names stay near their point.
    text = _text_layer(
        "place-names", points, colour=[*MARKER, 255], size=13, baseline="top", offset=[0, 10]
    )
    text["props"].update(word_break=_literal("break-word"), max_width=11)
    specs.append(text)
    return specs


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
    so Streamlit drops its own selection fading, which would fight the zone highlight."""
    layers = [
        pdk.Layer(spec["type"], id=f"{spec['id']}-{generation}", **spec["props"]) for spec in specs
    ]
    lon, lat, zoom = geo.view
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


def picked_unit(selection) -> tuple[bool, int | None]:
    """From a map selection event: whether anything was picked, and the unit's code."""
    objects = getattr(getattr(selection, "selection", None), "objects", None) or {}
    picked = False
    for layer_id, items in objects.items():
        if not items:
            continue
        picked = True
        if str(layer_id).startswith("units-"):
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
        f'background:{colour}" aria-hidden="true"></span>'
        f"<span><strong>{html.escape(name)}</strong><br>"
        f'<small style="opacity:.8">{html.escape(note)}</small></span></div>'
        for colour, name, note in entries
    )
    return f'<div style="display:flex;flex-wrap:wrap;gap:.75rem 1.5rem">{items}</div>'

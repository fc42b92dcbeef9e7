"""The light maps of the zones page and the IT park (issue 19): an SVG image with links
over it, drawn by core/svg_map.py and shown with ``st.html``, so neither page loads Vega
(nor deck.gl, nor a Markdown HTML parser) to show its first view.

Why SVG instead of a Vega-Lite map: a phone's first visit to the zones page loaded
5,322 KB with the Vega-Lite map against 2,783 KB for the overview, the difference being
the Vega bundle (and the data grid's); the map is a few tens of KB of the page's own data.
Every text is escaped and each link is built from validated state only
(``core.map_mode.choice_link``).
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import streamlit as st

from components.deck import FADED_ALPHA, WARD_CHOSEN, unit_tooltip
from components.palette import INK
from core.geo import Point, bbox, representative_point, union_bbox
from core.i18n import Translator
from core.map_mode import choice_link
from core.svg_map import (
    Frame,
    Label,
    Link,
    Marker,
    Shape,
    map_html,
    marker_box,
    place_labels,
    svg,
)

WARD_COLOUR = "#{:02X}{:02X}{:02X}".format(*WARD_CHOSEN)  # the chosen ward, as on deck.gl
HOST_COLOUR, CONTEXT_FILL, CONTEXT_LINE = "#D55E00", "#EEEEEE", "#8C8C8C"
SITE_COLOUR = "#D50000"
# The zones map's widest: its 15-unit labels read as 21 px on a laptop, 15 px on a phone.
ZONES_MAX_WIDTH = "28rem"


def show_map(markup: str, key: str) -> None:
    """The map in a keyed container: the st-key class the browser tests find it by."""
    with st.container(key=key):
        st.html(markup)


@st.cache_data(show_spinner=False, max_entries=64)
def label_point(_geometry: Mapping, folder: str, key: str) -> Point:
    """Where a shape's name goes (a grid search, about 40 ms a shape): once per data
    folder and shape (``key``, e.g. ``districts:718``), whatever the language or choice."""
    del folder, key  # cache keys only
    return representative_point(_geometry)


def fitted_frame(features: list[Mapping], extra: list[Point] = ()) -> Frame:
    """The frame of a map of these shapes (and points): they fill its width."""
    boxes = [bbox(f["geometry"]) for f in features]
    return Frame.fit(union_bbox([*boxes, *((x, y, x, y) for x, y in extra)]))


@st.cache_data(show_spinner=False, max_entries=32)
def zones_light_map(
    _districts_geo: dict,
    _districts: pd.DataFrame,
    _zones: pd.DataFrame,
    folder: str,
    t: Translator,
    zone: int | None,
    ward: int | None,
    _ward_feature: Mapping | None,
    name: str,
) -> str:
    """The nine former units in their zone's colour, each a link choosing its zone with
    the interactive map's tooltip as its title; the chosen zone outlined and the others
    faded; the chosen 2025 unit (``_ward_feature``, keyed by ``ward``) outlined and named
    in the deck map's ward colour; ``name`` for screen readers. Cached per data folder,
    language and choice."""
    units = _districts.set_index("code")
    zones = _zones.set_index("id")
    features = sorted(_districts_geo["features"], key=lambda f: int(f["properties"]["code"]))
    frame = fitted_frame(features)
    fills, outlines, links, names = [], [], [], []
    for feature in features:
        row = units.loc[int(feature["properties"]["code"])]
        unit_zone = int(row["zone"])
        title, body = unit_tooltip(t, row, zones.loc[unit_zone])
        faded = zone is not None and unit_zone != zone
        colour, opacity = zones.loc[unit_zone, "color"], FADED_ALPHA / 255 if faded else 1.0
        fills.append(Shape(feature["geometry"], colour, fill_opacity=opacity))
        href = choice_link(t.lang, unit_zone, ward)
        links.append(Link(feature["geometry"], href, f"{title}\n{body}"))
        if unit_zone == zone:
            outlines.append(Shape(feature["geometry"], "none", stroke=INK, stroke_width=2.5))
        point = label_point(feature["geometry"], folder, f"districts:{row.name}")
        names.append((-row["area_km2"], Label(point, t.pick(row["name_vi"], row["name_en"]))))
    # The largest units keep their names over their point; small neighbours move aside.
    labels = [label for _, label in sorted(names, key=lambda item: item[0])]
    if _ward_feature is not None:
        shape = _ward_feature["geometry"]
        outlines.append(Shape(shape, "none", stroke=WARD_COLOUR, stroke_width=3.5))
        props = _ward_feature["properties"]
        point = label_point(shape, folder, f"units_2025:{ward}")
        labels.append(Label(point, t.pick(props["name_vi"], props["name_en"]), WARD_COLOUR))
    drawing = svg(frame, [*fills, *outlines], place_labels(labels, frame))
    return map_html(frame, drawing, name, links, max_width=ZONES_MAX_WIDTH)


@st.cache_data(show_spinner=False, max_entries=8)
def location_light_map(
    _districts_geo: dict,
    _area: Mapping | None,
    folder: str,
    t: Translator,
    site: Point | None,
    name: str,
) -> str:
    """The nine former units as faint, named context, the located-within area (a GeoJSON
    feature) filled over them and named, and the site marked when its position is known."""
    features = sorted(_districts_geo["features"], key=lambda f: int(f["properties"]["code"]))
    frame = fitted_frame(features, [site] if site else [])
    shapes = [
        Shape(f["geometry"], CONTEXT_FILL, stroke=CONTEXT_LINE, stroke_width=1) for f in features
    ]
    labels = []
    if _area is not None:
        shapes.append(Shape(_area["geometry"], HOST_COLOUR, fill_opacity=0.45, stroke=HOST_COLOUR))
        props = _area["properties"]
        point = label_point(_area["geometry"], folder, f"located:{props['place_id']}")
        labels.append(Label(point, t.pick(props["name_vi"], props["name_en"])))
    by_area = sorted(features, key=lambda f: -f["properties"]["area_km2_computed"])
    labels += [
        Label(
            label_point(f["geometry"], folder, f"districts:{f['properties']['code']}"),
            t.pick(f["properties"]["name_vi"], f["properties"]["name_en"]),
            bold=False,
        )
        for f in by_area
    ]
    markers = [Marker(site, SITE_COLOUR)] if site else []
    placed = place_labels(labels, frame, [marker_box(m, frame) for m in markers])
    return map_html(frame, svg(frame, shapes, placed, markers), name)

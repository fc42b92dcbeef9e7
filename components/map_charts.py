"""Maps and zone charts as Vega-Lite (Altair): the static zone map that prints (pydeck
needs a browser) and opens the zones page, the IT park's location map, and the zones
page's share chart of figures computed in core/zones.py."""

from __future__ import annotations

import itertools
from collections.abc import Mapping

import altair as alt
import pandas as pd

from components.chart_export import EXPORT_FONT
from components.chart_view import reader_table
from components.deck import WARD_CHOSEN
from components.palette import INK
from components.vega_theme import FONT
from core import chart_text
from core.geo import representative_point
from core.i18n import Translator

WARD_COLOUR = "#{:02X}{:02X}{:02X}".format(*WARD_CHOSEN)  # the chosen ward, as on deck.gl


def _rewound(geometry: dict) -> dict:
    """Rings in the winding d3 (Vega) expects: exterior clockwise, holes anticlockwise.
    GeoJSON's right-hand rule is the opposite, which d3 reads as "the rest of the globe"."""

    def area(ring: list) -> float:
        pairs = itertools.pairwise(ring)
        return sum(x0 * y1 - x1 * y0 for (x0, y0, *_), (x1, y1, *_) in pairs)

    def polygon(rings: list) -> list:
        return [
            ring if (area(ring) < 0) == (index == 0) else ring[::-1]
            for index, ring in enumerate(rings)
        ]

    if geometry["type"] == "Polygon":
        return {"type": "Polygon", "coordinates": polygon(geometry["coordinates"])}
    if geometry["type"] == "MultiPolygon":
        return {
            "type": "MultiPolygon",
            "coordinates": [polygon(rings) for rings in geometry["coordinates"]],
        }
    return geometry


def zone_map_spec(
    districts_geo: dict,
    districts: pd.DataFrame,
    zones: pd.DataFrame,
    t: Translator,
    width: int = 460,
    height: int = 480,
    ward: Mapping | None = None,
) -> dict:
    """The nine units filled in their zone's colour and named, as a Vega-Lite map; ``ward``
    (a feature of data/geo/units_2025.geojson) outlined and named in the deck map's colour
    for a chosen 2025 unit, so the static map shows the lookup's answer too."""

    zone_rows = zones.sort_values("id")
    zone_name = {int(row.id): t.pick(row.name_vi, row.name_en) for row in zone_rows.itertuples()}
    units = districts.set_index("code")
    features, labels = [], []
    for feature in districts_geo["features"]:
        code = int(feature["properties"]["code"])
        name = t.pick(units.loc[code, "name_vi"], units.loc[code, "name_en"])
        features.append(
            {
                "type": "Feature",
                "geometry": _rewound(feature["geometry"]),
                "properties": {"zone": zone_name[int(units.loc[code, "zone"])], "name": name},
            }
        )
        lon, lat = representative_point(feature["geometry"])
        labels.append({"lon": lon, "lat": lat, "name": name})
    colour = alt.Color(
        "properties.zone:N",
        legend=None,
        scale=alt.Scale(domain=list(zone_name.values()), range=list(zone_rows["color"])),
    )
    shapes = (
        alt.Chart(alt.Data(values=features))
        .mark_geoshape(stroke="white", strokeWidth=1.5)
        .encode(color=colour)
    )
    where = {"longitude": "lon:Q", "latitude": "lat:Q", "text": "name:N"}
    halo = (
        alt.Chart(alt.Data(values=labels))
        .mark_text(
            fontSize=FONT - 2, fontWeight="bold", stroke="white", strokeWidth=4, strokeJoin="round"
        )
        .encode(**where)
    )
    names = (
        alt.Chart(alt.Data(values=labels))
        .mark_text(fontSize=FONT - 2, fontWeight="bold", color=INK)
        .encode(**where)
    )
    layers = [shapes, halo, names, *_ward_layers(ward, t)] if ward else [shapes, halo, names]
    chart = alt.layer(*layers).project(type="mercator").properties(width=width, height=height)
    return chart.configure(font=EXPORT_FONT).configure_view(strokeWidth=0).to_dict()


def _ward_layers(ward: Mapping, t: Translator) -> list[alt.Chart]:
    """The chosen 2025 unit: its outline, then its name on a white halo."""
    props = ward["properties"]
    outline = {"type": "Feature", "geometry": _rewound(ward["geometry"])}
    lon, lat = representative_point(ward["geometry"])
    label = [{"lon": lon, "lat": lat, "name": t.pick(props["name_vi"], props["name_en"])}]
    where = {"longitude": "lon:Q", "latitude": "lat:Q", "text": "name:N"}
    text = {"fontSize": FONT - 1, "fontWeight": "bold", "dy": -14}
    return [
        alt.Chart(alt.Data(values=[outline])).mark_geoshape(
            filled=False, stroke=WARD_COLOUR, strokeWidth=4
        ),
        alt.Chart(alt.Data(values=label))
        .mark_text(**text, stroke="white", strokeWidth=4, strokeJoin="round")
        .encode(**where),
        alt.Chart(alt.Data(values=label)).mark_text(**text, color=WARD_COLOUR).encode(**where),
    ]


# --- Zone shares (the zones page's card) ------------------------------------------------


def zone_share_chart(
    share: dict[int, float],
    names: dict[int, str],
    colours: dict[int, str],
    chosen: int | None,
    measure: str,
    t: Translator,
) -> alt.LayerChart:
    """Each zone's share of the province (``measure``: area or population) as bars in the
    zones' colours, the chosen zone solid and the others faded, each labelled in percent."""
    zone_ids = list(names)
    frame = pd.DataFrame(
        {
            "zone": [names[z] for z in zone_ids],
            "share": [share[z] for z in zone_ids],
            "label": [t("zones.percent", value=t.number(share[z], 1)) for z in zone_ids],
            "chosen": [z == chosen for z in zone_ids],
        }
    )
    scale = alt.Scale(domain=list(frame["zone"]), range=[colours[z] for z in zone_ids])
    base = alt.Chart(frame, title=t(f"zones.share_title.{measure}")).encode(
        y=alt.Y("zone:N", sort=None, title=None),
        x=alt.X(
            "share:Q",
            title=t("zones.share_axis"),
            scale=alt.Scale(domain=[0, 100]),
            axis=alt.Axis(format="d"),
        ),
        tooltip=[
            alt.Tooltip("zone:N", title=t("zones.col.zone")),
            alt.Tooltip("label:N", title=t("zones.share_axis")),
        ],
    )
    # An INK outline: the lightest zone colour alone has under 3:1 on white (WCAG 1.4.11).
    bars = base.mark_bar(stroke=INK, strokeWidth=1).encode(
        color=alt.Color("zone:N", scale=scale, legend=None),
        fillOpacity=alt.condition(alt.datum.chosen, alt.value(1.0), alt.value(0.35)),
    )
    text = base.mark_text(align="left", dx=4).encode(text="label:N")
    # A fixed pixel height collapses a layered chart in Streamlit; a step per bar does not.
    return (bars + text).properties(height=alt.Step(30))


def zone_share_text(
    share: dict[int, float], names: dict[int, str], measure: str, t: Translator
) -> tuple[str, pd.DataFrame]:
    """The share bars' screen-reader label and table alternative (``chart_view``)."""
    title, column = t(f"zones.share_title.{measure}"), t("zones.share_axis")
    description = chart_text.zone_share(t, title, {names[z]: share[z] for z in names})
    table = pd.DataFrame(
        {t("zones.col.zone"): list(names.values()), column: [share[z] for z in names]}
    )
    return description, reader_table(table, t, {column: 1})


# --- The IT park's location map (issue 19: Vega-Lite, no WebGL) ----------------------

HOST_COLOUR, CONTEXT_FILL, CONTEXT_LINE = "#D55E00", "#EEEEEE", "#8C8C8C"


def location_map_spec(
    districts_geo: dict,
    area: dict | None,
    site: tuple[float, float] | None,
    t: Translator,
    height: int = 440,
) -> dict:
    """The nine former units as faint, named context, the located-within area (a GeoJSON
    feature) outlined over them and the site marked when its position is known: an SVG
    Vega-Lite map, so the page needs no WebGL context and no deck.gl bundle."""
    context, labels = [], []
    for feature in districts_geo["features"]:
        props = feature["properties"]
        context.append({"type": "Feature", "geometry": _rewound(feature["geometry"])})
        lon, lat = representative_point(feature["geometry"])
        labels.append({"lon": lon, "lat": lat, "name": t.pick(props["name_vi"], props["name_en"])})
    layers = [
        alt.Chart(alt.Data(values=context)).mark_geoshape(
            fill=CONTEXT_FILL, stroke=CONTEXT_LINE, strokeWidth=1, aria=False
        )
    ]
    if area is not None:
        outline = {"type": "Feature", "geometry": _rewound(area["geometry"])}
        layers.append(
            alt.Chart(alt.Data(values=[outline])).mark_geoshape(
                fill=HOST_COLOUR, fillOpacity=0.45, stroke=HOST_COLOUR, strokeWidth=2.5, aria=False
            )
        )
    where = {"longitude": "lon:Q", "latitude": "lat:Q", "text": "name:N"}
    layers.append(
        alt.Chart(alt.Data(values=labels))
        .mark_text(fontSize=FONT - 3, color=INK, stroke="white", strokeWidth=3, aria=False)
        .encode(**where)
    )
    layers.append(
        alt.Chart(alt.Data(values=labels))
        .mark_text(fontSize=FONT - 3, color=INK, aria=False)
        .encode(**where)
    )
    if site is not None:
        layers.append(
            alt.Chart(alt.Data(values=[{"lon": site[0], "lat": site[1]}]))
            .mark_circle(size=160, color="#D50000", opacity=1, aria=False)
            .encode(longitude="lon:Q", latitude="lat:Q")
        )
    chart = alt.layer(*layers).project(type="mercator").properties(height=height)
    return chart.configure_view(strokeWidth=0).to_dict()

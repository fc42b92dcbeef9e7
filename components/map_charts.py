"""The zone map and zone charts as Vega-Lite (Altair): the zone map the PDF brief prints
(pydeck needs a browser; the pages draw core/svg_map.py's SVG), and the zones page's
share chart of figures computed in core/zones.py."""

from __future__ import annotations

import itertools

import altair as alt
import pandas as pd

from components.chart_export import EXPORT_FONT
from components.chart_view import reader_table
from components.palette import INK
from components.vega_theme import FONT
from core import chart_text
from core.geo import representative_point
from core.i18n import Translator


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
) -> dict:
    """The nine units filled in their zone's colour and named, as a Vega-Lite map."""

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
    layers = [shapes, halo, names]
    chart = alt.layer(*layers).project(type="mercator").properties(width=width, height=height)
    return chart.configure(font=EXPORT_FONT).configure_view(strokeWidth=0).to_dict()


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

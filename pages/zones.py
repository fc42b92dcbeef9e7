"""3 khu vực / Three zones: the plan's three development zones on an offline map.

State lives in widget keys; a link may set it (``?zone=2&layers=connectivity``) on the
page's first run, and the current choice is written back to the URL on every run.
"""

import altair as alt
import pandas as pd
import streamlit as st

from components.context import translator
from components.data_ui import require, try_geojson, try_table
from components.deck import (
    IT_PARK,
    MAP_HEIGHT,
    MAP_KEY,
    MARKER,
    build_deck,
    geometry,
    it_park_position,
    layer_specs,
    legend_html,
    located,
    picked_unit,
)
from components.page_parts import (
    download_csv,
    escape_markdown,
    link_value,
    page_header,
    source_footer,
)
from core.data import data_dir
from core.geo import MAP_LAYERS, density, layers_param, parse_layers, parse_zone, shares
from core.i18n import decimals_needed

ZONE_KEY = "zones-zone"
LAYER_KEYS = {layer: f"zones-layer-{layer}" for layer in MAP_LAYERS}
BASEMAP_KEY = "zones-basemap"
GENERATION_KEY = "zones-map-generation"

t = translator()
page_header("zones")
zones, districts = require("zones", "districts")
districts_geo = try_geojson("districts_geo")
region_geo = try_geojson("region_geo")
connectivity = try_table("connectivity")
it_park = try_table("it_park")

zones = zones.set_index("id", drop=False)
zone_ids = [int(zone) for zone in zones["id"]]
zone_of = dict(zip(districts["code"].astype(int), districts["zone"].astype(int), strict=True))


def zone_name(zone_id: int) -> str:
    return t.pick(zones.loc[zone_id, "name_vi"], zones.loc[zone_id, "name_en"])


# --- State: from the link on the first run, then from the widgets --------------------
notices = []
if ZONE_KEY not in st.session_state:
    zone, rejected = parse_zone(st.query_params.get_all("zone"), zone_ids)
    if rejected is not None:
        notices.append(t("zones.notice_zone", value=link_value(rejected)))
    layers, rejected = parse_layers(st.query_params.get_all("layers"))
    if rejected is not None:
        notices.append(t("zones.notice_layers", value=link_value(rejected)))
    st.session_state[ZONE_KEY] = zone
    for layer, key in LAYER_KEYS.items():
        st.session_state[key] = layer in layers


def on_map_select() -> None:
    """A click on a unit chooses its zone; any click renames the layers (see build_deck)."""
    picked, code = picked_unit(st.session_state.get(MAP_KEY))
    if picked:
        st.session_state[GENERATION_KEY] = st.session_state.get(GENERATION_KEY, 0) + 1
    if code in zone_of:
        st.session_state[ZONE_KEY] = zone_of[code]


zone = st.segmented_control(
    t("zones.zone_label"), zone_ids, format_func=zone_name, key=ZONE_KEY, help=t("zones.zone_help")
)
switches = st.columns(3)
for column, (layer, key) in zip(switches, LAYER_KEYS.items(), strict=False):
    column.toggle(t(f"zones.layer.{layer}"), key=key, help=t(f"zones.layer_help.{layer}"))
basemap = switches[2].toggle(t("zones.basemap"), key=BASEMAP_KEY, help=t("zones.basemap_help"))
layers = tuple(layer for layer, key in LAYER_KEYS.items() if st.session_state[key])

wanted = {"zone": str(zone) if zone is not None else None, "layers": layers_param(layers)}
for name, value in wanted.items():
    if not value:
        if name in st.query_params:
            del st.query_params[name]
    elif st.query_params.get_all(name) != [value]:
        st.query_params[name] = value
for notice in notices:
    st.info(notice, icon=":material/link_off:")

# --- The map and its legend ------------------------------------------------------------
sources = [*list(districts["source"]), "dvhcvn_gis"]
if districts_geo is not None:
    points = tuple((float(row.lon), float(row.lat)) for row in located(connectivity).itertuples())
    park = it_park_position(it_park)
    points += (park,) if park else ()
    folder = str(data_dir())
    geo = geometry(districts_geo, region_geo, folder=folder, points=points)
    specs = layer_specs(
        districts_geo,
        region_geo,
        zones.reset_index(drop=True),
        districts,
        connectivity,
        it_park,
        geo,
        folder=folder,
        lang=t.lang,
        zone=zone,
        layers=layers,
    )
    deck = build_deck(specs, geo, st.session_state.get(GENERATION_KEY, 0), basemap)
    st.pydeck_chart(
        deck,
        on_select=on_map_select,
        selection_mode="single-object",
        key=MAP_KEY,
        height=MAP_HEIGHT,
        alt=t("zones.map_alt"),
    )
    entries = [
        (
            zones.loc[z, "color"],
            zone_name(z),
            t.pick(zones.loc[z, "role_vi"], zones.loc[z, "role_en"]),
        )
        for z in zone_ids
    ]
    if "connectivity" in layers:
        entries.append(
            (
                "#{:02X}{:02X}{:02X}".format(*MARKER),
                t("zones.legend_targets"),
                t("zones.legend_targets_help"),
            )
        )
    if "it_park" in layers and park:
        entries.append(
            (
                "#{:02X}{:02X}{:02X}".format(*IT_PARK),
                t("zones.layer.it_park"),
                t("zones.layer_help.it_park"),
            )
        )
    st.html(legend_html(entries))
    st.caption(t("zones.map_caption"))
    if "connectivity" in layers:
        st.caption(t("zones.centre_caption"))

unlocated = []
if "connectivity" in layers and connectivity is not None:
    sources += list(connectivity["source"])
    for row in connectivity[connectivity["lon"].isna() | connectivity["lat"].isna()].itertuples():
        unlocated.append(
            t(
                "zones.unlocated_item",
                name=escape_markdown(t.pick(row.name_vi, row.name_en)),
                kind=t(f"zones.kind.{row.kind}"),
                province=escape_markdown(t.pick(row.province_vi, row.province_en)),
            )
        )
if "it_park" in layers and it_park is not None:
    park_rows = it_park.set_index("key")
    sources += list(park_rows.loc[["name", "lon", "lat"], "source"])
    if it_park_position(it_park) is None:
        unlocated.append(escape_markdown(t.pick(*park_rows.loc["name", ["value_vi", "value_en"]])))
if unlocated:
    st.markdown(t("zones.unlocated_heading") + "\n" + "\n".join(f"- {u}" for u in unlocated))
source_footer(sources)

# --- The chosen zone's card --------------------------------------------------------------
units = districts.assign(
    density=[
        density(p, a) for p, a in zip(districts["population"], districts["area_km2"], strict=True)
    ]
)
area_share = shares(units.groupby("zone")["area_km2"].sum().to_dict())
population_share = (
    shares(units.groupby("zone")["population"].sum().to_dict())
    if units["population"].notna().all()
    else None
)


def share_chart(share: dict, measure: str) -> alt.Chart:
    frame = pd.DataFrame(
        {
            "zone": [zone_name(z) for z in zone_ids],
            "share": [share[z] for z in zone_ids],
            "label": [t("zones.percent", value=t.number(share[z], 1)) for z in zone_ids],
            "chosen": [z == zone for z in zone_ids],
        }
    )
    colours = alt.Scale(domain=list(frame["zone"]), range=list(zones.loc[zone_ids, "color"]))
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
    bars = base.mark_bar().encode(
        color=alt.Color("zone:N", scale=colours, legend=None),
        opacity=alt.condition(alt.datum.chosen, alt.value(1.0), alt.value(0.35)),
    )
    text = base.mark_text(align="left", dx=4).encode(text="label:N")
    # A fixed pixel height collapses a layered chart in Streamlit; a step per bar does not.
    return (bars + text).properties(height=alt.Step(30))


if zone is None:
    st.info(t("zones.choose_hint"), icon=":material/touch_app:")
else:
    row = zones.loc[zone]
    members = units[units["zone"] == zone]
    with st.container(border=True, key="zone-card"):
        st.subheader(
            t("zones.card_title", zone=zone_name(zone), role=t.pick(row["role_vi"], row["role_en"]))
        )
        names = ", ".join(t.pick(u.name_vi, u.name_en) for u in members.itertuples())
        st.markdown(t("zones.card_units", count=len(members), units=escape_markdown(names)))
        original, translation = st.columns(2)
        original.caption(t("zones.quote_label"))
        original.markdown("> " + escape_markdown(row["quote_vi"]))
        translation.caption(t("zones.translation_label"))
        translation.markdown("> " + escape_markdown(row["quote_en"]))
        area = members["area_km2"].sum()
        figures = st.columns(3)
        figures[0].metric(
            t("zones.metric_area"),
            t("zones.km2", value=t.number(area)),
            help=t("zones.km2", value=t.number(area, decimals_needed(area))),
        )
        figures[1].metric(
            t("zones.metric_area_share"), t("zones.percent", value=t.number(area_share[zone], 1))
        )
        if population_share is None:
            figures[2].metric(
                t("zones.metric_population_share"), "—", help=t("zones.population_missing")
            )
        else:
            figures[2].metric(
                t("zones.metric_population_share"),
                t("zones.percent", value=t.number(population_share[zone], 1)),
            )
        charts = [share_chart(area_share, "area")]
        if population_share is not None:
            charts.append(share_chart(population_share, "population"))
        for chart in charts:
            st.altair_chart(chart, width="stretch")
        if population_share is None:
            st.caption(t("zones.population_missing"))
        source_footer([row["source"], *members["source"]])

# --- The units table ---------------------------------------------------------------------
st.subheader(t("zones.table_heading"))
table = pd.DataFrame(
    {
        t("zones.col.unit"): [t.pick(u.name_vi, u.name_en) for u in units.itertuples()],
        t("zones.col.type"): [t(f"zones.unit_type.{u.type}") for u in units.itertuples()],
        t("zones.col.zone"): [zone_name(int(u.zone)) for u in units.itertuples()],
        t("zones.col.area"): [
            t.number(u.area_km2, decimals_needed(u.area_km2)) for u in units.itertuples()
        ],
        t("zones.col.population"): [
            t.number(None if pd.isna(u.population) else u.population) for u in units.itertuples()
        ],
        t("zones.col.density"): [t.number(u.density) for u in units.itertuples()],
    }
)
table = table.iloc[units.sort_values(["zone", "code"]).index.map(units.index.get_loc)]
# Nine rows: a plain table reads better on a projector and a phone than a data grid,
# and draws without the grid's code.
st.table(table, hide_index=True, border="horizontal")
if units["population"].isna().any():
    st.caption(t("zones.population_missing"))
download_csv(
    units.drop(columns=["note"]).rename(columns={"density": "density_per_km2"}),
    "zones-units",
    key="download-zones-units",
)
source_footer(units["source"])

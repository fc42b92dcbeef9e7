"""3 khu vực / Three zones: the plan's three development zones on an offline map.

State lives in widget keys; a link may set it (``?zone=2&layers=connectivity``) on the
page's first run, and the current choice is written back to the URL on every run.
Each section is a function of what it draws; the figures come from core/zones.py.
"""

import html
from functools import partial
from typing import NamedTuple

import pandas as pd
import streamlit as st

from components.chart_view import show_chart
from components.context import translator
from components.data_ui import require, try_geojson, try_table
from components.deck import (
    IT_PARK,
    MAP_HEIGHT,
    MAP_KEY,
    MARKER,
    WARD_CHOSEN,
    WardLayers,
    build_deck,
    geometry,
    it_park_position,
    layer_specs,
    legend_html,
    map_points,
    picked_unit,
)
from components.light_maps import show_map, zones_light_map
from components.map_charts import zone_share_chart, zone_share_text
from components.page_parts import (
    download_csv,
    escape_markdown,
    link_value,
    page_header,
    source_footer,
)
from components.palette import DARK_GREY
from components.zones_ui import (
    WARD_KEY,
    load_ward_layers,
    lookup_section,
    plan_words,
    ward_card,
    wards_table,
)
from core import chart_text
from core.data import data_dir
from core.geo import MAP_LAYERS, layers_param, parse_layers, parse_zone
from core.i18n import Translator, decimals_needed
from core.map_mode import map_mode_param, parse_map_mode
from core.wards import feature, located_in_layers, place_names
from core.zones import (
    in_table_order,
    population_coverage,
    unlocated,
    with_density,
    without_empty_population,
    zone_area,
    zone_of_unit,
    zone_shares,
    zone_units,
)

ZONE_KEY = "zones-zone"
LAYER_KEYS = {layer: f"zones-layer-{layer}" for layer in MAP_LAYERS}
BASEMAP_KEY = "zones-basemap"
GENERATION_KEY = "zones-map-generation"
INTERACTIVE_KEY = "zones-interactive"


class MapTables(NamedTuple):
    """What the map draws besides the zones and units; None where damaged (already said)."""

    districts_geo: dict | None
    region_geo: dict | None
    connectivity: pd.DataFrame | None
    it_park: pd.DataFrame | None


def load_map_tables(t: Translator) -> MapTables:
    return MapTables(
        try_geojson(t, "districts_geo"),
        try_geojson(t, "region_geo"),
        try_table(t, "connectivity"),
        try_table(t, "it_park"),
    )


def hex_colour(rgb: list[int]) -> str:
    return "#{:02X}{:02X}{:02X}".format(*rgb)


def state_from_link(zone_ids: list[int], t: Translator) -> list[str]:
    """On the page's first run, set the widgets from the link; notices for what it rejected."""
    if ZONE_KEY in st.session_state:
        return []
    notices = []
    zone, rejected = parse_zone(st.query_params.get_all("zone"), zone_ids)
    if rejected is not None:
        notices.append(t("zones.notice_zone", value=link_value(rejected)))
    layers, rejected = parse_layers(st.query_params.get_all("layers"))
    if rejected is not None:
        notices.append(t("zones.notice_layers", value=link_value(rejected)))
    interactive, rejected = parse_map_mode(st.query_params.get_all("map"))
    if rejected is not None:
        notices.append(t("zones.map_mode.notice", value=link_value(rejected)))
    # Only the interactive map draws the layers: a link asking for one opens it.
    st.session_state[INTERACTIVE_KEY] = interactive or bool(layers)
    st.session_state[ZONE_KEY] = zone
    for layer, key in LAYER_KEYS.items():
        st.session_state[key] = layer in layers
    return notices


def on_map_select(zone_of: dict[int, int], ward_codes: frozenset[int]) -> None:
    """A click on a former unit chooses its zone, on a 2025 unit (its layer on) that unit;
    any click renames the layers (see build_deck)."""
    selection = st.session_state.get(MAP_KEY)
    picked, code = picked_unit(selection)
    _, ward = picked_unit(selection, "wards")
    if picked:
        st.session_state[GENERATION_KEY] = st.session_state.get(GENERATION_KEY, 0) + 1
    if code in zone_of:
        st.session_state[ZONE_KEY] = zone_of[code]
    if ward in ward_codes:
        st.session_state[WARD_KEY] = ward


def on_deck_switch(key: str) -> None:
    """A layer or the basemap is drawn by the interactive map only: switching one on
    opens it, rather than a switch that seems to do nothing on the static map."""
    if st.session_state[key]:
        st.session_state[INTERACTIVE_KEY] = True


def on_map_mode() -> None:
    """Back to the static map: the layers and basemap go off with the map that drew them,
    so the switches and the link say what is drawn (and reopening starts plain)."""
    if not st.session_state[INTERACTIVE_KEY]:
        for key in (*LAYER_KEYS.values(), BASEMAP_KEY):
            st.session_state[key] = False


def controls(names: dict[int, str], t: Translator) -> tuple[int | None, tuple[str, ...], bool]:
    """The zone, the optional layers and the basemap switch: (zone, layers, basemap)."""
    zone = st.segmented_control(
        t("zones.zone_label"),
        list(names),
        format_func=names.get,
        key=ZONE_KEY,
        help=t("zones.zone_help"),
    )
    st.toggle(
        t("zones.map_mode.toggle"),
        key=INTERACTIVE_KEY,
        help=t("zones.map_mode.help"),
        on_change=on_map_mode,
    )
    # Two columns of switches: four in a row would wrap every label on a laptop.
    switches = st.columns(2)
    for index, (layer, key) in enumerate(LAYER_KEYS.items()):
        switches[index % 2].toggle(
            t(f"zones.layer.{layer}"),
            key=key,
            help=t(f"zones.layer_help.{layer}"),
            on_change=on_deck_switch,
            args=(key,),
        )
    with switches[len(LAYER_KEYS) % 2]:
        basemap = st.toggle(
            t("zones.basemap"),
            key=BASEMAP_KEY,
            help=t("zones.basemap_help"),
            on_change=on_deck_switch,
            args=(BASEMAP_KEY,),
        )
        # The app cannot tell whether the tiles loaded: say when they cannot.
        st.caption(t("zones.basemap_offline"))
    layers = tuple(layer for layer, key in LAYER_KEYS.items() if st.session_state[key])
    return zone, layers, basemap


def write_link(zone: int | None, layers: tuple[str, ...], ward: int | None, lookup: bool) -> None:
    """Keep the URL on the current choice, so the view can be shared. With the lookup
    disabled (damaged file), a ward in the link is left as it was."""
    wanted = {
        "zone": str(zone) if zone is not None else None,
        "layers": layers_param(layers),
        "map": map_mode_param(st.session_state[INTERACTIVE_KEY]),
    }
    if lookup:
        wanted["ward"] = str(ward) if ward is not None else None
    for name, value in wanted.items():
        if not value:
            if name in st.query_params:
                del st.query_params[name]
        elif st.query_params.get_all(name) != [value]:
            st.query_params[name] = value


def legend_entries(
    zones: pd.DataFrame,
    names: dict[int, str],
    layers: tuple[str, ...],
    park: tuple[float, float] | None,
    ward: int | None,
    t: Translator,
) -> list[tuple[str, str, str]]:
    entries = [
        (zones.loc[z, "color"], name, t.pick(zones.loc[z, "role_vi"], zones.loc[z, "role_en"]))
        for z, name in names.items()
    ]
    if "connectivity" in layers:
        entries.append(
            (hex_colour(MARKER), t("zones.legend_targets"), t("zones.legend_targets_help"))
        )
    if "it_park" in layers and park:
        entries.append(
            (hex_colour(IT_PARK), t("zones.layer.it_park"), t("zones.layer_help.it_park"))
        )
    if {"connectivity", "it_park"} & set(layers):
        entries.append(
            (hex_colour(MARKER), t("zones.located.legend"), t("zones.located.legend_help"))
        )
    if ward is not None:
        entries.append(
            (hex_colour(WARD_CHOSEN), t("zones.legend_ward"), t("zones.legend_ward_help"))
        )
    return entries


def static_section(
    districts_geo: dict,
    zones: pd.DataFrame,
    districts: pd.DataFrame,
    names: dict[int, str],
    chosen: tuple[int | None, dict | None, int | None],
    t: Translator,
) -> None:
    """The light map (issue 19) with the chosen zone and 2025 unit (issue 16), its legend
    and caption; ``chosen`` is (the zone, the units' outlines or None when damaged, the
    ward). A click on a unit follows its link: the page reloads with that zone chosen."""
    zone, units_geo, ward = chosen
    outline = feature(units_geo, "code", ward) if units_geo and ward is not None else None
    units_by_zone = {
        name: [t.pick(u.name_vi, u.name_en) for u in zone_units(districts, z).itertuples()]
        for z, name in names.items()
    }
    props = outline["properties"] if outline else None
    ward_name = t.pick(props["name_vi"], props["name_en"]) if props else None
    description = chart_text.zone_map(t, t("zones.map_mode.static_alt"), units_by_zone, ward_name)
    # The units table below the map is its table alternative (a11y.map.zones_alternative).
    drawn_ward = ward if outline else None
    markup = zones_light_map(
        districts_geo,
        districts,
        zones.reset_index(drop=True),
        str(data_dir()),
        t,
        zone,
        drawn_ward,
        outline,
        description,
    )
    show_map(markup, key="zones-static-map")
    # The outline is drawn in the legend's ward colour, as on the interactive map.
    st.html(legend_html(legend_entries(zones, names, (), None, drawn_ward, t)))
    st.caption(t("zones.map_mode.static_caption"))


def map_section(
    tables: MapTables,
    zones: pd.DataFrame,
    districts: pd.DataFrame,
    names: dict[int, str],
    zone: int | None,
    layers: tuple[str, ...],
    basemap: bool,
    wards: WardLayers,
    ward: int | None,
    t: Translator,
) -> None:
    """The map with its legend and captions, or nothing when the shapes are damaged."""
    districts_geo, region_geo, connectivity, it_park = tables
    if districts_geo is None:
        return
    if not st.session_state[INTERACTIVE_KEY]:
        chosen = (zone, wards.units_geo, ward)
        static_section(districts_geo, zones, districts, names, chosen, t)
        return
    park = it_park_position(it_park)
    points = map_points(connectivity, it_park)
    folder = str(data_dir())
    geo = geometry(
        districts_geo, region_geo, folder=folder, points=points, _located_geo=wards.located_geo
    )
    specs = layer_specs(
        districts_geo,
        region_geo,
        zones.reset_index(drop=True),
        districts,
        connectivity,
        it_park,
        geo,
        folder=folder,
        t=t,
        zone=zone,
        layers=layers,
        ward=ward,
        _wards=wards,
    )
    codes = frozenset() if wards.crosswalk is None else frozenset(wards.crosswalk["code"])
    st.pydeck_chart(
        build_deck(specs, geo, st.session_state.get(GENERATION_KEY, 0), basemap),
        on_select=partial(on_map_select, zone_of_unit(districts), codes),
        selection_mode="single-object",
        key=MAP_KEY,
        height=MAP_HEIGHT,
        alt=t("zones.map_alt") + " " + t("a11y.map.zones_alternative"),
    )
    st.html(legend_html(legend_entries(zones, names, layers, park, ward, t)))
    st.caption(t("zones.map_caption"))
    if "connectivity" in layers:
        st.caption(t("zones.centre_caption"))


def located_section(
    tables: MapTables, wards: WardLayers, layers: tuple[str, ...], t: Translator
) -> set[str]:
    """The switched-on places drawn as the area they lie in, listed with the sentence that
    places them there; returns their ids."""
    if wards.located is None or wards.located_geo is None:
        return set()
    names = place_names(tables.connectivity, tables.it_park)
    shown = located_in_layers(wards.located, layers)
    shown = shown[shown["place_id"].isin(set(names))]
    items = [
        t(
            "zones.located.item",
            place=escape_markdown(t.pick(*names[row.place_id])),
            area=escape_markdown(t.pick(row.area_name_vi, row.area_name_en)),
            statement=escape_markdown(t.pick(row.statement_vi, row.statement_en)),
        )
        for row in shown.itertuples()
    ]
    if items:
        st.markdown(t("zones.located.heading") + "\n" + "\n".join(f"- {i}" for i in items))
        source_footer(t, shown["source"])
    return set(shown["place_id"])


def unlocated_section(
    tables: MapTables,
    districts: pd.DataFrame,
    layers: tuple[str, ...],
    drawn: set[str],
    t: Translator,
) -> None:
    """The switched-on places the map cannot draw (not even as the area they lie in),
    then the map's sources."""
    sources = [*list(districts["source"]), "dvhcvn_gis"]
    items = []
    connectivity, it_park = tables.connectivity, tables.it_park
    if "connectivity" in layers and connectivity is not None:
        sources += list(connectivity["source"])
        items += [
            t(
                "zones.unlocated_item",
                name=escape_markdown(t.pick(row.name_vi, row.name_en)),
                kind=t(f"zones.kind.{row.kind}"),
                province=escape_markdown(t.pick(row.province_vi, row.province_en)),
            )
            for row in unlocated(connectivity).itertuples()
            if row.id not in drawn
        ]
    if "it_park" in layers and it_park is not None:
        park_rows = it_park.set_index("key")
        sources += list(park_rows.loc[["name", "lon", "lat"], "source"])
        if it_park_position(it_park) is None and "it_park" not in drawn:
            items.append(escape_markdown(t.pick(*park_rows.loc["name", ["value_vi", "value_en"]])))
    if items:
        st.markdown(t("zones.unlocated_heading") + "\n" + "\n".join(f"- {u}" for u in items))
    source_footer(t, sources)


def zone_card(
    zones: pd.DataFrame, units: pd.DataFrame, names: dict[int, str], zone: int, t: Translator
) -> None:
    """The chosen zone: its role, units, the plan's words, its area and shares."""
    row = zones.loc[zone]
    members = zone_units(units, zone)
    area_share = zone_shares(units, "area_km2")
    population_share = zone_shares(units, "population")
    with st.container(border=True, key="zone-card"):
        st.subheader(
            t("zones.card_title", zone=names[zone], role=t.pick(row["role_vi"], row["role_en"]))
        )
        members_names = ", ".join(t.pick(u.name_vi, u.name_en) for u in members.itertuples())
        st.markdown(t("zones.card_units", count=len(members), units=escape_markdown(members_names)))
        plan_words(row, t)
        area = zone_area(units, zone)
        # Only the shares that exist: an empty population card would say "—" for every
        # zone (why is said once, under the units table).
        shares = {"area": area_share, "population": population_share}
        shares = {measure: share for measure, share in shares.items() if share is not None}
        figures = st.columns(1 + len(shares))
        figures[0].metric(
            t("zones.metric_area"),
            t("zones.km2", value=t.number(area)),
            help=t("zones.km2", value=t.number(area, decimals_needed(area))),
        )
        for column, (measure, share) in zip(figures[1:], shares.items(), strict=True):
            column.metric(
                t(f"zones.metric_{measure}_share"),
                t("zones.percent", value=t.number(share[zone], 1)),
            )
        colours = zones["color"].to_dict()
        for measure, share in shares.items():
            chart = zone_share_chart(share, names, colours, zone, measure, t)
            description, table = zone_share_text(share, names, measure, t)
            show_chart(chart.to_dict(), description, table, t, key=f"zone-share-{measure}")
        source_footer(t, [row["source"], *members["source"]])


UNITS_TABLE_STYLE = (
    "<style>.zones-units{width:100%;border-collapse:collapse;font-size:.875rem;line-height:1.35;"
    "font-variant-numeric:tabular-nums}.zones-units th,.zones-units td{padding:.4rem .45rem;"
    "border-bottom:1px solid #D0D4DA;text-align:left;vertical-align:top}"
    f".zones-units th{{font-weight:normal;color:{DARK_GREY}}}"
    ".zones-units .number{text-align:right}</style>"
)


def html_table(columns: dict[str, list[str]], numbers: set[str]) -> str:
    """Columns of text as a compact HTML table (the ``numbers`` columns right-aligned),
    every cell escaped: a phone reads nine rows of it without scrolling sideways."""

    def cell(tag: str, name: str, text: str) -> str:
        kind = ' class="number"' if name in numbers else ""
        scope = ' scope="col"' if tag == "th" else ""
        return f"<{tag}{scope}{kind}>{html.escape(text)}</{tag}>"

    head = "".join(cell("th", name, name) for name in columns)
    rows = "".join(
        "<tr>"
        + "".join(cell("td", name, text) for name, text in zip(columns, row, strict=True))
        + "</tr>"
        for row in zip(*columns.values(), strict=True)
    )
    return (
        f'{UNITS_TABLE_STYLE}<table class="zones-units"><thead><tr>{head}</tr></thead>'
        f"<tbody>{rows}</tbody></table>"
    )


def units_table(units: pd.DataFrame, names: dict[int, str], t: Translator) -> None:
    """Every unit with its zone and area, its population and density when any unit has
    one (core.zones decides), and the CSV behind it."""
    st.subheader(t("zones.table_heading"))
    rows = list(in_table_order(units).itertuples())
    columns = {
        t("zones.col.unit"): [t.pick(u.name_vi, u.name_en) for u in rows],
        t("zones.col.type"): [t(f"zones.unit_type.{u.type}") for u in rows],
        t("zones.col.zone"): [names[int(u.zone)] for u in rows],
        t("zones.col.area"): [t.number(u.area_km2, decimals_needed(u.area_km2)) for u in rows],
    }
    coverage = population_coverage(units)
    if coverage != "none":
        columns[t("zones.col.population")] = [
            t.number(None if pd.isna(u.population) else u.population) for u in rows
        ]
        columns[t("zones.col.density")] = [t.number(u.density) for u in rows]
    # Nine rows as plain HTML: it reads better on a projector and a phone than a data
    # grid, and st.table would load about 1 MB of Arrow code on a first visit.
    numbers = {t("zones.col.area"), t("zones.col.population"), t("zones.col.density")}
    st.html(html_table(columns, numbers))
    if coverage != "all":
        # The one place the page says why population is missing (map, card and table).
        st.caption(t(f"zones.population_{coverage}"))
    download_csv(
        t,
        without_empty_population(units)
        .drop(columns=["note"])
        .rename(columns={"density": "density_per_km2"}),
        "zones-units",
        key="download-zones-units",
    )
    source_footer(t, units["source"])


t = translator()
page_header(t, "zones")
zones, districts = require(t, "zones", "districts")
tables = load_map_tables(t)
zones = zones.set_index("id", drop=False)
names = {int(z): t.pick(zones.loc[z, "name_vi"], zones.loc[z, "name_en"]) for z in zones["id"]}
notices = state_from_link(list(names), t)
zone, layers, basemap = controls(names, t)
for notice in notices:
    st.info(notice, icon=":material/link_off:")
wards = load_ward_layers(t)
lookup = lookup_section(wards, t) is not None
ward = st.session_state.get(WARD_KEY) if lookup else None
write_link(zone, layers, ward, lookup)
map_section(tables, zones, districts, names, zone, layers, basemap, wards, ward, t)
drawn = located_section(tables, wards, layers, t)
unlocated_section(tables, districts, layers, drawn, t)
if ward is not None:
    ward_card(ward, wards, zones, districts, (tables.connectivity, tables.it_park), t)
units = with_density(districts)
if zone is None:
    st.info(t("zones.choose_hint"), icon=":material/touch_app:")
else:
    zone_card(zones, units, names, zone, t)
units_table(units, names, t)
if lookup:
    wards_table(wards.crosswalk, districts, zones, t)

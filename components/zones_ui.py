"""The zones page's lookup of the 2025 wards and communes (issue 16): the search, the
card, the table. Figures come from core/wards.py; this module arranges and formats.

The chosen unit lives in ``st.session_state[WARD_KEY]``: a link (``?ward=25760``) sets
it on the page's first run, a search that settles on one name, a result button or a
click on the map's units layer change it.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components.data_ui import try_geojson, try_table
from components.deck import WardLayers
from components.page_parts import download_csv, escape_markdown, link_value, source_footer
from components.quotes import blockquote
from core.i18n import Translator, decimals_needed, format_iso_date
from core.wards import (
    LOCATED_GEO,
    LOCATED_TABLE,
    UNITS_GEO,
    UNITS_TABLE,
    clear_match,
    feature,
    former_units,
    parse_ward,
    place_distances,
    place_names,
    plan_date,
    search_units,
    suggest_units,
    units,
    zone_shares,
)

WARD_KEY = "zones-ward"
QUERY_KEY = "zones-ward-query"
MAX_RESULTS = 8


def load_ward_layers(t: Translator) -> WardLayers:
    """The crosswalk, the outlines and the located areas; a damaged file is reported here
    and its part is None (a map file is not read when its CSV is damaged: one message)."""
    crosswalk = try_table(t, UNITS_TABLE)
    located = try_table(t, LOCATED_TABLE)
    return WardLayers(
        crosswalk,
        try_geojson(t, UNITS_GEO) if crosswalk is not None else None,
        located,
        try_geojson(t, LOCATED_GEO) if located is not None else None,
        try_table(t, "sources"),
    )


def plan_words(zone: pd.Series, t: Translator) -> None:
    """The plan's sentence on a zone (a zones.csv row), original and translation."""
    original, translation = st.columns(2)
    original.caption(t("zones.quote_label"))
    original.markdown(blockquote(zone["quote_vi"]))
    translation.caption(t("zones.translation_label"))
    translation.markdown(blockquote(zone["quote_en"]))


def ward_from_link(codes: list[int], t: Translator) -> None:
    """On the page's first run, the unit the link asks for; a notice when it is unusable."""
    if WARD_KEY in st.session_state:
        return
    code, rejected = parse_ward(st.query_params.get_all("ward"), codes)
    st.session_state[WARD_KEY] = code
    if rejected is not None:
        st.info(t("zones.ward.notice", value=link_value(rejected)), icon=":material/link_off:")


def choose(code: int | None) -> None:
    st.session_state[WARD_KEY] = code
    if code is None:
        st.session_state[QUERY_KEY] = ""


def on_query(table: pd.DataFrame) -> None:
    """A search that settles on one unit (its whole name, or the only match) chooses it."""
    code = clear_match(st.session_state.get(QUERY_KEY, ""), table)
    if code is not None:
        st.session_state[WARD_KEY] = code


def pick_buttons(codes: list[int], table: pd.DataFrame, label: str, t: Translator) -> None:
    names = table.set_index("code")
    chosen = st.session_state.get(WARD_KEY)
    with st.container(horizontal=True, key=f"ward-{label}"):
        for code in codes[:MAX_RESULTS]:
            st.button(
                t.pick(names.loc[code, "name_vi"], names.loc[code, "name_en"]),
                key=f"ward-{label}-{code}",
                on_click=choose,
                args=(code,),
                type="primary" if code == chosen else "secondary",
            )


def lookup_section(wards: WardLayers, t: Translator) -> pd.DataFrame | None:
    """The search box and its results; returns the 36 units, or None when disabled."""
    st.subheader(t("zones.ward.heading"))
    if wards.crosswalk is None:
        st.caption(t("zones.ward.disabled"))
        return None
    table = units(wards.crosswalk)
    ward_from_link(list(table["code"]), t)
    st.text_input(
        t("zones.ward.search_label"),
        key=QUERY_KEY,
        placeholder=t("zones.ward.search_placeholder"),
        help=t("zones.ward.search_help"),
        on_change=on_query,
        args=(table,),
        max_chars=60,
    )
    query = st.session_state.get(QUERY_KEY, "")
    found = search_units(query, table)
    if found:
        st.caption(t("zones.ward.results"))
        pick_buttons(found, table, "result", t)
    elif query.strip():
        st.info(t("zones.ward.no_match", query=link_value(query)), icon=":material/search_off:")
        closest = suggest_units(query, table)
        st.caption(t("zones.ward.closest") if closest else t("zones.ward.no_closest"))
        pick_buttons(closest, table, "closest", t)
    return table


def _former_lines(code: int, wards: WardLayers, districts: pd.DataFrame, zones, t) -> list[str]:
    by_code = districts.set_index("code")
    return [
        t(
            "zones.ward.former_item",
            name=escape_markdown(
                t.pick(
                    by_code.loc[part.former_code, "name_vi"],
                    by_code.loc[part.former_code, "name_en"],
                )
            ),
            type=t(f"zones.unit_type.{by_code.loc[part.former_code, 'type']}"),
            share=t.number(part.share_pct, 1),
            zone=t.pick(zones.loc[part.zone, "name_vi"], zones.loc[part.zone, "name_en"]),
        )
        for part in former_units(code, wards.crosswalk)
    ]


def _distance_lines(code: int, wards: WardLayers, connectivity, it_park, t) -> list[str]:
    shape = feature(wards.units_geo or {}, "code", code)
    if shape is None:
        return []
    names = place_names(connectivity, it_park)
    areas = wards.located.set_index("place_id") if wards.located is not None else None
    lines = []
    for item in place_distances(shape["geometry"], connectivity, wards.located, wards.located_geo):
        if item.place_id not in names:
            continue
        place = escape_markdown(t.pick(*names[item.place_id]))
        if not item.to_edge:
            lines.append(t("zones.ward.distance_point", place=place, km=t.number(item.km)))
            continue
        area = escape_markdown(t.pick(*areas.loc[item.place_id, ["area_name_vi", "area_name_en"]]))
        key = "zones.ward.distance_edge" if item.km > 0 else "zones.ward.distance_inside"
        lines.append(t(key, place=place, km=t.number(item.km), area=area))
    return lines


def ward_card(
    code: int,
    wards: WardLayers,
    zones: pd.DataFrame,
    districts: pd.DataFrame,
    places: tuple[pd.DataFrame | None, pd.DataFrame | None],
    t: Translator,
) -> None:
    """The chosen unit: name, type, area, former unit(s), zone(s) with the plan's words,
    distances to the places the plan names, and what the figures rest on."""
    rows = wards.crosswalk[wards.crosswalk["code"] == code]
    row = rows.iloc[0]
    with st.container(border=True, key="ward-card"):
        st.subheader(t.pick(row["name_vi"], row["name_en"]))
        kind = t(f"zones.unit_type.{row['type']}")
        area = t.number(row["area_km2"], decimals_needed(row["area_km2"]))
        st.markdown(t("zones.ward.card_type", type=kind[:1].upper() + kind[1:], area=area))
        former = _former_lines(code, wards, districts, zones, t)
        st.markdown(t("zones.ward.former_heading") + "\n" + "\n".join(f"- {x}" for x in former))
        st.markdown(f"**{t('zones.ward.zones_heading')}**")
        for zone, share in zone_shares(code, wards.crosswalk).items():
            role = t.pick(zones.loc[zone, "role_vi"], zones.loc[zone, "role_en"])
            name = t.pick(zones.loc[zone, "name_vi"], zones.loc[zone, "name_en"])
            heading = t("zones.ward.zone_heading", zone=name, share=t.number(share, 1), role=role)
            st.markdown(f"*{escape_markdown(heading)}*")
            plan_words(zones.loc[zone], t)
        distances = _distance_lines(code, wards, *places, t)
        if distances:
            lines = "\n".join(f"- {x}" for x in distances)
            st.markdown(t("zones.ward.distances_heading") + "\n" + lines)
        dated = (
            format_iso_date(plan_date(wards.sources), t.lang) if wards.sources is not None else "—"
        )
        st.caption(t("zones.ward.predates", plan_date=dated))
        st.button(t("zones.ward.clear"), key="ward-clear", on_click=choose, args=(None,))
        cells = [*rows["source"], *zones.loc[list(zone_shares(code, wards.crosswalk)), "source"]]
        cells += [] if wards.located is None else list(wards.located["source"])
        cells += [] if places[0] is None else list(places[0]["source"])
        source_footer(t, [*cells, "qd_790_2024"])


def crosswalk_table(
    crosswalk: pd.DataFrame, districts: pd.DataFrame, zones, t: Translator
) -> pd.DataFrame:
    """The crosswalk in the reader's words: one row per new unit and former unit."""
    by_code = districts.set_index("code")
    rows = list(crosswalk.sort_values(["code", "share_pct"], ascending=[True, False]).itertuples())
    return pd.DataFrame(
        {
            t("zones.ward.col.unit"): [t.pick(r.name_vi, r.name_en) for r in rows],
            t("zones.ward.col.type"): [t(f"zones.unit_type.{r.type}") for r in rows],
            t("zones.ward.col.area"): [t.number(r.area_km2, 2) for r in rows],
            t("zones.ward.col.former"): [
                t.pick(by_code.loc[r.former_code, "name_vi"], by_code.loc[r.former_code, "name_en"])
                for r in rows
            ],
            t("zones.ward.col.share"): [t.number(r.share_pct, 1) for r in rows],
            t("zones.ward.col.zone"): [
                t.pick(zones.loc[r.zone, "name_vi"], zones.loc[r.zone, "name_en"]) for r in rows
            ],
        }
    )


def wards_table(crosswalk: pd.DataFrame, districts: pd.DataFrame, zones, t: Translator) -> None:
    """Every new unit with the former unit(s) it lies in, and the CSV behind it. The table
    is a data grid (six columns of about 50 rows do not fit a phone as a plain table) drawn
    only while its expander is open: the page's first view loads no data-grid code."""
    st.subheader(t("zones.ward.table_heading"))
    box = st.expander(
        t("a11y.table.show"), icon=":material/table:", key="zones-wards-table", on_change="rerun"
    )
    if box.open:
        with box:
            st.dataframe(
                crosswalk_table(crosswalk, districts, zones, t), hide_index=True, width="stretch"
            )
    download_csv(t, crosswalk, "units-2025", key="download-units-2025")
    source_footer(t, crosswalk["source"])

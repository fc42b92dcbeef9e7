"""Khu CNTT tập trung / IT park: what and where, the road to the decision, and the figures."""

import math
from itertools import groupby

import pandas as pd
import pydeck as pdk
import streamlit as st

from components.cards import download_csv, escape_markdown, page_header, source_footer
from components.context import translator
from components.data_ui import require, try_geojson, try_table
from components.metrics import indicator_cards
from components.timeline import timeline_chart, timeline_frame
from core.facts import Facts
from core.i18n import decimals_needed, format_iso_date

MAP_WIDTH_GUESS, MAP_HEIGHT = 360, 440  # half the content width on a 1280-pixel screen
FONT = "'Liberation Sans, Arial, DejaVu Sans, sans-serif'"  # quoted: see location_map
HOST_DISTRICT = 718  # Thủ Dầu Một, which holds Hòa Phú ward
FAINT_FILL, FAINT_LINE = [160, 160, 160, 35], [110, 110, 110, 200]
HOST_FILL, HOST_LINE = [213, 94, 0, 110], [213, 94, 0, 255]


def blockquote(text: str) -> str:
    return "\n".join(f"> {escape_markdown(line)}  " for line in str(text).split("\n"))


def rings_of(geometry: dict) -> list:
    """The outer rings of a Polygon or MultiPolygon."""
    return ([geometry["coordinates"][0]] if geometry["type"] == "Polygon"
            else [polygon[0] for polygon in geometry["coordinates"]])


def label_point(geometry: dict) -> list[float]:
    """The middle of the largest ring's bounding box: enough to place a name on a small map."""
    ring = max(rings_of(geometry), key=len)
    xs, ys = [p[0] for p in ring], [p[1] for p in ring]
    return [(min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2]


def fitted_view(features: list, width: int, height: int) -> pdk.ViewState:
    """A fixed view showing every feature in a ``width`` × ``height`` pixel map, with margin."""
    points = [point for feature in features for ring in rings_of(feature["geometry"])
              for point in ring]
    west, east = min(p[0] for p in points), max(p[0] for p in points)
    south, north = min(p[1] for p in points), max(p[1] for p in points)

    def mercator(lat: float) -> float:
        return math.degrees(math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)))

    zoom = min(math.log2(width * 360 / (512 * (east - west))),
               math.log2(height * 360 / (512 * (mercator(north) - mercator(south)))))
    return pdk.ViewState(longitude=(west + east) / 2, latitude=(south + north) / 2,
                         zoom=round(zoom - 0.2, 2))


def location_map(districts: dict, site: tuple[float, float] | None) -> pdk.Deck:
    """District outlines only (no basemap: it must work offline), the host city or site marked."""
    features, labels = [], []
    for feature in districts["features"]:
        props = feature["properties"]
        host = props.get("code") == HOST_DISTRICT and site is None
        name = t.pick(props.get("name_vi", ""), props.get("name_en", ""))
        features.append({**feature, "properties": {
            **props, "fill": HOST_FILL if host else FAINT_FILL,
            "line": HOST_LINE if host else FAINT_LINE, "width": 3 if host else 1}})
        labels.append({"name": name, "position": label_point(feature["geometry"]),
                       "size": 19 if host else 15,
                       "colour": [150, 60, 0, 255] if host else [70, 70, 70, 255]})
    layers = [
        pdk.Layer("GeoJsonLayer", {"type": "FeatureCollection", "features": features},
                  id="districts", stroked=True, filled=True, get_fill_color="properties.fill",
                  get_line_color="properties.line", get_line_width="properties.width",
                  line_width_units="'pixels'"),
        pdk.Layer("TextLayer", labels, id="names", get_position="position", get_text="name",
                  get_size="size", get_color="colour",
                  # Quoted: pydeck would otherwise send these strings as accessor expressions.
                  character_set="'auto'", font_family=FONT, font_weight=600,
                  outline_width=2, outline_color=[255, 255, 255, 255], font_settings={"sdf": True}),
    ]
    if site is not None:
        layers.append(pdk.Layer("ScatterplotLayer", [{"position": list(site)}], id="site",
                                get_position="position", get_radius=9, radius_units="'pixels'",
                                get_fill_color=[213, 0, 0, 255], stroked=True,
                                get_line_color=[255, 255, 255], line_width_min_pixels=2))
    view = fitted_view(districts["features"], MAP_WIDTH_GUESS, MAP_HEIGHT)
    # map_provider=None alone: pydeck then sends its "__MAP_STYLE__" sentinel, which
    # Streamlit drops. An explicit map_style=None would make Streamlit fetch a Carto basemap.
    return pdk.Deck(layers=layers, initial_view_state=view, map_provider=None)


t = translator()
page_header("it_park")
park, timeline, digital = require("it_park", "timeline", "digital_indicators")
facts = Facts(park, t)
value = facts.text


# What and where
st.subheader(t("it_park.what_heading"))
facts_column, map_column = st.columns([1, 1], gap="large")
with facts_column:
    if value("name"):
        st.markdown(f"#### {escape_markdown(value('name'))}")
    area = facts.number("area_ha")
    lines = []
    if area is not None:
        lines.append((t("it_park.area"), t("it_park.area_value",
                                           v=t.number(area, decimals_needed(area)))))
    for key in ("location", "complex", "legal_basis", "decision", "signed_by", "period"):
        if value(key):
            lines.append((t(f"it_park.{key}"), escape_markdown(value(key))))
    st.markdown("\n".join(f"- **{label}:** {text}" for label, text in lines))
    if value("decision"):
        st.caption(t("it_park.decision_note"))
    if value("fields"):
        st.markdown(f"**{t('it_park.fields')}**")
        fields = [field.strip() for field in value("fields").split(";") if field.strip()]
        st.markdown("\n".join(f"- {escape_markdown(field[0].upper() + field[1:])}"
                              for field in fields))
        st.caption(t("it_park.fields_note"))
with map_column:
    st.markdown(f"**{t('it_park.map_heading')}**")
    lon, lat = facts.number("lon"), facts.number("lat")
    site = (lon, lat) if lon is not None and lat is not None else None
    districts = try_geojson("districts_geo")
    if districts is not None:
        st.pydeck_chart(location_map(districts, site), key="it-park-map", height=MAP_HEIGHT,
                        alt=t("it_park.map_alt"))
    st.caption(t("it_park.map_site") if site else t("it_park.map_no_site"))
source_footer(list(park["source"]) + ["dvhcvn_gis"])

# From proposal to decision
st.subheader(t("it_park.timeline_heading"))
events = timeline_frame(timeline, t)
st.caption(t("it_park.timeline_help"))
st.altair_chart(timeline_chart(events, t), key="it-park-timeline", width="stretch",
                alt=t("it_park.timeline_alt"))
if events["approximate"].any():
    st.caption(t("it_park.timeline_approx_note"))
for event in events.itertuples():
    with st.container(border=True, key=f"event-{event.Index}"):
        st.markdown(f"**{escape_markdown(event.date_label)}** · {event.kind_label} — "
                    f"{escape_markdown(event.event)}")
        st.markdown(f"- **{t('it_park.actors')}:** {escape_markdown(event.actors)}\n"
                    f"- **{t('it_park.outcome')}:** {escape_markdown(event.outcome)}")
        source_footer([event.source])

# The province's reasons and the ministry's assessment, in the article's words
quotes = try_table("quotes")
page_quotes = quotes[quotes["page"] == "it_park"] if quotes is not None else pd.DataFrame()
if not page_quotes.empty:
    st.subheader(t("it_park.quotes_heading"))
    st.caption(t("it_park.quotes_intro"))
    # Consecutive sentences of one speaker share a card.
    for number, (speaker, group) in enumerate(groupby(
            page_quotes.itertuples(), key=lambda row: (row.speaker_vi, row.speaker_en))):
        with st.container(border=True, key=f"quotes-{number}"):
            st.markdown(f"**{escape_markdown(t.pick(*speaker))}**")
            for index, quote in enumerate(group):
                original, translation = st.columns(2, gap="large")
                if index == 0:
                    original.caption(t("it_park.quote_original"))
                    translation.caption(t("it_park.quote_translation"))
                original.markdown(blockquote(quote.quote_vi))
                translation.markdown(blockquote(quote.quote_en))
    source_footer(page_quotes["source"])

# Digital transformation figures
st.subheader(t("it_park.digital_heading"))
indicator_cards(digital, t)
dates = ", ".join(format_iso_date(iso, t.lang) for iso in sorted(set(digital["as_of"])))
st.caption(t("it_park.as_of", date=dates))
source_footer(digital["source"])

st.subheader(t("it_park.downloads_heading"))
downloads = [("download_facts", park, "it_park"), ("download_timeline", timeline, "timeline"),
             ("download_digital", digital, "digital_indicators")]
if not page_quotes.empty:
    downloads.append(("download_quotes", page_quotes, "quotes_it_park"))
for column, (label_key, frame, stem) in zip(st.columns(len(downloads)), downloads,
                                            strict=True):
    with column:
        st.caption(t(f"it_park.{label_key}"))
        download_csv(frame, stem, key=f"download-{stem}")

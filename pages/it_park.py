"""Khu CNTT tập trung / IT park: what and where, the road to the decision, the article's
words, and the digital figures, each in a lazy tab (only the open one runs and is sent)."""

from itertools import groupby

import pandas as pd
import streamlit as st

from components.context import translator
from components.data_ui import require, try_geojson, try_table
from components.deck import it_park_position
from components.light_maps import location_light_map, show_map
from components.metrics import indicator_cards
from components.navigation import link_to, page_of
from components.page_parts import (
    download_csv,
    escape_markdown,
    page_header,
    source_footer,
    source_reference,
)
from components.quotes import quotation
from components.tabs import lazy_tabs
from components.timeline import timeline_frame, timeline_html
from core import chart_text
from core.data import data_dir
from core.facts import Facts
from core.i18n import Translator, format_iso_date
from core.sources import source_ids
from core.tracker import commitments_as_events
from core.wards import feature

VIEWS = page_of("it_park").views
PLACE_ID = "it_park"  # its located-within area in data/geo/located_areas.geojson


def facts_markdown(facts: Facts, t: Translator) -> str:
    """The park's name, facts and fields with their notes in small type, as one element
    (it was six: the browser's cost is per element, issue 19)."""
    value = facts.text
    parts = [f"#### {escape_markdown(value('name'))}"] if value("name") else []
    area = facts.area_text()
    lines = [(t("it_park.area"), area)] if area else []
    for key in ("location", "complex", "legal_basis", "decision", "signed_by", "period"):
        if value(key):
            lines.append((t(f"it_park.{key}"), escape_markdown(value(key))))
    parts.append("\n".join(f"- **{label}:** {text}" for label, text in lines))
    if value("decision"):
        parts.append(f":small[{t('it_park.decision_note')}]")
    fields = [field.strip() for field in (value("fields") or "").split(";") if field.strip()]
    if fields:
        parts.append(f"**{t('it_park.fields')}**")
        parts.append(
            "\n".join(f"- {escape_markdown(field[0].upper() + field[1:])}" for field in fields)
        )
        parts.append(f":small[{t('it_park.fields_note')}]")
    return "\n\n".join(parts)


def site_tab(park: pd.DataFrame, t: Translator) -> None:
    facts = Facts(park, t)
    value = facts.text
    st.subheader(t("it_park.what_heading"))
    facts_column, map_column = st.columns([1, 1], gap="large")
    with facts_column:
        st.markdown(facts_markdown(facts, t))
    with map_column:
        st.markdown(f"**{t('it_park.map_heading')}**")
        site = it_park_position(park)
        districts = try_geojson(t, "districts_geo")
        if districts is not None:
            located = try_geojson(t, "located_geo")
            area = feature(located, "place_id", PLACE_ID) if located else None
            description = chart_text.location_map(t, value("location"))
            show_map(
                location_light_map(districts, area, str(data_dir()), t, site, description),
                key="it-park-map",
            )
        st.caption(t("it_park.map_site") if site else t("it_park.map_no_site"))
    source_footer(t, [*list(park["source"]), "dvhcvn_gis", "vnpdb_wards_2025"])
    download_csv(t, park, "it_park", key="download-it_park")


def timeline_tab(timeline: pd.DataFrame, t: Translator) -> None:
    st.subheader(t("it_park.timeline_heading"))
    commitments = try_table(t, "commitments")
    dated = timeline
    if commitments is not None:
        dated = pd.concat([timeline, commitments_as_events(commitments)], ignore_index=True)
    events = timeline_frame(dated, t)
    notes = [t("it_park.timeline_help")]
    if events["approximate"].any():
        notes.append(t("it_park.timeline_approx_note"))
    description = chart_text.timeline_events(t, list(events["date_label"]), events["kind_label"])
    show_map(timeline_html(events, t, description), key="it-park-timeline")
    if commitments is not None:
        notes.append(t("it_park.timeline_commitments_note"))
    st.caption("  \n".join(notes))
    if commitments is not None:
        link_to("tracker", t)
    st.markdown(events_list(events, t))
    download_csv(t, timeline, "timeline", key="download-timeline")


def events_list(events: pd.DataFrame, t: Translator) -> str:
    """Every event in words, in date order, as one Markdown list: one element, not four
    per event (the browser's cost is per element, issue 19)."""
    sources = try_table(t, "sources")
    by_id = sources.set_index("id") if sources is not None else pd.DataFrame()
    items = []
    for event in events.itertuples():
        cited = "; ".join(
            source_reference(by_id.loc[source_id], t.lang)
            for source_id in source_ids([event.source])
            if source_id in by_id.index
        )
        lines = [
            f"1. **{escape_markdown(event.date_label)}** · {event.kind_label} — "
            f"{escape_markdown(event.event)}",
            f"    - **{t('it_park.actors')}:** {escape_markdown(event.actors)}",
            f"    - **{t('it_park.outcome')}:** {escape_markdown(event.outcome)}",
        ]
        if cited:
            lines.append(f"    - {t('common.sources_label')} {cited}")
        items.append("\n".join(lines))
    return "\n".join(items)


def quotes_tab(t: Translator) -> None:
    quotes = try_table(t, "quotes")
    page_quotes = quotes[quotes["page"] == "it_park"] if quotes is not None else pd.DataFrame()
    if not page_quotes.empty:
        st.subheader(t("it_park.quotes_heading"))
        st.caption(t("it_park.quotes_intro"))
        # Consecutive sentences of one speaker share a card; the reader's language shows,
        # the other is a click away, as on the tasks page (issue 18).
        labels = (t("it_park.quote_original"), t("it_park.quote_translation"))
        for number, (speaker, group) in enumerate(
            groupby(page_quotes.itertuples(), key=lambda row: (row.speaker_vi, row.speaker_en))
        ):
            rows = list(group)
            with st.container(border=True, key=f"quotes-{number}"):
                quotation(
                    f"**{escape_markdown(t.pick(*speaker))}**",
                    [row.quote_vi for row in rows],
                    [row.quote_en for row in rows],
                    labels,
                    t,
                )
        source_footer(t, page_quotes["source"])
        download_csv(t, page_quotes, "quotes_it_park", key="download-quotes_it_park")


def digital_tab(digital: pd.DataFrame, t: Translator) -> None:
    st.subheader(t("it_park.digital_heading"))
    indicator_cards(digital, t)
    dates = ", ".join(format_iso_date(iso, t.lang) for iso in sorted(set(digital["as_of"])))
    st.caption(t("it_park.as_of", date=dates))
    source_footer(t, digital["source"])
    download_csv(t, digital, "digital_indicators", key="download-digital_indicators")


t = translator()
page_header(t, "it_park")
park, timeline, digital = require(t, "it_park", "timeline", "digital_indicators")
tabs = lazy_tabs("it_park", VIEWS, t)
if tabs["site"].open:
    with tabs["site"]:
        site_tab(park, t)
if tabs["timeline"].open:
    with tabs["timeline"]:
        timeline_tab(timeline, t)
if tabs["quotes"].open:
    with tabs["quotes"]:
        quotes_tab(t)
if tabs["digital"].open:
    with tabs["digital"]:
        digital_tab(digital, t)

"""The presentation's screens, and the PDF brief built from the same pieces.

Each screen is compact on purpose: a heading, three or four big figures or one chart
or map, and one line of sources, so it fits a 1280 × 720 projector without scrolling.
The PDF brief is built by ``components.brief_maker`` (no Streamlit); here is its
download button, which caches it per language, scenario and simulation (seed, draws and
vintage of the link, so the PDF shows the page's probabilities).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pandas as pd
import streamlit as st

from components import brief_maker, economy_charts, likelihood_ui, tracker_view
from components.chart_view import show_chart
from components.data_ui import require, try_geojson
from components.deck import build_deck, geometry, layer_specs, legend_html
from components.metrics import average_card, first_year_value, per_capita_card, show_card
from components.page_parts import escape_markdown, source_footer
from components.vega_theme import larger, sized
from core import brief, chart_text
from core.data import data_dir
from core.economy import HEADLINE_TARGETS, SLIDE_TARGETS, latest_notes
from core.facts import Facts
from core.i18n import Translator, format_iso_date
from core.likelihood_link import to_link_query
from core.likelihood_text import estimate_note
from core.merger import merger
from core.model import Baseline, Scenario, ScenarioResult, plan_defaults
from core.narrative import glossary_lines, growth_phrase, scenario_line
from core.scenario import to_query
from core.targets import target_figure

SLIDES = ("overview", "targets", "scenario", "likely", "tracker", "tasks", "zones", "it_park")
# The server cannot know the screen's size: the scenario chart fills a box whose height
# the presentation's CSS sets in vh; the map, whose view is fixed in advance, is drawn
# for a 1280 × 720 and a 1920 × 1080 screen and the CSS shows the one that fits.
CHART_HEIGHT = 470  # the plot's height before the CSS box stretches it
MAPS = {  # CSS class suffix: (width guess, height, units' label px ≥ 20 + 2)
    "small": (700, 450, 22),
    "large": (1060, 730, 30),
}


# ---- the PDF brief -------------------------------------------------------------------


@st.cache_data(show_spinner=False, max_entries=32)
def cached_brief(
    lang: str, query: tuple[tuple[str, str], ...], folder: str, public_url: str | None
) -> bytes:
    return brief_maker.make_brief(lang, dict(query), Path(folder), public_url)


def brief_button(scenario: Scenario, t: Translator, key: str) -> None:
    """Download the brief; it is built on the click (then cached), not on every run."""
    simulation_keys = to_link_query(replace(likelihood_ui.link_state(), saved=()))
    query = tuple({**to_query(scenario), **simulation_keys}.items())
    public = brief.public_url(os.environ.get(brief.PUBLIC_URL_ENV))
    folder = str(data_dir())
    st.download_button(
        t("present.brief_download"),
        data=lambda: cached_brief(t.lang, query, folder, public),
        file_name=f"{t('present.brief.file_stem')}.pdf",
        mime="application/pdf",
        on_click="ignore",
        key=key,
        icon=":material/picture_as_pdf:",
        help=t("present.brief_help"),
    )


# ---- the screens -----------------------------------------------------------------------


def _heading(text: str) -> None:
    st.header(text, anchor=False)


def _figure(column, label: str, value: str, note: str | None = None) -> None:
    with column.container(border=True, height="stretch"):
        st.metric(label, value)
        if note:
            st.caption(note)


def overview(t: Translator, **_) -> None:
    sources, targets, goals, commitments = require(
        t, "sources", "plan_targets", "plan_goals", "commitments"
    )
    target = targets.set_index("id")
    merged = merger(commitments)
    decision = sources.set_index("id").loc["qd_790_2024"]
    _heading(t("present.overview.heading"))
    st.markdown(
        t(
            "present.overview.decision",
            number=decision["document_number"],
            date=format_iso_date(decision["date"], t.lang),
        )
    )
    cards = HEADLINE_TARGETS
    for column, target_id in zip(st.columns(len(cards)), cards, strict=True):
        _figure(column, t(f"overview.card.{target_id}"), target_figure(target.loc[target_id], t))
    city = goals.set_index("id").loc["city_status_2030"]
    st.markdown(
        f"**{t('overview.status_label')}:** "
        + escape_markdown(t.pick(city["text_vi"], city["text_en"]))
    )
    # Not an alert box: a slide shows notices only when something is wrong.
    st.markdown(f":material/merge: **{escape_markdown(merged.line(t))}**")
    source_footer(t, ["qd_790_2024", *target.loc[list(cards), "source"], *merged.sources])


def targets(t: Translator, baseline: Baseline, outturn: pd.DataFrame, **_) -> None:
    (plan,) = require(t, "plan_targets")
    target = plan.set_index("id")
    _heading(t("present.targets.heading"))
    ids = [target_id for _, target_id in SLIDE_TARGETS]
    notes = latest_notes(ids, outturn, plan, baseline, t)
    columns = st.columns(2)
    for index, (label, target_id) in enumerate(SLIDE_TARGETS):
        _figure(
            columns[index % 2],
            t(f"present.targets.{label}"),
            target_figure(target.loc[target_id], t),
            notes[target_id],
        )
    source_footer(t, [*target.loc[ids, "source"], *outturn["source"]])


def scenario(
    t: Translator, baseline: Baseline, outturn: pd.DataFrame, result: ScenarioResult, **_
) -> None:
    summary = result.summary
    _heading(t("present.scenario.heading", growth=growth_phrase(result.scenario, baseline, t)))
    # Wide enough for the gap to the target on one line in either language.
    figures, chart = st.columns([5, 8], gap="medium")
    with figures.container(key="present-figures"):
        show_card(per_capita_card(summary, t), border=True)
        show_card(average_card(summary, t), border=True)
        st.metric(t("economy.metric.first_year"), first_year_value(summary, t), border=True)
    _, per_capita = economy_charts.scenario_specs(outturn, baseline, result, t)
    with chart:
        # A wide slide has room at the right; below, the legend would squeeze the plot.
        # No table under it: the slide must fit the screen, and the cards beside say it.
        spec = larger(sized(per_capita, CHART_HEIGHT, legend="right"))
        # The legend's "ước tính" and "số liệu tính toán", explained where they appear.
        spec["title"] = {"text": spec["title"], "subtitle": glossary_lines(t)}
        show_chart(
            spec,
            chart_text.scenario_per_capita(t, result),
            None,
            t,
            key="present-chart",
            height="stretch",
        )
    st.caption(
        t("present.scenario.params", line=scenario_line(result.scenario, t))
        + "  \n"
        + estimate_note(plan_defaults(baseline), t)
    )


def tasks(t: Translator, **_) -> None:
    (key_tasks,) = require(t, "key_tasks")
    _heading(t("present.tasks.heading"))
    if (key_tasks["reading"] == "editorial").any():
        # The same caveat as the tasks page: the five-task split is the editors' reading.
        st.caption(t("tasks.editorial_note"))
    for row in key_tasks.itertuples():
        with st.container(border=True, key=f"present-task-{row.id}"):
            st.markdown(f"**{row.id}.** " + escape_markdown(t.pick(row.title_vi, row.title_en)))
    source_footer(t, key_tasks["source"])


def zones_map(
    zone_table: pd.DataFrame,
    districts: pd.DataFrame,
    districts_geo: dict,
    region_geo: dict | None,
    t: Translator,
    width: int,
    height: int,
    label_px: int,
) -> None:
    """The zones map fitted to a screen size, its labels projector-sized."""
    folder = str(data_dir())
    geo = geometry(
        districts_geo,
        region_geo,
        folder=folder,
        points=(),
        width=width,
        height=height,
        label_px=label_px,
    )
    specs = layer_specs(
        districts_geo,
        region_geo,
        zone_table,
        districts,
        None,
        None,
        geo,
        folder=folder,
        t=t,
        zone=None,
        layers=(),
        label_px=label_px,
    )
    st.pydeck_chart(
        build_deck(specs, geo, 0, basemap=False),
        height=height,
        key=f"present-map-{width}",
        alt=t("zones.map_alt"),
    )


def zones(t: Translator, **_) -> None:
    zone_table, districts = require(t, "zones", "districts")
    districts_geo = try_geojson(t, "districts_geo")
    region_geo = try_geojson(t, "region_geo")
    _heading(t("present.zones.heading"))
    left, right = st.columns([3, 2], gap="medium")
    if districts_geo is not None:
        for size, (width, height, label_px) in MAPS.items():
            with left.container(key=f"present-map-{size}"):
                zones_map(
                    zone_table, districts, districts_geo, region_geo, t, width, height, label_px
                )
    with right:
        st.html(
            legend_html(
                [
                    (row.color, t.pick(row.name_vi, row.name_en), t.pick(row.role_vi, row.role_en))
                    for row in zone_table.sort_values("id").itertuples()
                ]
            )
        )
    source_footer(t, [*zone_table["source"], "dvhcvn_gis"])


def it_park(t: Translator, **_) -> None:
    (park,) = require(t, "it_park")
    facts = Facts(park, t)
    value = facts.text

    name = value("name")
    _heading(escape_markdown(name) if name else t("present.it_park.heading"))
    if value("location"):
        st.markdown(escape_markdown(value("location")))
    area = facts.area_text()
    figures = [(t("present.it_park.area"), area)] if area else []
    decision = value("decision")
    if decision:
        number = re.search(r"\d+/\S+", decision)
        figures.append((t("present.it_park.decision"), number.group() if number else decision))
    if value("period"):
        figures.append((t("present.it_park.period"), value("period")))
    if figures:
        for column, (label, shown) in zip(st.columns(len(figures)), figures, strict=True):
            _figure(column, label, escape_markdown(shown))
    if value("fields"):
        st.markdown(f"**{t('present.it_park.fields')}:** " + escape_markdown(value("fields")))
    source_footer(t, facts.sources(("name", "area_ha", "decision", "period")))


SCREENS: dict[str, Callable[..., None]] = {
    "overview": overview,
    "targets": targets,
    "scenario": scenario,
    "likely": likelihood_ui.slide,
    "tracker": tracker_view.slide,
    "tasks": tasks,
    "zones": zones,
    "it_park": it_park,
}


def show(
    step: int, t: Translator, baseline: Baseline, outturn: pd.DataFrame, chosen: ScenarioResult
) -> None:
    """Draw screen ``step`` (1-based) of the presentation."""
    with st.container(key=f"present-slide-{step}"):
        SCREENS[SLIDES[step - 1]](t, baseline=baseline, outturn=outturn, result=chosen)

"""The presentation's screens, and the PDF brief built from the same pieces.

Each screen is compact on purpose: a heading, three or four big figures or one chart
or map, and one line of sources, so it fits a 1280 × 720 projector without scrolling.
The brief (``make_brief``) calls no Streamlit: the same function serves the download
buttons (cached per scenario and language) and the unit tests.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping
from pathlib import Path

import pandas as pd
import streamlit as st

from components import charts
from components.cards import escape_markdown, source_footer, source_ids
from components.data_ui import require, try_geojson
from components.deck import build_deck, geometry, layer_specs, legend_html
from core import brief
from core.data import data_dir, load_geojson, load_table
from core.facts import Facts
from core.i18n import Translator, format_iso_date
from core.model import (
    BASE_YEAR,
    Baseline,
    Scenario,
    summarize,
)
from core.narrative import growth_phrase, percent
from core.scenario import parse, to_query
from core.targets import target_figure

SLIDES = ("overview", "targets", "scenario", "tasks", "zones", "it_park")
CHART_HEIGHT = 330
MAP_HEIGHT = 410
MAP_WIDTH_GUESS = 640
SLIDE_FONT = 20  # chart text on a projector


# ---- the PDF brief -------------------------------------------------------------------


def _source_line(row: pd.Series) -> str:
    date = row["date"] if isinstance(row["date"], str) else ""
    return f"{row['title']} ({row['publisher']}{', ' + date if date else ''})"


def make_brief(
    lang: str, query: Mapping[str, str], folder: Path, public_url: str | None = None
) -> bytes:
    """The one-page PDF of the scenario the query describes (parsed as a link would be)."""
    t = Translator(lang)
    outturn = load_table("economy_outturn", folder)
    targets = load_table("plan_targets", folder).set_index("id")
    sources = load_table("sources", folder).set_index("id")
    zones = load_table("zones", folder)
    districts = load_table("districts", folder)
    districts_geo = load_geojson("districts_geo", folder)
    baseline = Baseline.from_outturn(outturn)
    scenario, _ = parse(dict(query), baseline)

    index, per_capita = charts.scenario_specs(outturn, baseline, scenario, t)
    index_png = charts.print_png(index, 340, 210)
    per_capita_png = charts.print_png(per_capita, 340, 210)
    map_png = charts.print_png(
        charts.zone_map_spec(districts_geo, districts, zones, t), 460, legend=None
    )
    entries = [
        brief.ZoneEntry(
            row.color, t.pick(row.name_vi, row.name_en), t.pick(row.role_vi, row.role_en)
        )
        for row in zones.sort_values("id").itertuples()
    ]
    cells = [
        "qd_790_2024",
        *targets.loc[["growth_2021_2030", "grdp_per_capita_usd"], "source"],
        *outturn["source"],
        *zones["source"],
        *districts["source"],
        "dvhcvn_gis",
    ]
    lines = [_source_line(sources.loc[i]) for i in source_ids(cells) if i in sources.index]
    decision = sources.loc["qd_790_2024"]
    return brief.build_pdf(
        t=t,
        baseline=baseline,
        scenario=scenario,
        decision=(decision["document_number"], decision["date"]),
        index_png=index_png,
        per_capita_png=per_capita_png,
        map_png=map_png,
        zones=entries,
        sources=lines,
        link=brief.scenario_link(public_url, scenario, lang),
    )


@st.cache_data(show_spinner=False, max_entries=32)
def cached_brief(
    lang: str, query: tuple[tuple[str, str], ...], folder: str, public_url: str | None
) -> bytes:
    return make_brief(lang, dict(query), Path(folder), public_url)


def brief_button(scenario: Scenario, t: Translator, key: str) -> None:
    """Download the brief; it is built on the click (then cached), not on every run."""
    query = tuple(to_query(scenario).items())
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
    sources, targets, goals = require("sources", "plan_targets", "plan_goals")
    target = targets.set_index("id")
    decision = sources.set_index("id").loc["qd_790_2024"]
    _heading(t("present.overview.heading"))
    st.markdown(
        t(
            "present.overview.decision",
            number=decision["document_number"],
            date=format_iso_date(decision["date"], t.lang),
        )
    )
    cards = ("growth_2021_2030", "grdp_per_capita_usd", "population_total")
    for column, target_id in zip(st.columns(len(cards)), cards, strict=True):
        _figure(column, t(f"overview.card.{target_id}"), target_figure(target.loc[target_id], t))
    city = goals.set_index("id").loc["city_status_2030"]
    st.markdown(
        f"**{t('overview.status_label')}:** "
        + escape_markdown(t.pick(city["text_vi"], city["text_en"]))
    )
    source_footer(["qd_790_2024", *target.loc[list(cards), "source"]])


def targets(t: Translator, baseline: Baseline, outturn: pd.DataFrame, **_) -> None:
    (plan,) = require("plan_targets")
    target = plan.set_index("id")
    last = baseline.last_year
    _heading(t("present.targets.heading"))
    average = ((baseline.real_index_last / 100) ** (1 / (last - BASE_YEAR)) - 1) * 100
    usd = outturn.dropna(subset=["grdp_per_capita_usd"]).iloc[-1]
    shares = outturn.dropna(subset=["share_industry_construction_pct"])

    def latest(value: float, unit: str, decimals: int, year: object) -> str:
        shown = t(f"economy.unit.{unit}", v=t.number(value, decimals))
        return t("present.targets.latest", value=shown, year=year)

    rows = [
        (
            "growth",
            "growth_2021_2030",
            latest(average, "pct_year_short", 1, f"{BASE_YEAR + 1}–{last}"),
        ),
        (
            "per_capita",
            "grdp_per_capita_usd",
            latest(float(usd["grdp_per_capita_usd"]), "usd", 0, int(usd["year"])),
        ),
        (
            "industry",
            "share_industry_construction",
            latest(
                float(shares.iloc[-1]["share_industry_construction_pct"]),
                "pct",
                1,
                int(shares.iloc[-1]["year"]),
            )
            if len(shares)
            else t("present.targets.no_outturn"),
        ),
        ("digital", "digital_economy_share", t("present.targets.no_outturn")),
    ]
    columns = st.columns(2)
    for index, (label, target_id, note) in enumerate(rows):
        _figure(
            columns[index % 2],
            t(f"present.targets.{label}"),
            target_figure(target.loc[target_id], t),
            note,
        )
    source_footer([*target.loc[[row[1] for row in rows], "source"], *outturn["source"]])


def scenario(
    t: Translator, baseline: Baseline, outturn: pd.DataFrame, scenario: Scenario, **_
) -> None:
    summary = summarize(baseline, scenario)
    _heading(t("present.scenario.heading", growth=growth_phrase(scenario, baseline, t)))
    gap = -summary.gap_to_target_usd
    year = summary.first_year_target_reached
    figures, chart = st.columns([1, 2], gap="medium")
    with figures:
        st.metric(
            t("economy.metric.per_capita"),
            t("economy.unit.usd", v=t.number(summary.per_capita_2030_usd)),
            delta=t("economy.metric.gap", v=("+" if gap >= 0 else "−") + t.number(abs(gap))),
            delta_color="normal" if gap >= 0 else "inverse",
            delta_arrow="up" if gap >= 0 else "down",
            border=True,
        )
        st.metric(
            t("economy.metric.average"),
            t("economy.unit.pct_year_short", v=percent(summary.avg_growth_2021_2030_pct, t)),
            border=True,
        )
        st.metric(
            t("economy.metric.first_year"),
            t("economy.metric.not_by", year=2050) if year is None else str(year),
            border=True,
        )
    _, per_capita = charts.scenario_specs(outturn, baseline, scenario, t)
    with chart.container(key="present-chart"):
        # A wide slide has room at the right; below, the legend would squeeze the plot.
        st.vega_lite_chart(
            larger(charts.sized(per_capita, CHART_HEIGHT, legend="right")), width="stretch"
        )
    st.caption(t("present.scenario.params", line=brief.scenario_line(scenario, t)))


def larger(spec: dict, size: int = SLIDE_FONT) -> dict:
    """The same chart with projector-sized axis and legend text."""
    config = dict(spec.get("config", {}))
    for part in ("axis", "legend"):
        config[part] = {**config.get(part, {}), "labelFontSize": size, "titleFontSize": size}
    config["title"] = {**config.get("title", {}), "fontSize": size + 2}
    return {**spec, "config": config}


def tasks(t: Translator, **_) -> None:
    (key_tasks,) = require("key_tasks")
    _heading(t("present.tasks.heading"))
    for row in key_tasks.itertuples():
        with st.container(border=True, key=f"present-task-{row.id}"):
            st.markdown(f"**{row.id}.** " + escape_markdown(t.pick(row.title_vi, row.title_en)))
    source_footer(key_tasks["source"])


def zones(t: Translator, **_) -> None:
    zone_table, districts = require("zones", "districts")
    districts_geo = try_geojson("districts_geo")
    region_geo = try_geojson("region_geo")
    _heading(t("present.zones.heading"))
    left, right = st.columns([3, 2], gap="medium")
    if districts_geo is not None:
        folder = str(data_dir())
        geo = geometry(
            districts_geo,
            region_geo,
            folder=folder,
            points=(),
            width=MAP_WIDTH_GUESS,
            height=MAP_HEIGHT,
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
        )
        with left:
            st.pydeck_chart(
                build_deck(specs, geo, 0, basemap=False),
                height=MAP_HEIGHT,
                key="present-map",
                alt=t("zones.map_alt"),
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
    source_footer([*zone_table["source"], "dvhcvn_gis"])


def it_park(t: Translator, **_) -> None:
    (park,) = require("it_park")
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
    source_footer(facts.sources(("name", "area_ha", "decision", "period")))


SCREENS: dict[str, Callable[..., None]] = {
    "overview": overview,
    "targets": targets,
    "scenario": scenario,
    "tasks": tasks,
    "zones": zones,
    "it_park": it_park,
}


def show(
    step: int, t: Translator, baseline: Baseline, outturn: pd.DataFrame, chosen: Scenario
) -> None:
    """Draw screen ``step`` (1-based) of the presentation."""
    with st.container(key=f"present-slide-{step}"):
        SCREENS[SLIDES[step - 1]](t, baseline=baseline, outturn=outturn, scenario=chosen)

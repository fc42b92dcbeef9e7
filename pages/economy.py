"""Mục tiêu kinh tế / Economic goals: the 2030 targets beside the outturn, the economy's
structure, and the what-if model, each in a tab of its own.

The tabs are lazy: only the open one runs and is sent, so a phone or an old laptop draws
one part of the page, not three. The open tab is in the URL (``?view=whatif``) so a
shared link opens where the sender was. The sliders and everything that depends on them
sit in one fragment, so moving a slider reruns only that part."""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from components import chart_export, economy_charts, likelihood_ui, scenario_ui, slides
from components.chart_view import reader_table, show_chart
from components.context import translator
from components.data_ui import require
from components.metrics import (
    Card,
    average_card,
    cards_html,
    first_year_value,
    per_capita_card,
)
from components.navigation import page_of
from components.page_parts import (
    download_csv,
    escape_markdown,
    export_context,
    page_header,
    send_now,
    source_footer,
)
from components.tabs import lazy_tabs
from components.vega_theme import with_data
from core import chart_text, exports
from core.economy import Progress, progress_rows, quality_mix, structure_rows, year_notes
from core.i18n import Translator
from core.model import (
    DEFAULT_GROWTH_2031_2050_PCT,
    TARGET_YEAR,
    Baseline,
    ScenarioResult,
    consistent_assumptions,
    plan_defaults,
)
from core.narrative import consistency_text, glossary, percent, summary_text
from core.schemas import SHARE_COLUMNS, SHARE_TARGET_IDS
from core.targets import target_figure

VIEWS = page_of("economy").views
CHART_KEY = "econ-chart"
STRIP_KEY = "econ-strip"
# Where the columns stack (Streamlit's 640-px breakpoint) the strip stays in view at the
# top of the controls while they scroll; beside the result cards it is hidden.
# The keyed block sits in a wrapper of its own height: the wrapper is what sticks.
STRIP_CSS = f"""
[data-testid="stLayoutWrapper"]:has(> .st-key-{STRIP_KEY}) {{position: sticky; top: 3.75rem;
  z-index: 3; background: #fff; border-bottom: 1px solid #d0d0d0; padding: 0.25rem 0;}}
.st-key-{STRIP_KEY} p {{font-size: 0.9rem;}}
@media (min-width: 640px) {{
  [data-testid="stLayoutWrapper"]:has(> .st-key-{STRIP_KEY}) {{display: none;}} }}
"""

# Year table: catalog key, projection column, decimals shown.
TABLE_COLUMNS = (
    ("growth", "real_growth_pct", 2),
    ("index", "real_index", 1),
    ("plan_index", "plan_index", 1),
    ("grdp", "nominal_grdp_bn_vnd", 0),
    ("population", "population_thousand", 1),
    ("per_capita_vnd", "per_capita_mn_vnd", 1),
    ("fx", "vnd_per_usd", 0),
    ("per_capita_usd", "per_capita_usd", 0),
)


def chart_downloads(spec: dict, stem: str, t: Translator, context: list[str]) -> None:
    """PNG and SVG made by vl_convert only when clicked (callable data), then cached; each
    carries its context (sources, and a scenario's assumptions and link) as a caption."""
    caption = exports.caption_lines(context)
    row = st.container(horizontal=True, gap="small")
    for kind, mime, render in (
        ("png", "image/png", chart_export.to_png),
        ("svg", "image/svg+xml", chart_export.to_svg),
    ):
        row.download_button(
            t(f"economy.download_{kind}"),
            data=lambda render=render: render(spec, caption),
            file_name=f"{stem}.{kind}",
            mime=mime,
            on_click="ignore",
            key=f"econ-{kind}-{stem}",
            icon=":material/image:",
        )


def quality_label(quality: str, t: Translator) -> str:
    return t(f"economy.quality.{quality}")


# ---- the targets beside the latest outturn ----------------------------------------


def _progress_row(row: Progress, goal: pd.Series, t: Translator) -> dict:
    # The compact target ("≈ 15.800"): the line under a bar fits a phone's width and the
    # table a 1280-px screen; the indicator's name carries the unit.
    target = target_figure(goal, t)
    if row.value is None:
        return {
            "indicator": t(f"economy.target_short.{row.target_id}"),
            "target": target,
            "outturn": t("economy.targets.no_outturn"),
            "year": "—",
            "quality": "—",
            "progress": math.nan,
            "label": t("economy.targets.no_outturn_short", target=target),
            "published": False,
            "source": row.source,
        }
    shown = t(f"economy.unit.{row.unit}", v=t.number(row.value, row.decimals))
    return {
        "indicator": t(f"economy.target_short.{row.target_id}"),
        "target": target,
        "outturn": shown,
        "year": row.period,
        "quality": quality_label(row.quality, t),
        "progress": row.progress_pct,
        "label": t("economy.targets.bar_label", value=shown, period=row.period, target=target),
        "published": row.quality == "published",
        "source": row.source,
    }


def distance_rows(progress: list[Progress], targets: pd.DataFrame, t: Translator) -> pd.DataFrame:
    """The progress rows (``core.economy.progress_rows``) in the reader's words."""
    goals = targets.set_index("id")
    return pd.DataFrame([_progress_row(row, goals.loc[row.target_id], t) for row in progress])


def structure_frame(outturn: pd.DataFrame, targets: pd.DataFrame, t: Translator) -> pd.DataFrame:
    """The sector shares (``core.economy.structure_rows``) with translated labels."""
    rows = []
    for row in structure_rows(outturn, targets):
        if row.period == "now":
            period = t("economy.structure.now", year=row.year, status=quality_label(row.quality, t))
        else:
            period = t("economy.structure.target", year=row.year)
        rows.append((period, t(f"economy.sector.{row.sector}"), row.share_pct, row.sector))
    return pd.DataFrame(rows, columns=["period", "sector", "share", "order"])


def targets_section(
    outturn: pd.DataFrame, targets: pd.DataFrame, baseline: Baseline, t: Translator
) -> None:
    st.header(t("economy.targets.heading"))
    progress = progress_rows(outturn, targets, baseline)
    st.markdown(
        f"{t('economy.targets.intro')} {t(f'economy.targets.legend_{quality_mix(progress)}')}"
    )
    rows = distance_rows(progress, targets, t)
    drawn = rows.assign(shown=rows["progress"].clip(upper=150).fillna(0))[
        ["indicator", "progress", "shown", "label", "quality", "published"]
    ]
    distance = with_data(
        economy_charts.distance_template(tuple(rows["indicator"]), t), economy_charts.ROWS, drawn
    )
    described = [
        (row.indicator, None if math.isnan(row.progress) else row.progress, row.outturn)
        for row in rows.itertuples()
    ]
    table = rows[["indicator", "target", "outturn", "year", "quality"]].rename(
        columns={
            name: t(f"economy.targets.col.{name}")
            for name in ("indicator", "target", "outturn", "year", "quality")
        }
    )
    show_chart(
        distance,
        chart_text.distance(t, TARGET_YEAR, described),
        table,
        t,
        key="econ-chart-economy-targets",
        wrapped=True,
    )
    missing = rows.loc[rows["progress"].isna(), "indicator"]
    if len(missing):
        st.info(t("economy.targets.missing", names=", ".join(missing)), icon=":material/info:")
    st.caption(t("economy.targets.reading"))
    st.caption(glossary(t))
    cells = list(rows["source"]) + list(outturn["source"])
    source_footer(t, cells)
    chart_downloads(distance, "economy-targets", t, export_context(t, cells))


def structure_section(outturn: pd.DataFrame, targets: pd.DataFrame, t: Translator) -> None:
    st.header(t("economy.view.structure"))
    shares = structure_frame(outturn, targets, t)
    structure = with_data(
        economy_charts.structure_template(
            tuple(dict.fromkeys(shares.sort_values("order")["sector"])),
            tuple(dict.fromkeys(shares["period"])),
            t,
        ),
        economy_charts.ROWS,
        shares,
    )
    periods = {
        period: dict(zip(group["sector"], group["share"], strict=True))
        for period, group in shares.groupby("period", sort=False)
    }
    table = shares[["period", "sector", "share"]].rename(
        columns={name: t(f"economy.chart.{name}") for name in ("period", "sector")}
        | {"share": t("economy.chart.share_axis")}
    )
    show_chart(
        structure,
        chart_text.structure(t, periods),
        reader_table(table, t, {t("economy.chart.share_axis"): 1}),
        t,
        key="econ-chart-economy-structure",
    )
    st.caption(glossary(t))  # the current year's shares may be an estimate
    cells = list(outturn.dropna(subset=list(SHARE_COLUMNS))["source"]) + list(
        targets.set_index("id").loc[list(SHARE_TARGET_IDS), "source"]
    )
    source_footer(t, cells)
    chart_downloads(structure, "economy-structure", t, export_context(t, cells))


# ---- the what-if model ------------------------------------------------------------


def year_table(
    projection: pd.DataFrame, outturn: pd.DataFrame, baseline: Baseline, basis: str, t: Translator
) -> pd.DataFrame:
    def note(kind: str, column: str | None) -> str:
        if kind == "estimate":
            return quality_label("estimate", t)
        if column is None:
            return t(f"economy.table.{kind}")
        return t(f"economy.table.{kind}", column=t(f"economy.column.{column}"))

    notes = [
        "; ".join(note(part.kind, part.column) for part in parts)
        for parts in year_notes(projection, outturn, baseline, basis)
    ]
    kind = {"actual": t("economy.table.actual"), "scenario": t("economy.table.scenario")}
    frame = pd.DataFrame(
        {
            t("economy.table.year"): projection["year"],
            t("economy.table.kind"): projection["kind"].map(kind),
        }
    )
    for label, column, decimals in TABLE_COLUMNS:
        frame[t(f"economy.table.{label}")] = projection[column].round(decimals)
    frame[t("economy.table.note")] = notes
    return frame


def shown_table(table: pd.DataFrame, t: Translator) -> pd.DataFrame:
    """The table with numbers written the reader's way (15.800 / 4,04); '—' if unknown."""
    shown = table.copy()
    for column, (_, _, decimals) in zip(shown.columns[2:-1], TABLE_COLUMNS, strict=True):
        shown[column] = [
            t.number(None if pd.isna(v) else float(v), decimals) for v in shown[column]
        ]
    return shown


def result_strip(strip, result: ScenarioResult, t: Translator) -> None:
    """The two headline results in one line above the sliders: on a phone the result
    cards sit below every slider, out of sight while one moves (issue 18)."""
    summary = result.summary
    strip.markdown(
        t(
            "economy.whatif.strip",
            per_capita=t("economy.unit.usd", v=t.number(summary.per_capita_2030_usd)),
            average=t("economy.unit.pct_year", v=percent(summary.avg_growth_2021_2030_pct, t)),
        )
    )


def metrics(result: ScenarioResult, baseline: Baseline, t: Translator) -> None:
    summary, scenario = result.summary, result.scenario
    first = baseline.last_year + 1
    need_avg = summary.growth_needed_for_avg_pct
    need_pc = summary.growth_needed_for_per_capita_pct
    cards = [
        Card(
            t("economy.metric.grdp_2030"),
            t.number(summary.grdp_2030_bn_vnd / 1000, 1),
            help=t("economy.metric.grdp_2030_help"),
        ),
        per_capita_card(
            summary,
            t,
            t("economy.metric.per_capita_help", target=t.number(summary.per_capita_target_usd)),
        ),
        average_card(summary, t, t("economy.metric.average_help")),
        Card(
            t("economy.metric.needed_avg", start=first),
            "—" if need_avg is None else t("economy.unit.pct_year_short", v=percent(need_avg, t)),
            help=t("economy.metric.needed_avg_help", start=first),
        ),
        Card(
            t("economy.metric.needed_pc", start=first),
            "—" if need_pc is None else t("economy.unit.pct_year_short", v=percent(need_pc, t)),
            help=t("economy.metric.needed_pc_help", start=first),
        ),
        Card(
            t("economy.metric.first_year"),
            first_year_value(summary, t),
            # Its range across the sensitivity ranges: no single fragile estimate is the verdict.
            delta=likelihood_ui.first_year_range(baseline, scenario, t),
            help=t("economy.metric.first_year_help", g50=percent(scenario.growth_2031_2050_pct, t)),
        ),
    ]
    st.html(cards_html(cards, t("economy.metric.cards"), t))
    st.markdown(
        f"**{t('economy.summary_label')}** "
        + escape_markdown(summary_text(summary, scenario, baseline, t))
    )
    consistency = consistent_assumptions(baseline, basis=scenario.basis)
    consistency_card = Card(
        t("economy.metric.consistency"),
        t("economy.unit.pct_year_short", v=percent(consistency.deflator_needed_pct, t)),
        delta=t(
            "economy.metric.consistency_delta", v=percent(consistency.historical_deflator_pct, t)
        ),
        help=t("economy.metric.consistency_help"),
    )
    st.html(cards_html([consistency_card], t("economy.metric.consistency"), t))
    st.caption(escape_markdown(consistency_text(consistency, t)))


CHART_CHOICES = ("index", "per_capita", *likelihood_ui.CHARTS)


@dataclass(frozen=True)
class ScenarioChart:
    """The scenario chart on show, built before it is drawn (see ``what_if``)."""

    shown: str  # "index" or "per_capita"
    spec: dict
    stem: str
    description: str
    table: pd.DataFrame


def chart_choice() -> str:
    """The chart the reader chose, read from its radio's state before the radio is drawn."""
    shown = st.session_state.get(CHART_KEY)
    return shown if shown in CHART_CHOICES else CHART_CHOICES[0]


def scenario_chart_of(
    shown: str, outturn: pd.DataFrame, baseline: Baseline, result: ScenarioResult, t: Translator
) -> ScenarioChart | None:
    """The index or per-capita chart with its sentence and table; None for the others."""
    if shown not in ("index", "per_capita"):
        return None
    index, per_capita = economy_charts.scenario_specs(
        outturn, baseline, result, t, scenario_ui.kept_results(baseline, result.scenario)
    )
    spec, stem, description, decimals = (
        (index, "economy-index", chart_text.scenario_index(t, result), 1)
        if shown == "index"
        else (per_capita, "economy-per-capita", chart_text.scenario_per_capita(t, result), 0)
    )
    return ScenarioChart(
        shown, spec, stem, description, economy_charts.line_table(spec, t, decimals)
    )


def scenario_chart(
    chart: ScenarioChart, outturn: pd.DataFrame, result: ScenarioResult, t: Translator
) -> None:
    show_chart(
        chart.spec,
        chart.description,
        chart.table,
        t,
        key=f"econ-chart-{chart.stem}",
        live_name=t(f"economy.whatif.chart_{chart.shown}"),
    )
    source_footer(t, outturn["source"], note_key="economy.chart.model_note")
    chart_downloads(
        chart.spec, chart.stem, t, export_context(t, outturn["source"], result.scenario)
    )


def controls_column(baseline: Baseline, result: ScenarioResult, t: Translator) -> None:
    st.subheader(t("economy.whatif.controls"))
    result_strip(st.container(key=STRIP_KEY), result, t)
    scenario_ui.controls(baseline, t)
    st.button(
        t("economy.reset"),
        key="econ-reset",
        on_click=scenario_ui.reset,
        args=(baseline,),
        icon=":material/restart_alt:",
        type="primary",
        width="stretch",
    )
    likelihood_ui.estimate_caption(baseline, t)


@st.fragment
def what_if(outturn: pd.DataFrame, baseline: Baseline, t: Translator) -> None:
    left, right = st.columns([2, 3], gap="large")
    # The widgets' new values are in the state before they are drawn: the results go
    # out first, so the browser shows them before it has redrawn the sliders (issue 14).
    scenario = scenario_ui.scenario_from_state(baseline)
    result = scenario_ui.result_of(baseline, scenario)
    with right:
        st.subheader(t("economy.whatif.results"))
        metrics(result, baseline, t)
        slides.brief_button(scenario, t, key="econ-brief")
    send_now()
    # The slow part of the rerun (the chart's spec and the year table, ~40 ms on the
    # server) is done here, between the results and the rest: the browser commits a
    # rerun's new elements once it has caught up with the messages, so this pause puts
    # the new results on screen before it handles the sliders, the ledger and the chart.
    chart = scenario_chart_of(chart_choice(), outturn, baseline, result, t)
    table = year_table(result.projection, outturn, baseline, scenario.basis, t)
    with left:
        controls_column(baseline, result, t)
    scenario_ui.write_url(scenario, baseline)

    kept = scenario_ui.kept_scenarios(baseline)
    # Lazy: the form is built only while open; saved scenarios show in the chart anyway.
    saved_box = st.expander(
        t("economy.whatif.saved"),
        key="econ-saved-box",
        icon=":material/bookmarks:",
        on_change="rerun",
    )
    if saved_box.open:
        with saved_box:
            scenario_ui.saved_scenarios_form(scenario, kept, t)
    likelihood_ui.section(baseline, scenario, t)
    # One chart at a time: each costs a phone as much to draw as the rest of the tab.
    shown = st.radio(
        t("economy.whatif.chart_label"),
        CHART_CHOICES,
        format_func=lambda name: likelihood_ui.chart_label(name, t),
        horizontal=True,
        key=CHART_KEY,
    )
    if shown in likelihood_ui.CHARTS:
        likelihood_ui.chart(shown, baseline, result, t)
    else:
        if chart is None or chart.shown != shown:
            chart = scenario_chart_of(shown, outturn, baseline, result, t)
        scenario_chart(chart, outturn, result, t)

    # Folded and lazy: a data grid is the slowest thing to draw, and the chart above
    # already shows it; it is built only when opened. The CSV download stays in view.
    year_table_box = st.expander(
        t("economy.whatif.table"), icon=":material/table:", key="econ-table", on_change="rerun"
    )
    if year_table_box.open:
        with year_table_box:
            st.dataframe(shown_table(table, t), hide_index=True, width="stretch")
    context = export_context(t, outturn["source"], scenario)
    download_csv(t, table, "economy-scenario", key="econ-csv", context=context)


def assumptions(baseline: Baseline, t: Translator) -> None:
    st.header(t("economy.assumptions.heading"))
    defaults = plan_defaults(baseline)
    filled = "; ".join(
        t(f"economy.table.{method}_cell", year=year, column=t(f"economy.column.{column}"))
        for year, column, method in baseline.filled
    ) or t("economy.assumptions.none")
    lines = [
        t(
            "economy.assumptions.derived",
            d=percent(defaults.deflator_pct, t),
            dn=baseline.deflator_pairs,
            fx=percent(defaults.fx_change_pct, t),
            fxn=baseline.fx_pairs,
            pop=percent(baseline.avg_population_growth_pct, t),
            popn=baseline.population_pairs,
        ),
        t(
            "economy.assumptions.population",
            p=percent(defaults.population_growth_pct, t),
            last=baseline.last_year,
        ),
        t("economy.assumptions.constant", last=baseline.last_year),
        t("economy.assumptions.converted", ratio=t.number(baseline.plan.converted_ratio * 100, 1)),
        t("economy.assumptions.g50", g50=percent(DEFAULT_GROWTH_2031_2050_PCT, t)),
        t("economy.assumptions.filled", cells=filled),
        t("economy.assumptions.actual_per_capita"),
    ]
    st.markdown("\n".join(f"- {line}" for line in lines))


t = translator()
page_header(t, "economy")
outturn, targets = require(t, "economy_outturn", "plan_targets")
# The vintage the link or the switch asks for: every figure on the page follows it.
baseline = likelihood_ui.page_baseline(outturn, targets, t)
t = t.with_plan(baseline.plan)
has_scenario_link = bool(scenario_ui.url_values(baseline))
scenario_ui.init_state(baseline)
scenario_ui.show_notices(baseline, t)
likelihood_ui.show_link_notices(baseline, t)
# A link with scenario values but no view was made on the what-if tab.
tabs = lazy_tabs("economy", VIEWS, t, fallback="whatif" if has_scenario_link else None)
if tabs["targets"].open:
    with tabs["targets"]:
        targets_section(outturn, targets, baseline, t)
if tabs["structure"].open:
    with tabs["structure"]:
        structure_section(outturn, targets, t)
if tabs["whatif"].open:
    with tabs["whatif"]:
        st.header(t("economy.whatif.heading"))
        st.markdown(t("economy.whatif.intro", last=baseline.last_year))
        st.caption(glossary(t))  # the chart's legend and the vintage switch use both terms
        likelihood_ui.vintage_switch(t)
        # Styles only (no element): outside the fragment, so a slider move does not send it.
        st.html(f"<style>{STRIP_CSS}</style>")
        what_if(outturn, baseline, t)
        assumptions(baseline, t)

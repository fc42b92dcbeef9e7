"""Mục tiêu kinh tế / Economic goals: the 2030 targets beside the outturn, the economy's
structure, and the what-if model, each in a tab of its own.

The tabs are lazy: only the open one runs and is sent, so a phone or an old laptop draws
one part of the page, not three. The open tab is in the URL (``?view=whatif``) so a
shared link opens where the sender was. The sliders and everything that depends on them
sit in one fragment, so moving a slider reruns only that part."""

from __future__ import annotations

import math
from functools import partial

import pandas as pd
import streamlit as st

from components import charts, scenario_ui, slides
from components.cards import (
    download_csv,
    escape_markdown,
    page_header,
    source_footer,
)
from components.context import translator
from components.data_ui import require
from components.navigation import page_of
from components.tabs import lazy_tabs
from core.i18n import Translator
from core.model import (
    BASE_YEAR,
    CONVERTED_RATIO,
    DEFAULT_GROWTH_2031_2050_PCT,
    PLAN_GROWTH_PCT,
    PLAN_PER_CAPITA_USD_2030,
    TARGET_YEAR,
    Baseline,
    Scenario,
    consistent_assumptions,
    plan_defaults,
    project,
    summarize,
)
from core.narrative import consistency_text, percent, summary_text
from core.schemas import SHARE_COLUMNS, SHARE_TARGET_IDS
from core.targets import target_text

VIEWS = page_of("economy").views
CHART_KEY = "econ-chart"
METRIC_WIDTH = 250  # px: "10.363 USD" at the projector font size, with its label

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


def chart_downloads(spec: dict, stem: str, t: Translator) -> None:
    """PNG and SVG made by vl_convert only when clicked (callable data), then cached."""
    row = st.container(horizontal=True, gap="small")
    row.download_button(
        t("economy.download_png"),
        data=lambda: charts.to_png(spec),
        file_name=f"{stem}.png",
        mime="image/png",
        on_click="ignore",
        key=f"econ-png-{stem}",
        icon=":material/image:",
    )
    row.download_button(
        t("economy.download_svg"),
        data=lambda: charts.to_svg(spec),
        file_name=f"{stem}.svg",
        mime="image/svg+xml",
        on_click="ignore",
        key=f"econ-svg-{stem}",
        icon=":material/image:",
    )


def show_chart(spec: dict, stem: str) -> None:
    with st.container(key=f"econ-chart-{stem}"):
        st.vega_lite_chart(spec, width="stretch")


def quality_label(quality: str, t: Translator) -> str:
    return t(f"economy.quality.{quality}")


# ---- the targets beside the latest outturn ----------------------------------------


def distance_rows(
    outturn: pd.DataFrame, targets: pd.DataFrame, baseline: Baseline, t: Translator
) -> pd.DataFrame:
    target = targets.set_index("id")
    rows = []
    last = baseline.last_year
    growth_q = charts.outturn_quality(outturn, baseline.filled, "grdp_growth_real_pct")
    usd_q = charts.outturn_quality(outturn, baseline.filled, "grdp_per_capita_usd")
    pop_q = charts.outturn_quality(outturn, baseline.filled, "population_thousand")
    shares = outturn.dropna(subset=list(SHARE_COLUMNS))
    share_row = shares.iloc[-1] if len(shares) else None

    def add(target_id, value, year, quality, unit_key, decimals):
        goal = target.loc[target_id]
        aim = float(goal["value_min"])
        has = value is not None and math.isfinite(value)
        shown = t(f"economy.unit.{unit_key}", v=t.number(value, decimals)) if has else ""
        rows.append(
            {
                "indicator": t(f"economy.target_short.{target_id}"),
                "target": target_text(goal, t),
                "outturn": shown if has else t("economy.targets.no_outturn"),
                "year": str(year) if has else "—",
                "quality": quality_label(quality, t) if has else "—",
                "progress": value / aim * 100 if has else math.nan,
                "label": (
                    t("economy.targets.bar_label", value=shown, target=target_text(goal, t))
                    if has
                    else t("economy.targets.no_outturn_short", target=target_text(goal, t))
                ),
                "source": goal["source"],
            }
        )

    average = ((baseline.real_index_last / 100) ** (1 / (last - BASE_YEAR)) - 1) * 100
    worst = (
        "estimate"
        if any(growth_q[y] != "published" for y in range(BASE_YEAR + 1, last + 1) if y in growth_q)
        else "published"
    )
    add("growth_2021_2030", average, f"{BASE_YEAR + 1}–{last}", worst, "pct_year_short", 1)
    usd = outturn.dropna(subset=["grdp_per_capita_usd"]).iloc[-1]
    add(
        "grdp_per_capita_usd",
        float(usd["grdp_per_capita_usd"]),
        int(usd["year"]),
        usd_q[int(usd["year"])],
        "usd",
        0,
    )
    population = next(a for a in reversed(baseline.years) if not math.isnan(a.population_thousand))
    pop_quality = (
        "derived"
        if any(y == population.year and c == "population_thousand" for y, c, _ in baseline.filled)
        else pop_q[population.year]
    )
    add(
        "population_official",
        population.population_thousand / 1000,
        population.year,
        pop_quality,
        "million",
        2,
    )
    for target_id, column in zip(SHARE_TARGET_IDS, SHARE_COLUMNS, strict=True):
        if share_row is None:
            add(target_id, None, None, "estimate", "pct", 1)
        else:
            add(
                target_id,
                float(share_row[column]),
                int(share_row["year"]),
                "estimate" if share_row["status"] == "estimate" else "published",
                "pct",
                1,
            )
    add("urbanisation", None, None, "estimate", "pct", 1)
    add("digital_economy_share", None, None, "estimate", "pct", 1)
    return pd.DataFrame(rows)


def structure_rows(outturn: pd.DataFrame, targets: pd.DataFrame, t: Translator) -> pd.DataFrame:
    target = targets.set_index("id")
    shares = outturn.dropna(subset=list(SHARE_COLUMNS))
    rows = []
    if len(shares):
        latest = shares.iloc[-1]
        period = t(
            "economy.structure.now",
            year=int(latest["year"]),
            status=quality_label("estimate" if latest["status"] == "estimate" else "published", t),
        )
        for order, column in enumerate(SHARE_COLUMNS):
            rows.append((period, t(f"economy.sector.{order}"), float(latest[column]), order))
    for order, target_id in enumerate(SHARE_TARGET_IDS):
        rows.append(
            (
                t("economy.structure.target", year=TARGET_YEAR),
                t(f"economy.sector.{order}"),
                float(target.loc[target_id, "value_min"]),
                order,
            )
        )
    return pd.DataFrame(rows, columns=["period", "sector", "share", "order"])


def targets_section(
    outturn: pd.DataFrame, targets: pd.DataFrame, baseline: Baseline, t: Translator
) -> None:
    st.header(t("economy.targets.heading"))
    st.markdown(t("economy.targets.intro"))
    rows = distance_rows(outturn, targets, baseline, t)
    published = quality_label("published", t)
    drawn = rows.assign(
        shown=rows["progress"].clip(upper=150).fillna(0), published=rows["quality"] == published
    )[["indicator", "progress", "shown", "label", "quality", "published"]]
    distance = charts.with_data(
        charts.distance_template(tuple(rows["indicator"]), t), charts.ROWS, drawn
    )
    show_chart(distance, "economy-targets")
    missing = rows.loc[rows["progress"].isna(), "indicator"]
    if len(missing):
        st.info(t("economy.targets.missing", names=", ".join(missing)), icon=":material/info:")
    st.caption(t("economy.targets.reading"))
    source_footer(list(rows["source"]) + list(outturn["source"]))
    chart_downloads(distance, "economy-targets", t)
    table = rows[["indicator", "target", "outturn", "year", "quality"]].rename(
        columns={
            name: t(f"economy.targets.col.{name}")
            for name in ("indicator", "target", "outturn", "year", "quality")
        }
    )
    with st.expander(t("economy.targets.table")):
        st.dataframe(table, hide_index=True, width="stretch")


def structure_section(outturn: pd.DataFrame, targets: pd.DataFrame, t: Translator) -> None:
    st.header(t("economy.view.structure"))
    shares = structure_rows(outturn, targets, t)
    structure = charts.with_data(
        charts.structure_template(
            tuple(dict.fromkeys(shares.sort_values("order")["sector"])),
            tuple(dict.fromkeys(shares["period"])),
            t,
        ),
        charts.ROWS,
        shares,
    )
    show_chart(structure, "economy-structure")
    source_footer(
        list(outturn.dropna(subset=list(SHARE_COLUMNS))["source"])
        + list(targets.set_index("id").loc[list(SHARE_TARGET_IDS), "source"])
    )
    chart_downloads(structure, "economy-structure", t)


# ---- the what-if model ------------------------------------------------------------


def year_table(
    projection: pd.DataFrame, outturn: pd.DataFrame, baseline: Baseline, basis: str, t: Translator
) -> pd.DataFrame:
    status = dict(zip(outturn["year"].astype(int), outturn["status"], strict=True))
    derived = {
        int(year): str(cell).split(";")
        for year, cell in zip(outturn["year"], outturn["derived_columns"], strict=True)
        if isinstance(cell, str)
    }
    filled: dict[int, list[str]] = {}
    for year, column, method in baseline.filled:
        filled.setdefault(year, []).append(
            t(f"economy.table.{method}", column=t(f"economy.column.{column}"))
        )
    notes = []
    for row in projection.itertuples(index=False):
        if row.kind == "scenario":
            notes.append(t("economy.table.scenario_note"))
            continue
        parts = [quality_label("estimate", t)] if status.get(row.year) == "estimate" else []
        parts += [
            t("economy.table.derived", column=t(f"economy.column.{column}"))
            for column in derived.get(row.year, [])
        ]
        parts += filled.get(row.year, [])
        if basis == "total":
            parts.append(t("economy.table.total_basis"))
        notes.append("; ".join(parts))
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


def metrics(scenario: Scenario, baseline: Baseline, t: Translator) -> None:
    summary = summarize(baseline, scenario)
    first = baseline.last_year + 1
    # One wrapping row of fixed-width cards rather than a grid of columns: as many per line
    # as fit (one on a phone), and fewer blocks for the browser to draw.
    grid = st.container(horizontal=True, gap="small")
    card = partial(grid.metric, border=True, width=METRIC_WIDTH)
    card(
        t("economy.metric.grdp_2030"),
        t.number(summary.grdp_2030_bn_vnd / 1000, 1),
        help=t("economy.metric.grdp_2030_help"),
    )
    gap = -summary.gap_to_target_usd
    card(
        t("economy.metric.per_capita"),
        t("economy.unit.usd", v=t.number(summary.per_capita_2030_usd)),
        delta=t("economy.metric.gap", v=("+" if gap >= 0 else "−") + t.number(abs(gap))),
        delta_color="normal" if gap >= 0 else "inverse",
        delta_arrow="up" if gap >= 0 else "down",
        help=t("economy.metric.per_capita_help", target=t.number(PLAN_PER_CAPITA_USD_2030)),
    )
    card(
        t("economy.metric.average"),
        t("economy.unit.pct_year_short", v=percent(summary.avg_growth_2021_2030_pct, t)),
        help=t("economy.metric.average_help"),
    )
    need_avg = summary.growth_needed_for_avg_pct
    card(
        t("economy.metric.needed_avg", start=first),
        "—" if need_avg is None else t("economy.unit.pct_year_short", v=percent(need_avg, t)),
        help=t("economy.metric.needed_avg_help", start=first),
    )
    need_pc = summary.growth_needed_for_per_capita_pct
    card(
        t("economy.metric.needed_pc", start=first),
        "—" if need_pc is None else t("economy.unit.pct_year_short", v=percent(need_pc, t)),
        help=t("economy.metric.needed_pc_help", start=first),
    )
    year = summary.first_year_target_reached
    card(
        t("economy.metric.first_year"),
        t("economy.metric.not_by", year=2050) if year is None else str(year),
        help=t("economy.metric.first_year_help", g50=percent(scenario.growth_2031_2050_pct, t)),
    )
    st.markdown(
        f"**{t('economy.summary_label')}** "
        + escape_markdown(summary_text(summary, scenario, baseline, t))
    )
    consistency = consistent_assumptions(baseline, PLAN_GROWTH_PCT, scenario.basis)
    st.metric(
        t("economy.metric.consistency"),
        t("economy.unit.pct_year_short", v=percent(consistency.deflator_needed_pct, t)),
        delta=t(
            "economy.metric.consistency_delta", v=percent(consistency.historical_deflator_pct, t)
        ),
        delta_color="off",
        delta_arrow="off",
        help=t("economy.metric.consistency_help"),
        border=True,
    )
    st.caption(escape_markdown(consistency_text(consistency, t)))


@st.fragment
def what_if(outturn: pd.DataFrame, baseline: Baseline) -> None:
    t = translator()
    left, right = st.columns([2, 3], gap="large")
    with left:
        st.subheader(t("economy.whatif.controls"))
        scenario = scenario_ui.controls(baseline)
        st.button(
            t("economy.reset"),
            key="econ-reset",
            on_click=scenario_ui.reset,
            args=(baseline,),
            icon=":material/restart_alt:",
            type="primary",
            width="stretch",
        )
    scenario_ui.write_url(scenario, baseline)
    with right:
        st.subheader(t("economy.whatif.results"))
        metrics(scenario, baseline, t)
        slides.brief_button(scenario, t, key="econ-brief")

    projection = project(baseline, scenario)
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
            scenario_ui.saved_scenarios_form(scenario, kept)
    # One chart at a time: each costs a phone as much to draw as the rest of the tab.
    shown = st.radio(
        t("economy.whatif.chart_label"),
        ("index", "per_capita"),
        format_func=lambda name: t(f"economy.whatif.chart_{name}"),
        horizontal=True,
        key=CHART_KEY,
    )
    index, per_capita = charts.scenario_specs(outturn, baseline, scenario, t, kept)
    spec, stem = (
        (index, "economy-index") if shown == "index" else (per_capita, "economy-per-capita")
    )
    show_chart(spec, stem)
    source_footer(outturn["source"], note_key="economy.chart.model_note")
    chart_downloads(spec, stem, t)

    table = year_table(projection, outturn, baseline, scenario.basis, t)
    # Folded and lazy: a data grid is the slowest thing to draw, and the chart above
    # already shows it; it is built only when opened. The CSV download stays in view.
    year_table_box = st.expander(
        t("economy.whatif.table"), icon=":material/table:", key="econ-table", on_change="rerun"
    )
    if year_table_box.open:
        with year_table_box:
            st.dataframe(shown_table(table, t), hide_index=True, width="stretch")
    download_csv(table, "economy-scenario", key="econ-csv")


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
        t("economy.assumptions.converted", ratio=t.number(CONVERTED_RATIO * 100, 1)),
        t("economy.assumptions.g50", g50=percent(DEFAULT_GROWTH_2031_2050_PCT, t)),
        t("economy.assumptions.filled", cells=filled),
        t("economy.assumptions.actual_per_capita"),
    ]
    st.markdown("\n".join(f"- {line}" for line in lines))


t = translator()
page_header("economy")
outturn, targets = require("economy_outturn", "plan_targets")
try:
    baseline = scenario_ui.baseline_of(outturn)
except ValueError as error:
    st.error(t("economy.model_error", detail=escape_markdown(str(error))), icon="⚠️")
    st.stop()
has_scenario_link = bool(scenario_ui.url_values(baseline))
scenario_ui.init_state(baseline)
scenario_ui.show_notices(baseline)
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
        what_if(outturn, baseline)
        assumptions(baseline, t)

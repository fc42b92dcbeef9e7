"""How likely is the plan (issue 14) on the economy page's what-if tab, and its slide.

The link carries the simulation's seed and draw count, the data vintage and up to
three saved scenarios (``core.likelihood_link``), read the way ``scenario_ui`` reads
the scenario: on the first run or when the URL holds values this session neither read
nor wrote. The seed, draws and vintage then live in ``econ-link`` (plain state, which
survives a page change); the saved scenarios stay in ``scenario_ui``'s store, so the
save form works as before and its contents travel in the link.

Every figure comes from ``core.likelihood``, cached here by (baseline, scenario,
seed, draws): the baseline stands for the vintage, so a cache entry is one vintage's.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

import pandas as pd
import streamlit as st

from components import likelihood_charts, scenario_ui
from components.chart_view import show_chart
from components.data_ui import try_table
from components.metrics import Card, cards_html
from components.page_parts import download_csv, escape_markdown, link_value
from components.vega_theme import larger, sized
from core import chart_text
from core.i18n import Translator
from core.likelihood import (
    BAND,
    TARGETS,
    BreakEven,
    Shocks,
    Simulation,
    TargetId,
    Tornado,
    apply_vintage,
    history,
    ledger,
    simulate,
    tornado,
)
from core.likelihood_link import (
    _SAVED_KEY,
    SAVED_KEYS,
    LinkState,
    SavedScenario,
    parse_link,
    to_link_query,
)
from core.likelihood_text import (
    break_even_text,
    estimate_note,
    first_year_range_text,
    ledger_groups,
    probabilities_text,
    probability_value,
    simulation_basis,
    target_name,
    top_line,
)
from core.model import TARGET_YEAR, Baseline, PlanTargets, Scenario, ScenarioResult, plan_defaults
from core.scenario import Notice, to_query

LINK = "econ-link"  # LinkState of seed, draws and vintage (saved: scenario_ui.SAVED)
LINK_SEEN = "econ-link-seen"  # link values last read
LINK_WRITTEN = "econ-link-written"  # link values last written
LINK_NOTICES = "econ-link-notices"
VINTAGE = "econ-vintage"
TORNADO_BY_GROWTH = "econ-tornado-growth"
FAN_INDEX = "econ-fan-index"
CHARTS = ("tornado", "fan")
LINK_KEYS = ("seed", "draws", "vintage", *SAVED_KEYS)
SLIDE_CHART_HEIGHT = 270


# ---- the link ----------------------------------------------------------------------


def _link_params() -> dict[str, list[str]]:
    return {
        name: st.query_params.get_all(name)
        for name in st.query_params
        if name in LINK_KEYS or _SAVED_KEY.fullmatch(name)
    }


def link_state() -> LinkState:
    return st.session_state.get(LINK) or LinkState()


def init_link(baseline: Baseline, t: Translator) -> LinkState:
    """Read the link's likelihood keys on the first run or when they are new."""
    params = _link_params()
    flat = {name: values[-1] if values else "" for name, values in params.items()}
    state = st.session_state
    new_url = bool(flat) and flat not in (state.get(LINK_SEEN), state.get(LINK_WRITTEN))
    if LINK not in state or new_url:
        read, notices = parse_link(params, baseline)
        state[LINK] = replace(read, saved=())
        state[VINTAGE] = read.vintage
        state[LINK_NOTICES] = notices
        state[scenario_ui.SAVED] = [
            {
                "name": saved.name or t("economy.saved.placeholder", n=index + 1),
                "query": to_query(saved.scenario),
            }
            for index, saved in enumerate(read.saved)
        ]
    state[LINK_SEEN] = flat
    return state[LINK]


def write_link(baseline: Baseline) -> None:
    """Seed, draws, vintage and the saved scenarios into the URL; stale s1–s3 removed."""
    saved = tuple(
        SavedScenario(name, scenario) for name, scenario in scenario_ui.kept_scenarios(baseline)
    )
    query = to_link_query(replace(link_state(), saved=saved))
    for name in [name for name in st.query_params if name in SAVED_KEYS and name not in query]:
        del st.query_params[name]
    changed = {k: v for k, v in query.items() if st.query_params.get_all(k) != [v]}
    if changed:
        st.query_params.update(changed)
    st.session_state[LINK_WRITTEN] = query


def _vintage_switched() -> None:
    st.session_state[LINK] = replace(link_state(), vintage=st.session_state[VINTAGE])


def vintage_switch(t: Translator) -> None:
    """Revised figures or first published estimates; a change reruns the whole page,
    whose baseline (``page_baseline``) follows it."""
    st.session_state.setdefault(VINTAGE, link_state().vintage)
    st.radio(
        t("likelihood.vintage.label"),
        ("revised", "first"),
        format_func=lambda vintage: t(f"likelihood.vintage.{vintage}"),
        key=VINTAGE,
        on_change=_vintage_switched,
        horizontal=True,
        help=t("likelihood.vintage.help"),
    )


@st.cache_resource(show_spinner=False)
def first_estimates_baseline(
    outturn: pd.DataFrame, targets: pd.DataFrame, vintages: pd.DataFrame
) -> Baseline:
    """The baseline as first published (a resource: a Baseline is immutable and shared)."""
    return Baseline.from_outturn(
        apply_vintage(outturn, vintages, "first"), PlanTargets.from_table(targets)
    )


def page_baseline(outturn: pd.DataFrame, targets: pd.DataFrame, t: Translator) -> Baseline:
    """The baseline of the vintage the link or the switch asks for (revised if the
    first estimates cannot be used, with a message)."""
    revised = scenario_ui.model_baseline(outturn, targets, t)
    if init_link(revised, t).vintage == "revised":
        return revised
    vintages = try_table(t, "economy_vintages")
    if vintages is None:
        st.info(t("likelihood.vintage.missing"), icon=":material/info:")
        return revised
    try:
        return first_estimates_baseline(outturn, targets, vintages)
    except ValueError as error:
        st.warning(t("likelihood.vintage.error", detail=escape_markdown(str(error))), icon="⚠️")
        return revised


def _notice_label(param: str, baseline: Baseline, t: Translator) -> str:
    key, _, part = param.partition(".")
    if key in ("seed", "draws", "vintage"):
        return t(f"likelihood.param.{key}")
    label = t("likelihood.param.saved", n=key.removeprefix("s"))
    if not part:
        return label
    if part == "name":
        return f"{label}, {t('likelihood.param.name')}"
    spec = next((s for s in scenario_ui.specs(baseline) if s.name == part), None)
    year = spec.year if spec is not None else None
    inner = t("economy.param.year", year=year) if year else t(f"economy.param_short.{part}")
    return f"{label}, {inner}"


def _replacement(notice: Notice, t: Translator) -> str:
    if notice.param == "vintage":
        return t(f"likelihood.vintage.{notice.replacement}")
    if notice.param in ("seed", "draws"):
        return t.number(int(notice.replacement))
    return notice.replacement


def show_link_notices(baseline: Baseline, t: Translator) -> None:
    """One warning listing each likelihood value of the link that could not be used."""
    notices = st.session_state.get(LINK_NOTICES) or []
    if not notices:
        return
    lines = []
    for notice in notices:
        kind = "dropped" if notice.kind == "invalid" and not notice.replacement else notice.kind
        value = link_value(notice.value) if notice.value.strip() else t("economy.notice.empty")
        text = t(
            f"likelihood.notice.{kind}",
            param=escape_markdown(notice.param),
            label=_notice_label(notice.param, baseline, t),
            value=value,
            replacement=escape_markdown(_replacement(notice, t)),
        )
        lines.append(f"- {text}")
    st.warning(t("likelihood.notice.heading") + "\n\n" + "\n".join(lines), icon="ℹ️")


# ---- cached figures ------------------------------------------------------------------


@lru_cache(maxsize=64)
def ledger_of(baseline: Baseline, scenario: Scenario) -> tuple[BreakEven, ...]:
    return ledger(baseline, scenario)


@lru_cache(maxsize=64)
def tornado_of(baseline: Baseline, scenario: Scenario, by: TargetId) -> Tornado:
    return tornado(baseline, scenario, by=by)


@lru_cache(maxsize=8)
def shocks_of(baseline: Baseline) -> Shocks:
    return Shocks.from_history(history(baseline))


@lru_cache(maxsize=64)
def simulation_of(baseline: Baseline, scenario: Scenario, seed: int, draws: int) -> Simulation:
    return simulate(baseline, scenario, shocks_of(baseline), seed=seed, draws=draws)


def _simulation(baseline: Baseline, scenario: Scenario) -> Simulation:
    link = link_state()
    return simulation_of(baseline, scenario, link.seed, link.draws)


# ---- the what-if tab -----------------------------------------------------------------


def first_year_range(baseline: Baseline, scenario: Scenario, t: Translator) -> str:
    """Beside "the year the target is reached": its range across the tornado's ranges."""
    return first_year_range_text(tornado_of(baseline, scenario, "per_capita").first_year, t)


def estimate_caption(baseline: Baseline, t: Translator) -> None:
    st.caption(estimate_note(plan_defaults(baseline), t))


def _probability_cards(simulation: Simulation, plan: PlanTargets, t: Translator) -> None:
    cards = [
        Card(
            target_name(probability.target, plan, t),
            probability_value(probability, t),
            help=None if probability.varies else t("likelihood.probability.fixed"),
        )
        for probability in simulation.probabilities
    ]
    with st.container(key="econ-probability"):
        st.html(cards_html(cards, t("likelihood.probability.heading"), t))


def _ledger_list(rows: tuple[BreakEven, ...], plan: PlanTargets, t: Translator) -> None:
    # Heading, intro and list in one element: each element costs a slider move its own
    # message and redraw in the browser.
    lines = [f"**{t('likelihood.ledger.heading')}**  \n{t('likelihood.ledger.intro')}", ""]
    for name, met, levers, idle in ledger_groups(rows, plan, t):
        state = t("likelihood.ledger.met" if met else "likelihood.ledger.not_met")
        lines.append(f"**{escape_markdown(name)}** ({state})")
        lines += [f"- {escape_markdown(line)}" for line in levers]
        if idle:
            lines.append(f"- {t('likelihood.ledger.no_effect', levers=', '.join(idle))}")
        lines.append("")
    with st.container(key="econ-ledger"):
        st.markdown("\n".join(lines))


def ledger_table(rows: tuple[BreakEven, ...], plan: PlanTargets, t: Translator) -> pd.DataFrame:
    """The ledger for the CSV: every target × lever with the record beside it."""

    def record(row: BreakEven, part: str) -> float | str:
        if row.record is None:
            return ""
        if part == "years":
            return " ".join(str(year) for year, _ in row.record.values)
        value = {"low": row.record.lowest[1], "high": row.record.highest[1]}.get(part)
        return round(row.record.mean if value is None else value, 3)

    return pd.DataFrame(
        {
            t("likelihood.csv.target"): target_name(row.target, plan, t),
            t("likelihood.csv.lever"): row.lever,
            t("likelihood.csv.status"): row.status,
            t("likelihood.csv.current"): round(row.current, 3),
            t("likelihood.csv.needed"): "" if row.needed is None else round(row.needed, 3),
            t("likelihood.csv.record_low"): record(row, "low"),
            t("likelihood.csv.record_mean"): record(row, "mean"),
            t("likelihood.csv.record_high"): record(row, "high"),
            t("likelihood.csv.record_years"): record(row, "years"),
            t("likelihood.csv.text"): break_even_text(row, t),
        }
        for row in rows
    )


def _comparison(baseline: Baseline, scenario: Scenario, t: Translator) -> None:
    kept = scenario_ui.kept_scenarios(baseline)
    if not kept:
        return
    plan = baseline.plan
    st.markdown(f"**{t('likelihood.compare.heading')}**")
    lines = []
    for name, other in [(t("likelihood.compare.current"), scenario), *kept]:
        line = t(
            "likelihood.compare.line",
            name=escape_markdown(name),
            top=escape_markdown(break_even_text(ledger_of(baseline, other)[0], t)),
            probabilities=escape_markdown(
                probabilities_text(_simulation(baseline, other), plan, t)
            ),
        )
        lines.append(f"- {line}")
    with st.container(key="econ-compare"):
        st.markdown("\n".join(lines))


def section(baseline: Baseline, scenario: Scenario, t: Translator) -> None:
    """Probability, comparison and ledger of the scenario on show (the charts are in
    the tab's chart choice, ``chart``)."""
    write_link(baseline)
    st.subheader(t("likelihood.heading"))
    try:
        rows = ledger_of(baseline, scenario)
        simulation = _simulation(baseline, scenario)
    except (ValueError, ArithmeticError) as error:
        st.error(t("likelihood.probability.error", detail=escape_markdown(str(error))), icon="⚠️")
        return
    plan = baseline.plan
    st.markdown(f"**{t('likelihood.probability.heading')}**")
    _probability_cards(simulation, plan, t)
    st.caption(simulation_basis(simulation, shocks_of(baseline), t))
    _comparison(baseline, scenario, t)
    _ledger_list(rows, plan, t)
    download_csv(t, ledger_table(rows, plan, t), "economy-break-even", key="econ-ledger-csv")


def chart_label(name: str, t: Translator) -> str:
    if name in CHARTS:
        return t(f"likelihood.chart.{name}", **BAND)
    return t(f"economy.whatif.chart_{name}")


def _tornado_chart(baseline: Baseline, scenario: Scenario, t: Translator) -> None:
    by: TargetId = (
        "growth"
        if st.toggle(t("likelihood.chart.by_growth"), key=TORNADO_BY_GROWTH)
        else "per_capita"
    )
    shown = tornado_of(baseline, scenario, by)
    spec, frame = likelihood_charts.tornado_spec(shown, by, baseline.plan, t)
    show_chart(
        spec,
        chart_text.tornado(t, shown, by),
        likelihood_charts.tornado_reader_table(frame, by, t),
        t,
        key="econ-chart-likelihood-tornado",
        live_name=chart_label("tornado", t),
    )
    idle = likelihood_charts.idle_levers(shown, by, t)
    note = t("likelihood.chart.tornado_caption")
    st.caption(
        note + (" " + t("likelihood.chart.no_swing", levers=", ".join(idle)) if idle else "")
    )
    download_csv(
        t,
        likelihood_charts.tornado_table(shown, by, t),
        "economy-sensitivity",
        key="econ-tornado-csv",
    )


def _reference(
    measure: str, result: ScenarioResult, plan: PlanTargets, t: Translator
) -> pd.DataFrame:
    years = result.projection[result.projection["year"] <= TARGET_YEAR]
    if measure == "per_capita":
        values = [plan.per_capita_usd] * len(years)
        label = t("likelihood.chart.target")
    else:
        values = years["plan_index"].round(1).tolist()
        label = t("likelihood.chart.plan")
    return pd.DataFrame({"year": years["year"].tolist(), "value": values, "label": label})


def fan_table(simulation: Simulation, t: Translator) -> pd.DataFrame:
    frames = []
    for measure, band in (
        ("per_capita", simulation.per_capita_usd),
        ("index", simulation.real_index),
    ):
        frame = likelihood_charts.fan_frame(band)
        label = (
            t("likelihood.chart.per_capita_axis")
            if measure == "per_capita"
            else t("likelihood.chart.fan_index")
        )
        frames.append(frame.assign(measure=label))
    names = {
        name: t(f"likelihood.csv.{name}", **BAND)
        for name in ("year", "p10", "p50", "p90", "central", "measure")
    }
    return pd.concat(frames, ignore_index=True).rename(columns=names)


def _fan_chart(baseline: Baseline, result: ScenarioResult, t: Translator) -> None:
    measure = "index" if st.toggle(t("likelihood.chart.fan_index"), key=FAN_INDEX) else "per_capita"
    simulation = _simulation(baseline, result.scenario)
    band = simulation.per_capita_usd if measure == "per_capita" else simulation.real_index
    spec = likelihood_charts.fan_spec(
        band, _reference(measure, result, baseline.plan, t), measure, t
    )
    show_chart(
        spec,
        chart_text.fan(t, band, measure),
        likelihood_charts.fan_reader_table(band, measure, t),
        t,
        key="econ-chart-likelihood-fan",
        live_name=chart_label("fan", t),
    )
    st.caption(t("likelihood.chart.fan_caption", **BAND))
    download_csv(t, fan_table(simulation, t), "economy-uncertainty", key="econ-fan-csv")


def chart(name: str, baseline: Baseline, result: ScenarioResult, t: Translator) -> None:
    """The tornado or the fan, whichever the tab's chart choice names."""
    try:
        if name == "tornado":
            _tornado_chart(baseline, result.scenario, t)
        else:
            _fan_chart(baseline, result, t)
    except (ValueError, ArithmeticError) as error:
        st.error(t("likelihood.probability.error", detail=escape_markdown(str(error))), icon="⚠️")


# ---- the presentation screen ---------------------------------------------------------


def slide(t: Translator, baseline: Baseline, result: ScenarioResult, **_) -> None:
    """The probability of each target beside the tornado, for a 1280 × 720 projector."""
    scenario, plan = result.scenario, baseline.plan
    simulation = _simulation(baseline, scenario)
    # No switch on the slide says which figures: its heading names the first estimates.
    first = link_state().vintage == "first"
    st.header(
        t("likelihood.first_estimates.slide_heading" if first else "likelihood.slide.heading"),
        anchor=False,
    )
    for column, target in zip(st.columns(len(TARGETS)), TARGETS, strict=True):
        column.metric(
            target_name(target, plan, t),
            probability_value(simulation.probability(target), t),
            border=True,
        )
    shown = tornado_of(baseline, scenario, "per_capita")
    spec, _ = likelihood_charts.tornado_spec(shown, "per_capita", plan, t, one_line=True)
    # No table under it: the slide must fit the screen (as the scenario slide).
    show_chart(
        larger(sized(spec, SLIDE_CHART_HEIGHT)),
        chart_text.tornado(t, shown, "per_capita"),
        None,
        t,
        key="present-likely-chart",
    )
    years = simulation.record_years
    st.caption(
        top_line(ledger_of(baseline, scenario), plan, t)
        + ". "
        + t(
            "likelihood.probability.basis",
            n=len(years),
            first=years[0],
            last=years[-1],
            draws=t.number(simulation.draws),
            seed=simulation.seed,
            end=TARGET_YEAR,
        )
    )

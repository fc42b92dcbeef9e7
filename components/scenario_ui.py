"""The what-if controls: sliders, their state, the URL that shares them, saved scenarios.

State lives in ``st.session_state`` under stable widget keys (``econ-g``, ``econ-d``,
…; the browser tests find them as ``.st-key-econ-g``). The URL is the shared copy:

* on the page's first run, or when the URL carries values other than the ones this
  session last read or wrote, the widgets are set from ``core.scenario.parse``
  (bad values become defaults or clamps, with notices);
* otherwise the widgets keep their state; Streamlit forgets the state of widgets not
  drawn (after a page change), so a plain copy (``econ-store``) puts it back;
* every run writes the values back with ``st.query_params.update`` (``lang`` stays).

Usable by any page (a presentation mode can reuse ``init_state``/``controls``).
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

import pandas as pd
import streamlit as st

from components.page_parts import escape_markdown, link_value
from core.i18n import Translator
from core.model import BASES, Baseline, PlanTargets, Scenario, ScenarioResult, plan_defaults, run
from core.narrative import scenario_line
from core.scenario import (
    Notice,
    ParamSpec,
    field_value,
    param_specs,
    parse,
    scenario_from,
    to_query,
)

PREFIX = "econ-"
PER_YEAR = "econ-peryear"
STORE = "econ-store"  # URL form of the scenario the widgets last showed
SEEN = "econ-url-seen"  # URL values last read, so an unchanged URL is not re-read
NOTICES = "econ-notices"
SAVED = "econ-saved"
NAME = "econ-name"
MAX_SAVED = 3
MAX_NAME_CHARS = 40


@st.cache_resource(show_spinner=False)
def baseline_of(outturn: pd.DataFrame, targets: pd.DataFrame) -> Baseline:
    """The model's baseline from the outturn and plan tables, built once per table pair."""
    return Baseline.from_outturn(outturn, PlanTargets.from_table(targets))


def model_baseline(outturn: pd.DataFrame, targets: pd.DataFrame, t: Translator) -> Baseline:
    """The baseline, or the model's error and the page stopped (the rest of the app works)."""
    try:
        return baseline_of(outturn, targets)
    except ValueError as error:
        st.error(t("economy.model_error", detail=escape_markdown(str(error))), icon="⚠️")
        st.stop()


@lru_cache(maxsize=64)
def result_of(baseline: Baseline, scenario: Scenario) -> ScenarioResult:
    """A scenario's projection and summary, computed once per scenario and shared by
    everything that draws it (cards, charts, table, slides). Callers must not modify it."""
    return run(baseline, scenario)


def kept_results(baseline: Baseline, scenario: Scenario) -> list[tuple[str, ScenarioResult]]:
    """The saved scenarios, computed to the same end year as the one on show."""
    return [
        (name, result_of(baseline, replace(other, extend_to_2050=scenario.extend_to_2050)))
        for name, other in kept_scenarios(baseline)
    ]


def key(name: str) -> str:
    return PREFIX + name


@lru_cache(maxsize=8)
def _specs(baseline: Baseline) -> tuple[ParamSpec, ...]:
    return param_specs(baseline)


def specs(baseline: Baseline) -> tuple[ParamSpec, ...]:
    return _specs(baseline)


def _names(baseline: Baseline) -> set[str]:
    return {spec.name for spec in specs(baseline)}


@lru_cache(maxsize=16)
def options(low: float, high: float, step: float) -> tuple[float, ...]:
    count = round((high - low) / step)
    return tuple(round(low + i * step, 1) + 0.0 for i in range(count + 1))


@lru_cache(maxsize=16)
def _option_labels(t: Translator, low: float, high: float, step: float) -> dict[float, str]:
    return {v: t("economy.unit.pct_year", v=t.number(v, 1)) for v in options(low, high, step)}


def _snap(spec: ParamSpec, value: float) -> float:
    values = options(spec.min, spec.max, spec.step)
    return min(values, key=lambda option: abs(option - value))


def _widget_values(scenario: Scenario, baseline: Baseline) -> dict[str, object]:
    """Every widget key and the value it shows for a scenario."""
    values: dict[str, object] = {}
    for spec in specs(baseline):
        value = field_value(spec, scenario)
        values[key(spec.name)] = _snap(spec, value) if spec.kind == "number" else value  # type: ignore[arg-type]
    values[PER_YEAR] = bool(scenario.growth_by_year)
    return values


def _apply(scenario: Scenario, baseline: Baseline, only_missing: bool = False) -> None:
    for name, value in _widget_values(scenario, baseline).items():
        if not only_missing or name not in st.session_state:
            st.session_state[name] = value


def url_values(baseline: Baseline) -> dict[str, list[str]]:
    names = _names(baseline)
    return {name: st.query_params.get_all(name) for name in st.query_params if name in names}


def init_state(baseline: Baseline) -> None:
    """Widgets from the URL on the first run or for new URL values; else keep state."""
    raw = url_values(baseline)
    flat = {name: values[-1] if values else "" for name, values in raw.items()}
    fresh = STORE not in st.session_state
    new_url = (
        bool(flat) and flat != st.session_state.get(SEEN) and flat != st.session_state.get(STORE)
    )
    if fresh or new_url:
        scenario, notices = parse(raw, baseline)
        _apply(scenario, baseline)
        st.session_state[STORE] = to_query(scenario)
        st.session_state[NOTICES] = notices
    else:
        stored, _ = parse(st.session_state[STORE], baseline)
        _apply(stored, baseline, only_missing=True)
    st.session_state[SEEN] = flat


def scenario_from_state(baseline: Baseline) -> Scenario:
    state = st.session_state
    per_year = bool(state.get(PER_YEAR))
    return scenario_from(
        specs(baseline),
        {
            spec.name: state[key(spec.name)]
            for spec in specs(baseline)
            if spec.year is None or per_year
        },
    )


def reset(baseline: Baseline) -> None:
    """Callback of "back to the plan's assumptions": every widget to its default."""
    _apply(plan_defaults(baseline), baseline)
    st.session_state[NOTICES] = []


def _per_year_switched(baseline: Baseline) -> None:
    """Turning per-year values on starts every year at the single growth value."""
    if st.session_state.get(PER_YEAR):
        growth = st.session_state[key("g")]
        for spec in specs(baseline):
            if spec.year is not None:
                st.session_state[key(spec.name)] = growth


def _slider(
    spec: ParamSpec, label: str, t: Translator, help_text: str | None = None, disabled: bool = False
) -> None:
    labels = _option_labels(t, spec.min, spec.max, spec.step)
    st.select_slider(
        label,
        options=options(spec.min, spec.max, spec.step),
        format_func=labels.__getitem__,
        key=key(spec.name),
        help=help_text,
        disabled=disabled,
    )


def _default(spec: ParamSpec, t: Translator) -> str:
    """A slider's default in its help text the reader's way ("0,2", "−1,5"); the spec
    keeps it as the link writes it ("0.2")."""
    return t.number(float(spec.default), spec.decimals)


def controls(baseline: Baseline, t: Translator) -> None:
    """Draw every control (state already set by ``init_state``); the scenario they give
    is ``scenario_from_state``, known before they are drawn."""
    by_name = {spec.name: spec for spec in specs(baseline)}
    first = baseline.last_year + 1
    per_year = bool(st.session_state.get(PER_YEAR))
    _slider(
        by_name["g"],
        t("economy.param.g", start=first),
        t,
        help_text=t("economy.param.g_help", start=first, default=_default(by_name["g"], t)),
        disabled=per_year,
    )
    st.toggle(
        t("economy.param.per_year"), key=PER_YEAR, on_change=_per_year_switched, args=(baseline,)
    )
    if per_year:
        with st.container(border=True):
            for spec in specs(baseline):
                if spec.year is not None:
                    _slider(spec, t("economy.param.year", year=spec.year), t)
    for name in ("d", "fx", "p"):
        _slider(
            by_name[name],
            t(f"economy.param.{name}"),
            t,
            help_text=t(f"economy.param.{name}_help", default=_default(by_name[name], t)),
        )
    st.radio(
        t("economy.param.basis"),
        options=BASES,
        key=key("basis"),
        format_func=lambda basis: t(f"economy.basis.{basis}"),
        horizontal=True,
    )
    st.caption(t("economy.param.basis_help"))
    st.toggle(t("economy.param.ext"), key=key("ext"))
    _slider(
        by_name["g50"],
        t("economy.param.g50"),
        t,
        help_text=t("economy.param.g50_help", default=_default(by_name["g50"], t)),
    )


def write_url(scenario: Scenario, baseline: Baseline) -> None:
    """Every value into the URL (language untouched); stale per-year values removed."""
    query = to_query(scenario)
    for name in [name for name in st.query_params if name in _names(baseline)]:
        if name not in query:
            del st.query_params[name]
    changed = {
        name: value for name, value in query.items() if st.query_params.get_all(name) != [value]
    }
    if changed:
        st.query_params.update(changed)
    st.session_state[STORE] = query


def show_notices(baseline: Baseline, t: Translator, notices: list[Notice] | None = None) -> None:
    """One warning listing each URL value that could not be used as given (by default
    the notices ``init_state`` kept; a page reading the URL itself passes its own)."""
    if notices is None:
        notices = st.session_state.get(NOTICES) or []
    if not notices:
        return
    by_name = {spec.name: spec for spec in specs(baseline)}
    lines = []
    for notice in notices:
        spec = by_name.get(notice.param)
        label = (
            t("economy.param.year", year=spec.year)
            if spec is not None and spec.year
            else t(f"economy.param_short.{notice.param}")
        )
        value = link_value(notice.value) if notice.value.strip() else t("economy.notice.empty")
        lines.append(
            "- "
            + t(
                f"economy.notice.{notice.kind}",
                param=escape_markdown(notice.param),
                label=label,
                value=value,
                replacement=escape_markdown(_shown_value(notice, spec, t)),
            )
        )
    st.warning(t("economy.notice.heading") + "\n\n" + "\n".join(lines), icon="ℹ️")


def _shown_value(notice: Notice, spec: ParamSpec | None, t: Translator) -> str:
    if spec is not None and spec.kind == "number":
        return t("economy.unit.pct_year", v=t.number(float(notice.replacement), 1))
    if notice.param == "basis":
        return t(f"economy.basis.{notice.replacement}")
    if notice.param == "ext":
        return t(f"economy.ext.{notice.replacement}")
    return notice.replacement


# ---- named scenarios --------------------------------------------------------


def saved() -> list[dict]:
    return st.session_state.setdefault(SAVED, [])


def _save(query: dict[str, str], default_name: str) -> None:
    name = " ".join(str(st.session_state.get(NAME, "")).split())[:MAX_NAME_CHARS]
    name = name or default_name
    kept = [entry for entry in saved() if entry["name"] != name]
    if len(kept) >= MAX_SAVED:
        return
    kept.append({"name": name, "query": dict(query)})
    st.session_state[SAVED] = kept
    st.session_state[NAME] = ""


def _delete(index: int) -> None:
    entries = saved()
    if 0 <= index < len(entries):
        st.session_state[SAVED] = entries[:index] + entries[index + 1 :]


def kept_scenarios(baseline: Baseline) -> list[tuple[str, Scenario]]:
    """The saved scenarios, by name, to draw beside the current one."""
    return [(entry["name"], parse(entry["query"], baseline)[0]) for entry in saved()]


def saved_scenarios_form(
    scenario: Scenario, kept: list[tuple[str, Scenario]], t: Translator
) -> None:
    """Name and keep up to three scenarios, or delete one."""
    full = len(kept) >= MAX_SAVED
    columns = st.columns([3, 1], vertical_alignment="bottom")
    columns[0].text_input(
        t("economy.saved.name"),
        key=NAME,
        max_chars=MAX_NAME_CHARS,
        placeholder=t("economy.saved.placeholder", n=len(kept) + 1),
        disabled=full,
    )
    columns[1].button(
        t("economy.saved.save"),
        key="econ-save",
        on_click=_save,
        args=(to_query(scenario), t("economy.saved.placeholder", n=len(kept) + 1)),
        disabled=full,
        icon=":material/bookmark_add:",
        width="stretch",
    )
    if full:
        st.caption(t("economy.saved.full", n=MAX_SAVED))
    for index, (name, other) in enumerate(kept):
        row = st.columns([5, 1], vertical_alignment="center")
        row[0].markdown(f"**{escape_markdown(name)}** — " + scenario_line(other, t))
        row[1].button(
            t("economy.saved.delete"),
            key=f"econ-del-{index}",
            on_click=_delete,
            args=(index,),
            icon=":material/delete:",
        )

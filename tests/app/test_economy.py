"""The economy page under AppTest: its lazy tabs, both languages, the URL as the scenario,
hostile links, and the controls (growth slider, chart choice, reset, saved scenarios)."""

from __future__ import annotations

import json
from dataclasses import replace

import pyarrow as pa
import pytest

from components.chart_view import script_json
from components.navigation import page_of
from core import chart_text
from core.data import load_table
from core.economy import progress_rows, quality_mix
from core.i18n import LANGUAGES, Translator
from core.model import BASE_YEAR, HORIZON_YEAR, Baseline, plan_defaults, run, summarize
from core.narrative import glossary
from tests.app.conftest import cards, outside_code_spans, run_page
from tests.conftest import DATA
from tests.plan_data import PLAN, PLAN_TABLE

PAGE = "pages/economy.py"
VIEWS = page_of("economy").views
# The defaults as the model derives them from the data (an updated CSV moves them).
OUTTURN = load_table("economy_outturn", DATA)
BASELINE = Baseline.from_outturn(OUTTURN, PLAN)
DEFAULT = plan_defaults(BASELINE)
DEFAULTS = {
    "econ-g": DEFAULT.growth_pct,
    "econ-d": DEFAULT.deflator_pct,
    "econ-fx": DEFAULT.fx_change_pct,
    "econ-p": DEFAULT.population_growth_pct,
    "econ-g50": DEFAULT.growth_2031_2050_pct,
}
DEFAULT_SUMMARY = summarize(BASELINE, DEFAULT)


def whatif(lang: str = "vi", **params) -> object:
    """The page opened on its what-if tab by the link, as a shared scenario link does."""
    return run_page(PAGE, lang, view="whatif", **params)


def url(at, key: str) -> str:
    value = at.query_params[key]
    return value if isinstance(value, str) else value[-1]


def slider(at, key: str) -> float:
    return at.select_slider(key=key).value


def metric(at, key: str, lang: str = "vi") -> str:
    label = Translator(lang, PLAN)(f"economy.metric.{key}")
    return cards(at)[label]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_runs_in_each_language_with_the_plan_defaults(lang):
    at = whatif(lang)
    assert not at.exception
    assert [error.value for error in at.error] == []
    assert at.warning.len == 0
    assert {key: slider(at, key) for key in DEFAULTS} == DEFAULTS
    assert at.radio(key="econ-basis").value == "official"
    t = Translator(lang, PLAN)
    year = DEFAULT_SUMMARY.first_year_target_reached
    assert metric(at, "first_year", lang) == (
        t("economy.metric.not_by", year=HORIZON_YEAR) if year is None else str(year)
    )
    # The numbers follow the language: a "." thousands mark in vi, "," in en.
    shown = t.number(DEFAULT_SUMMARY.per_capita_2030_usd)
    assert shown.count("." if lang == "vi" else ",") == 1
    assert metric(at, "per_capita", lang) == f"{shown} USD"
    assert url(at, "lang") == lang


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_url_reproduces_the_scenario(lang):
    params = {
        "g": "7.5",
        "d": "3",
        "fx": "-1.2",
        "p": "2",
        "basis": "total",
        "ext": "1",
        "g50": "5",
    }
    at = whatif(lang, **params)
    assert not at.exception
    assert at.warning.len == 0
    assert slider(at, "econ-g") == 7.5
    assert slider(at, "econ-d") == 3.0
    assert slider(at, "econ-fx") == -1.2
    assert slider(at, "econ-p") == 2.0
    assert slider(at, "econ-g50") == 5.0
    assert at.radio(key="econ-basis").value == "total"
    assert at.toggle(key="econ-ext").value is True
    assert at.title[0].value == Translator(lang, PLAN)("economy.title")
    assert {key: url(at, key) for key in params} == params


def test_per_year_values_from_the_url():
    at = whatif("vi", g="8", g2026="12", g2030="4")
    assert at.toggle(key="econ-peryear").value is True
    assert slider(at, "econ-g2026") == 12.0
    assert slider(at, "econ-g2030") == 4.0
    assert slider(at, "econ-g2025") == 8.0
    assert url(at, "g2026") == "12"


NASTY = [
    "",
    "NaN",
    "nan",
    "inf",
    "-inf",
    "1e309",
    "-5000",
    "5000",
    "<script>alert(1)</script>",
    "x" * 5000,
    "８",
    "1_0",
    " ",
    "0x10",
    "[b](http://evil)",
]


@pytest.mark.parametrize("value", NASTY, ids=lambda v: repr(v)[:20])
def test_hostile_values_give_defaults_or_clamps_and_a_notice(value):
    at = whatif("en", g=value, d=value, basis=value, ext=value)
    assert not at.exception
    assert [error.value for error in at.error] == []
    g = slider(at, "econ-g")
    assert g in (10.0, -5.0, 20.0)
    assert at.radio(key="econ-basis").value == "official"
    notice = at.warning[0].value
    assert "Some values in the link" in notice
    live = outside_code_spans(notice)
    assert "<script>" not in live
    assert "](http" not in live
    assert len(notice) < 2000


def test_repeated_values_take_the_last_and_bad_ones_are_listed():
    at = whatif("vi", g=["5", "9"], p="abc")
    assert slider(at, "econ-g") == 9.0
    assert slider(at, "econ-p") == DEFAULT.population_growth_pct
    notice = at.warning[0].value
    assert "«p»" in notice
    assert "abc" in notice


def test_moving_growth_changes_the_per_capita_result_and_the_url():
    at = whatif("vi")
    before = metric(at, "per_capita")
    at.select_slider(key="econ-g").set_value(6.0).run()
    assert not at.exception
    assert metric(at, "per_capita") != before
    assert url(at, "g") == "6"


def test_reset_restores_every_default():
    at = whatif("vi", g="4", d="9", fx="5", p="-1", basis="total", g50="2", g2027="15")
    at.button(key="econ-reset").click().run()
    assert not at.exception
    assert {key: slider(at, key) for key in DEFAULTS} == DEFAULTS
    assert at.radio(key="econ-basis").value == "official"
    assert at.toggle(key="econ-peryear").value is False
    assert "g2027" not in at.query_params


def test_saving_a_named_scenario_keeps_it_and_delete_removes_it():
    at = whatif("vi", g="7")
    assert at.text_input.len == 0  # the form is built only when its expander is opened
    at.session_state["econ-saved-box"] = True
    at.run()
    at.text_input(key="econ-name").input("Chậm <b>lại</b>").run()
    at.button(key="econ-save").click().run()
    assert not at.exception
    saved = at.session_state["econ-saved"]
    assert [entry["name"] for entry in saved] == ["Chậm <b>lại</b>"]
    assert saved[0]["query"]["g"] == "7"
    listed = [m.value for m in at.markdown if "Chậm" in m.value]
    assert listed
    assert "<b>" not in listed[0]
    at.select_slider(key="econ-g").set_value(9.0).run()
    assert at.session_state["econ-saved"][0]["query"]["g"] == "7"
    for name in ("B", "C"):
        at.text_input(key="econ-name").input(name).run()
        at.button(key="econ-save").click().run()
    assert len(at.session_state["econ-saved"]) == 3
    assert at.button(key="econ-save").disabled  # three at most
    at.button(key="econ-del-0").click().run()
    assert [entry["name"] for entry in at.session_state["econ-saved"]] == ["B", "C"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_page_opens_on_the_targets_and_runs_no_other_tab(lang):
    t = Translator(lang, PLAN)
    at = run_page(PAGE, lang)
    assert not at.exception
    assert [tab.label for tab in at.tabs] == [t(f"economy.view.{view}") for view in VIEWS]
    assert [header.value for header in at.header] == [t("economy.targets.heading")]
    assert len(at.get("vega_lite_chart")) == 1
    assert at.select_slider.len == 0  # the what-if tab did not run
    assert url(at, "view") == "targets"
    structure = run_page(PAGE, lang, view="structure")
    assert [header.value for header in structure.header] == [t("economy.view.structure")]


def test_a_scenario_link_without_a_view_opens_the_what_if_tab():
    at = run_page(PAGE, "vi", g="8")
    assert slider(at, "econ-g") == 8.0
    assert url(at, "view") == "whatif"


def test_a_bad_view_gets_a_notice_and_the_targets():
    at = run_page(PAGE, "en", view="[x](http://evil)")
    assert not at.exception
    notice = next(info.value for info in at.info if "does not exist" in info.value)
    assert "](http" not in outside_code_spans(notice)
    assert url(at, "view") == "targets"


def test_the_chart_choice_shows_one_chart_at_a_time():
    at = whatif()
    charts = at.get("vega_lite_chart")
    assert len(charts) == 1
    before = charts[0].proto.spec
    at.radio(key="econ-chart").set_value("per_capita").run()
    assert not at.exception
    [after] = at.get("vega_lite_chart")
    assert after.proto.spec != before
    assert "USD" in after.proto.spec


def live_name(at) -> str:
    """The body of the script that names the what-if chart for a screen reader."""
    [script] = [e.proto.body for e in at.get("html") if "__liveChartNames" in e.proto.body]
    return script


def test_a_slider_move_keeps_the_chart_spec_and_renames_the_chart():
    """Issue 14: the browser updates a chart whose spec did not change in place, instead
    of building the view again; the sentence naming it follows the scenario by script."""
    at = whatif()
    [chart] = at.get("vega_lite_chart")
    spec, before = chart.proto.spec, live_name(at)
    assert json.loads(spec)["description"] == Translator("vi")("economy.whatif.chart_index")
    at.select_slider(key="econ-g").set_value(6.0).run()
    assert not at.exception
    [moved] = at.get("vega_lite_chart")
    assert moved.proto.spec == spec
    after = live_name(at)
    assert after != before
    scenario = replace(DEFAULT, growth_pct=6.0)
    sentence = chart_text.scenario_index(Translator("vi", PLAN), run(BASELINE, scenario))
    assert script_json(sentence) in after


def _target_rows(at) -> list[dict]:
    """The rows the targets chart draws: its named dataset, sent beside the spec as Arrow."""
    [chart] = at.get("vega_lite_chart")
    [dataset] = chart.proto.datasets
    assert dataset.name == "rows"
    return pa.ipc.open_stream(dataset.data.data).read_pandas().to_dict("records")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_target_bar_names_the_year_of_its_figure(lang):
    """'5,8%' is the 2021–2024 average and the other figures are 2024's: each label under
    a bar says so, and the line above the chart says which legend is true."""
    t = Translator(lang, PLAN)
    at = run_page(PAGE, lang, view="targets")
    assert not at.exception
    progress = {row.target_id: row for row in progress_rows(OUTTURN, PLAN_TABLE, BASELINE)}
    labels = {row["indicator"]: row["label"] for row in _target_rows(at)}
    growth = labels[t("economy.target_short.growth_2021_2030")]
    assert f"({progress['growth_2021_2030'].period})" in growth
    assert progress["growth_2021_2030"].period == f"{BASE_YEAR + 1}–{BASELINE.last_year}"
    usd = labels[t("economy.target_short.grdp_per_capita_usd")]
    assert f"({BASELINE.last_year})" in usd
    dated = [row for row in progress.values() if row.period is not None]
    assert sum(f"({row.period})" in " ".join(labels.values()) for row in dated) == len(dated)
    legend = t(f"economy.targets.legend_{quality_mix(progress.values())}")
    assert any(legend in block.value for block in at.markdown)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_bad_basis_is_not_a_valid_choice_not_a_bad_number(lang):
    t = Translator(lang, PLAN)
    at = whatif(lang, basis="urban")
    assert not at.exception
    [notice] = [warning.value for warning in at.warning]
    replaced = t(
        "economy.notice.not_a_choice",
        param="basis",
        label=t("economy.param_short.basis"),
        value="`urban`",
        replacement=t("economy.basis.official"),
    )
    # The value sits in a code span whose exact quoting link_value decides: compare around it.
    before, _, after = replaced.partition("`urban`")
    assert before in notice
    assert after in notice
    number = t("economy.notice.invalid", param="P", label="L", value="V", replacement="R")
    assert number.split("V")[1].split("R")[0] not in notice  # "… is not a valid number …"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_slider_help_writes_the_defaults_the_readers_way(lang):
    t = Translator(lang, PLAN)
    at = whatif(lang)
    for name, value in (("d", DEFAULT.deflator_pct), ("fx", DEFAULT.fx_change_pct)):
        help_text = at.select_slider(key=f"econ-{name}").help
        assert t.number(value, 1) in help_text  # "0,2" / "−1,5" in vi, "0.2" / "−1.5" in en
        assert "-" not in help_text.replace("–", "")


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("view", VIEWS)
def test_each_tab_explains_estimate_and_derived_figure(lang, view):
    """Every tab shows "ước tính" / "số liệu tính toán" (bars, a period label, the chart's
    legend): each says once what they mean, since a tab may be the first one opened."""
    at = run_page(PAGE, lang, view=view)
    captions = [c.value for c in at.caption]
    assert captions.count(glossary(Translator(lang, PLAN))) == 1

"""How likely is the plan, on the what-if tab under AppTest: the probability cards, the
ledger and the tornado in both languages, saved scenarios and the simulation carried by
the link, the data vintage, and hostile link values for every new key."""

from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest

from components.likelihood_ui import LINK_NOTICES
from components.slides import SLIDES
from core.data import load_table
from core.i18n import LANGUAGES, Translator
from core.likelihood import Shocks, apply_vintage, history, ledger, simulate
from core.likelihood_link import SavedScenario, encode_saved
from core.likelihood_text import break_even_text, probability_value, target_name
from core.model import TARGET_YEAR as PLAN_YEAR
from core.model import Baseline, plan_defaults
from core.scenario import parse
from tests.app.conftest import cards, outside_code_spans, run_page
from tests.conftest import DATA, REPO
from tests.plan_data import PLAN

PAGE = "pages/economy.py"
BASELINE = Baseline.from_outturn(load_table("economy_outturn", DATA), PLAN)
TARGET_NAMES = {lang: target_name("per_capita", PLAN, Translator(lang)) for lang in LANGUAGES}


def whatif(lang: str = "vi", **params) -> object:
    return run_page(PAGE, lang, view="whatif", **params)


LIKELY_STEP = str(SLIDES.index("likely") + 1)


def likely_slide(lang: str = "en", **params: str) -> AppTest:
    """The presentation's likely screen opened by a link (?present=1&step=…)."""
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=60)
    at.query_params.update({"lang": lang, "present": "1", "step": LIKELY_STEP, **params})
    at.run()
    return at


def probabilities(at, lang: str = "vi") -> dict[str, str]:
    t = Translator(lang)
    names = {target_name(target, PLAN, t) for target in ("growth", "per_capita", "population")}
    # The what-if tab draws them as HTML cards, the slide as st.metric.
    shown = {**{m.label: m.value for m in at.metric}, **cards(at)}
    return {label: value for label, value in shown.items() if label in names}


def ledger_text(at) -> str:
    return "\n".join(m.value for m in at.markdown if "**" in m.value and "- " in m.value)


def spec_text(chart) -> str:
    return json.dumps(json.loads(chart.proto.spec), ensure_ascii=False)


def link_warning(at, lang: str = "en") -> str:
    heading = Translator(lang)("likelihood.notice.heading")
    return next(w.value for w in at.warning if w.value.startswith(heading))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_probability_ledger_and_tornado_in_each_language(lang):
    t = Translator(lang)
    at = whatif(lang)
    assert not at.exception
    assert at.warning.len == 0
    scenario = plan_defaults(BASELINE)
    simulation = simulate(BASELINE, scenario, Shocks.from_history(history(BASELINE)))
    shown = probabilities(at, lang)
    assert len(shown) == 3
    expected = probability_value(simulation.probability("per_capita"), t)
    assert shown[TARGET_NAMES[lang]] == expected
    first = ledger(BASELINE, scenario)[0]
    assert first.status == "reachable"
    assert break_even_text(first, t).replace("(", "\\(").replace(")", "\\)") in ledger_text(at)
    basis = next(c.value for c in at.caption if t.number(simulation.draws) in c.value)
    assert str(len(simulation.record_years)) in basis
    at.radio(key="econ-chart").set_value("tornado").run()
    assert not at.exception
    [tornado] = at.get("vega_lite_chart")
    assert t("likelihood.chart.gap_axis", year=PLAN_YEAR) in spec_text(tornado)
    assert {d.name for d in tornado.proto.datasets} == {"bars", "marks"}
    at.radio(key="econ-chart").set_value("fan").run()
    [fan] = at.get("vega_lite_chart")
    assert t("likelihood.chart.per_capita_axis") in spec_text(fan)
    assert {d.name for d in fan.proto.datasets} == {"fan", "reference"}


def test_the_simulation_and_vintage_go_into_the_link():
    at = whatif("vi", g="8")
    assert at.query_params["seed"] == "2024"
    assert at.query_params["draws"] == "1000"
    assert at.query_params["vintage"] == "revised"


def test_the_same_link_twice_gives_the_same_probabilities_and_another_seed_may_not():
    link = {"g": "9", "seed": "7", "draws": "300"}
    first, again = whatif("en", **link), whatif("en", **link)
    assert probabilities(first, "en") == probabilities(again, "en")
    assert first.query_params["seed"] == "7"
    assert first.query_params["draws"] == "300"


def test_growth_moves_the_probability_and_the_ledger():
    at = whatif("en", g="13")
    before, before_ledger = probabilities(at, "en"), ledger_text(at)
    at.select_slider(key="econ-g").set_value(13.5).run()
    assert not at.exception
    assert probabilities(at, "en") != before
    assert ledger_text(at) != before_ledger


def test_saved_scenarios_in_the_link_reproduce_the_comparison():
    slow, fast = (parse({"g": g}, BASELINE)[0] for g in ("6", "12"))
    link = {
        "s1": encode_saved(SavedScenario("Chậm", slow)),
        "s2": encode_saved(SavedScenario("Nhanh", fast)),
    }
    at = whatif("vi", **link)
    assert not at.exception
    assert [entry["name"] for entry in at.session_state["econ-saved"]] == ["Chậm", "Nhanh"]
    assert at.session_state["econ-saved"][0]["query"]["g"] == "6"
    compare = next(m.value for m in at.markdown if "Chậm" in m.value and "Nhanh" in m.value)
    t = Translator("vi")
    assert t("likelihood.compare.current") in compare
    for scenario in (slow, fast):
        assert t.number(ledger(BASELINE, scenario)[0].needed, 1) in compare
    assert at.query_params["s1"] == link["s1"]
    assert at.query_params["s2"] == link["s2"]
    # The saved scenarios are drawn in the chart as before, beside the plan's path.
    [chart] = at.get("vega_lite_chart")
    assert "Chậm" in spec_text(chart)
    assert "Nhanh" in spec_text(chart)


def test_first_published_estimates_move_the_figures():
    # The same assumptions on both vintages: only the outturn they start from differs.
    same = {"g": "10", "d": "0.2", "fx": "1", "p": "3.3"}
    revised, first = whatif("en", vintage="revised", **same), whatif("en", vintage="first", **same)
    assert not first.exception
    assert first.radio(key="econ-vintage").value == "first"
    assert ledger_text(first) != ledger_text(revised)
    first.radio(key="econ-vintage").set_value("revised").run()
    assert first.query_params["vintage"] == "revised"
    assert ledger_text(first) == ledger_text(revised)


HOSTILE = ["<script>alert(1)</script>", "1e99", "nan", "-1", "first'", "[x](http://evil)"]


@pytest.mark.parametrize("value", HOSTILE)
@pytest.mark.parametrize("key", ["seed", "draws", "vintage", "s1"])
@pytest.mark.parametrize("opened", ["economy", "present"])
def test_hostile_link_values_give_a_notice_and_safe_defaults(opened, key, value):
    """On the what-if tab and on the presentation's likely screen alike."""
    at = (whatif if opened == "economy" else likely_slide)("en", **{key: value})
    assert not at.exception
    assert [e.value for e in at.error] == []
    notice = link_warning(at)
    assert f"“{key}”" in notice
    live = outside_code_spans(notice)
    assert "<script>" not in live
    assert "](http" not in live
    assert len(probabilities(at, "en")) == 3
    assert at.session_state[LINK_NOTICES]
    assert at.query_params.get(key) != value  # the safe value, or none, written back


def test_too_many_draws_are_capped():
    at = whatif("en", draws="999999")
    assert at.query_params["draws"] == "5000"
    assert "5,000" in link_warning(at)


SIMULATION = {"g": "12.5", "seed": "7", "draws": "2000", "vintage": "first"}


def test_the_presentation_shows_the_economy_pages_probabilities_for_a_link():
    t = Translator("en")
    first = Baseline.from_outturn(
        apply_vintage(
            load_table("economy_outturn", DATA), load_table("economy_vintages", DATA), "first"
        ),
        PLAN,
    )
    scenario = parse({"g": "12.5"}, first)[0]
    drawn = simulate(first, scenario, Shocks.from_history(history(first)), seed=7, draws=2000)
    expected = {
        target_name(p.target, PLAN, t): probability_value(p, t) for p in drawn.probabilities
    }
    default = simulate(first, scenario, Shocks.from_history(history(first)))
    assert expected != {
        target_name(p.target, PLAN, t): probability_value(p, t) for p in default.probabilities
    }  # so the seed and draws are really followed
    slide = likely_slide("en", **SIMULATION)
    assert not slide.exception
    assert [w.value for w in slide.warning] == []
    assert probabilities(slide, "en") == expected == probabilities(whatif("en", **SIMULATION), "en")
    assert slide.header[0].value == t("likelihood.first_estimates.slide_heading")
    # The link keeps them as the step changes.
    slide.button(key="present-next").click().run()
    slide.button(key="present-prev").click().run()
    for key in ("seed", "draws", "vintage"):
        assert slide.query_params[key] == SIMULATION[key]
    assert probabilities(slide, "en") == expected


def test_a_page_switch_to_the_presentation_and_back_keeps_the_simulation_and_saved():
    saved = encode_saved(SavedScenario("Nhanh", parse({"g": "12"}, BASELINE)[0]))
    at = whatif("en", s1=saved, **SIMULATION)
    expected = probabilities(at, "en")
    at.sidebar.toggle(key="present-toggle").set_value(True).run()
    assert at.title[0].value == Translator("en")("present.title")
    for key, value in {**SIMULATION, "s1": saved}.items():
        assert at.query_params[key] == value
    # AppTest would otherwise rerun the page it was switched to (economy) every run.
    at.query_params["step"] = LIKELY_STEP
    at.switch_page("pages/present.py").run()
    assert probabilities(at, "en") == expected
    at.button(key="present-exit").click().run()
    assert not at.exception
    assert at.query_params["seed"] == "7"
    assert at.query_params["s1"] == saved
    assert [entry["name"] for entry in at.session_state["econ-saved"]] == ["Nhanh"]
    assert at.radio(key="econ-vintage").value == "first"

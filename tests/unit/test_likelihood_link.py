"""Link keys of the likelihood view: round trips, and hostile values give notices and defaults."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core import likelihood_link as link
from core.model import Scenario
from core.scenario import RANGES
from tests.unit.test_likelihood import BASELINE


def url_number(name: str):
    low, high = RANGES[name]
    return st.integers(round(low * 10), round(high * 10)).map(lambda tenths: tenths / 10)


url_scenarios = st.builds(
    Scenario,
    growth_pct=url_number("g"),
    growth_by_year=st.dictionaries(st.integers(2025, 2030), url_number("g"), max_size=3),
    deflator_pct=url_number("d"),
    fx_change_pct=url_number("fx"),
    population_growth_pct=url_number("p"),
    basis=st.sampled_from(["official", "total"]),
    extend_to_2050=st.booleans(),
    growth_2031_2050_pct=url_number("g50"),
)
names = st.text(
    st.characters(codec="utf-8", categories=("L", "M", "N", "P", "S"), include_characters=" "),
    max_size=link.SAVED_NAME_MAX_CHARS,
).map(str.strip)
states = st.builds(
    link.LinkState,
    seed=st.integers(0, 2**31 - 1),
    draws=st.integers(link.MIN_DRAWS, link.MAX_DRAWS),
    vintage=st.sampled_from(["revised", "first"]),
    saved=st.lists(st.builds(link.SavedScenario, names, url_scenarios), max_size=3).map(tuple),
)


@settings(max_examples=40, deadline=None)
@given(states)
def test_a_link_round_trips(state):
    query = link.to_link_query(state)
    assert link.parse_link(query, BASELINE) == (state, [])


def test_missing_keys_take_the_defaults_silently():
    assert link.parse_link({}, BASELINE) == (link.LinkState(), [])
    assert link.LinkState() == link.LinkState(2024, 1000, "revised", ())


@pytest.mark.parametrize(
    ("key", "raw", "kind", "replacement"),
    [
        ("seed", "<script>alert(1)</script>", "invalid", "2024"),
        ("seed", "1.5", "invalid", "2024"),
        ("seed", "nan", "invalid", "2024"),
        ("seed", "-3", "clamped", "0"),
        ("seed", "999999999999", "clamped", str(2**31 - 1)),
        ("seed", "9" * 400, "invalid", "2024"),
        ("draws", "1e9", "invalid", "1000"),
        ("draws", "5001", "clamped", "5000"),
        ("draws", "3", "clamped", "100"),
        ("draws", "", "invalid", "1000"),
        ("vintage", "latest", "invalid", "revised"),
        ("vintage", "<b>first</b>", "invalid", "revised"),
    ],
)
def test_hostile_settings_give_a_notice_and_a_safe_value(key, raw, kind, replacement):
    state, [notice] = link.parse_link({key: raw}, BASELINE)
    assert (notice.param, notice.kind, notice.replacement) == (key, kind, replacement)
    assert len(notice.value) <= 40
    assert str(getattr(state, key)) == replacement


def test_a_repeated_key_uses_its_last_value():
    state, notices = link.parse_link(
        {"seed": ["5", "6"], "vintage": ["revised", "FIRST"]}, BASELINE
    )
    assert (state.seed, state.vintage, notices) == (6, "first", [])


@pytest.mark.parametrize(
    "raw", ["garbage", "", "x" * (link.SAVED_MAX_CHARS + 1), "<script>:1", "zz:1,yy:2~name"]
)
def test_an_unreadable_saved_scenario_is_dropped_with_a_notice(raw):
    state, [notice] = link.parse_link({"s1": raw}, BASELINE)
    assert state.saved == ()
    assert (notice.param, notice.kind, notice.replacement) == ("s1", "invalid", "")


def test_bad_values_inside_a_saved_scenario_take_defaults_and_are_named():
    raw = "g:nan,d:1e308,fx:abc,zz:1,g:5,basis:<i>~" + "é" * 60
    state, notices = link.parse_link({"s2": raw}, BASELINE)
    [saved] = state.saved
    default = link.parse_link({"s1": "g:10"}, BASELINE)[0].saved[0].scenario
    assert (
        saved.scenario.growth_pct == 10.0
    )  # a malformed g takes the default; the repeat is refused
    assert saved.scenario.deflator_pct == 15.0  # clamped to the slider range
    assert saved.scenario.fx_change_pct == default.fx_change_pct
    assert saved.name == "é" * link.SAVED_NAME_MAX_CHARS
    assert [(n.param, n.kind) for n in notices] == [
        ("s2", "invalid"),
        ("s2", "invalid"),
        ("s2.g", "invalid"),
        ("s2.d", "clamped"),
        ("s2.fx", "invalid"),
        ("s2.basis", "not_a_choice"),
        ("s2.name", "clamped"),
    ]


def test_control_characters_in_a_name_are_removed_with_a_notice():
    state, [notice] = link.parse_link({"s1": "g:8~a\x00b\u202ec"}, BASELINE)
    assert state.saved[0].name == "abc"
    assert (notice.param, notice.kind) == ("s1.name", "clamped")


def test_more_than_three_saved_scenarios_are_refused_with_notices():
    params = {f"s{i}": "g:8" for i in range(1, 7)}
    state, notices = link.parse_link(params, BASELINE)
    assert len(state.saved) == 3
    assert [(n.param, n.kind) for n in notices] == [(f"s{i}", "invalid") for i in (4, 5, 6)]
    with pytest.raises(ValueError, match="saved"):
        link.LinkState(saved=state.saved + state.saved[:1])


@pytest.mark.parametrize(
    "fields", [{"seed": -1}, {"seed": 2**31}, {"draws": 99}, {"draws": 5001}, {"vintage": "x"}]
)
def test_a_state_out_of_range_cannot_be_built(fields):
    with pytest.raises(ValueError, match=r"out of range|vintage"):
        link.LinkState(**fields)

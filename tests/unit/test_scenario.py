"""Unit tests of core.scenario: URL query parameters <-> Scenario."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.model import Baseline, Scenario, plan_defaults
from core.scenario import Notice, ParamSpec, format_number, param_specs, parse, to_query
from tests.plan_data import PLAN

NAN = math.nan

BASELINE = Baseline.from_outturn(
    pd.DataFrame(
        {
            "year": [2020, 2021, 2022, 2023, 2024],
            "grdp_growth_real_pct": [6.0, 2.62, 8.0, 5.0, 7.48],
            "grdp_current_bn_vnd": [380_000.0, 400_000.0, 440_000.0, 470_000.0, NAN],
            "grdp_per_capita_mn_vnd": [NAN, NAN, NAN, NAN, 181.2],
            "population_thousand": [2_580.0, 2_660.0, 2_760.0, 2_800.0, 2_860.0],
            "vnd_per_usd": [23_200.0, 23_160.0, 23_600.0, 23_900.0, 24_160.0],
        }
    ),
    PLAN,
)
DEFAULT = plan_defaults(BASELINE)
# URL forms of the defaults that come from the plan (growth) and reach it (population).
G_DEFAULT = format_number(DEFAULT.growth_pct)
P_DEFAULT = format_number(DEFAULT.population_growth_pct)


def parse_(params):
    return parse(params, BASELINE)


# ---- table -------------------------------------------------------------------------


def test_param_table():
    by_name = {s.name: s for s in param_specs(BASELINE)}
    assert list(by_name) == [
        "g",
        "g2025",
        "g2026",
        "g2027",
        "g2028",
        "g2029",
        "g2030",
        "d",
        "fx",
        "p",
        "basis",
        "ext",
        "g50",
    ]
    assert by_name["g"] == ParamSpec("g", "growth_pct", "number", G_DEFAULT, -5.0, 20.0, 0.1)
    assert by_name["g2027"] == ParamSpec(
        "g2027", "growth_by_year", "number", G_DEFAULT, -5.0, 20.0, 0.1, year=2027
    )
    assert by_name["d"] == ParamSpec("d", "deflator_pct", "number", "2.2", -5.0, 15.0, 0.1)
    assert by_name["fx"] == ParamSpec("fx", "fx_change_pct", "number", "1", -10.0, 15.0, 0.1)
    assert by_name["p"] == ParamSpec(
        "p", "population_growth_pct", "number", P_DEFAULT, -5.0, 10.0, 0.1
    )
    assert by_name["basis"] == ParamSpec(
        "basis", "basis", "choice", "official", choices=("official", "total")
    )
    assert by_name["ext"] == ParamSpec("ext", "extend_to_2050", "choice", "0", choices=("0", "1"))
    assert by_name["g50"] == ParamSpec(
        "g50", "growth_2031_2050_pct", "number", "6", -5.0, 15.0, 0.1
    )
    assert by_name["g"].decimals == 1


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (8.5, "8.5"),
        (10.0, "10"),
        (-0.0, "0"),
        (-0.04, "0"),
        (8.500000001, "8.5"),
        (-4.9, "-4.9"),
        (20.0, "20"),
        (0.1, "0.1"),
        (12.35, "12.3"),
    ],
)
def test_format_number(value, text):
    assert format_number(value) == text


# ---- parse: missing, valid -------------------------------------------------------------


def test_empty_query_gives_plan_defaults_silently():
    assert parse_({}) == (DEFAULT, [])


def test_full_query():
    q = {
        "g": "8.5",
        "g2026": "4",
        "g2030": "12.1",
        "d": "3",
        "fx": "-1.5",
        "p": "2",
        "basis": "total",
        "ext": "1",
        "g50": "5.5",
    }
    assert parse_(q) == (
        Scenario(
            growth_pct=8.5,
            growth_by_year={2026: 4.0, 2030: 12.1},
            deflator_pct=3.0,
            fx_change_pct=-1.5,
            population_growth_pct=2.0,
            basis="total",
            extend_to_2050=True,
            growth_2031_2050_pct=5.5,
        ),
        [],
    )


def test_rounds_to_the_step_without_notice():
    s, notices = parse_({"g": "8.54", "d": " 2.25 ", "fx": "1e0", "p": "+.5"})
    assert (s.growth_pct, s.deflator_pct, s.fx_change_pct, s.population_growth_pct) == (
        8.5,
        2.2,  # round half to even on the binary value of 2.25
        1.0,
        0.5,
    )
    assert notices == []


def test_choices_tolerate_case_and_spaces():
    s, notices = parse_({"basis": " Total ", "ext": "1 "})
    assert (s.basis, s.extend_to_2050, notices) == ("total", True, [])


# ---- parse: malformed ---------------------------------------------------------------------

NASTY = {
    "empty": "",
    "spaces": "   ",
    "letters": "abc",
    "nan": "NaN",
    "inf": "inf",
    "minus_inf": "-Infinity",
    "overflow": "1e309",
    "long": "1" + "0" * 100,
    "long_decimal": "8." + "5" * 60,
    "arabic_indic_digits": "\u0661\u0660",
    "fullwidth_digits": "\uff18",
    "superscript": "\u00b2",
    "underscore": "1_0",
    "comma_decimal": "8,5",
    "script": "<script>alert(1)</script>",
    "html": '<img src=x onerror="alert(1)">',
    "percent": "10%",
    "two_dots": "1.2.3",
    "hex": "0x10",
    "nul": "5\x00",
}


@pytest.mark.parametrize("raw", NASTY.values(), ids=NASTY.keys())
@pytest.mark.parametrize(("param", "field"), [("g", "growth_pct"), ("d", "deflator_pct")])
def test_malformed_number_gives_default_and_invalid_notice(param, field, raw):
    s, notices = parse_({param: raw})
    assert s == DEFAULT
    expected_default = format_number(getattr(DEFAULT, field))
    shown = "".join(c if c.isprintable() else "\ufffd" for c in raw)
    shown = shown if len(shown) <= 40 else shown[:39] + "…"
    assert notices == [Notice(param, shown, "invalid", expected_default)]
    assert len(notices[0].value) <= 40


@pytest.mark.parametrize("raw", ["", "urban", "OFFICIALX", "<b>total</b>", "1"])
def test_malformed_basis(raw):
    assert parse_({"basis": raw}) == (DEFAULT, [Notice("basis", raw, "not_a_choice", "official")])


@pytest.mark.parametrize("raw", ["", "yes", "true", "2", "1.0", "-1"])
def test_malformed_ext(raw):
    assert parse_({"ext": raw}) == (DEFAULT, [Notice("ext", raw, "not_a_choice", "0")])


def test_long_value_is_truncated_in_notice():
    raw = "x" * 5000
    _, notices = parse_({"g": raw})
    assert notices == [Notice("g", "x" * 39 + "…", "invalid", G_DEFAULT)]


# ---- parse: out of range -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("param", "raw", "field", "used"),
    [
        ("g", "25", "growth_pct", 20.0),
        ("g", "-5.06", "growth_pct", -5.0),
        ("g", "20.06", "growth_pct", 20.0),
        ("g", "1e308", "growth_pct", 20.0),
        ("d", "-99", "deflator_pct", -5.0),
        ("fx", "15.2", "fx_change_pct", 15.0),
        ("fx", "-11", "fx_change_pct", -10.0),
        ("p", "-7", "population_growth_pct", -5.0),
        ("p", "10.1", "population_growth_pct", 10.0),
        ("g50", "16", "growth_2031_2050_pct", 15.0),
    ],
)
def test_out_of_range_is_clamped_with_notice(param, raw, field, used):
    s, notices = parse_({param: raw})
    assert getattr(s, field) == used
    assert notices == [Notice(param, raw, "clamped", format_number(used))]


def test_just_inside_range_after_rounding_is_not_clamped():
    s, notices = parse_({"g": "20.04", "p": "-5.04"})
    assert (s.growth_pct, s.population_growth_pct, notices) == (20.0, -5.0, [])


# ---- repeated parameters, unknown keys, overrides ---------------------------------------------


def test_repeated_parameter_takes_the_last_value():
    s, notices = parse_({"g": ["5", "abc", "7.5"], "basis": ["total", "official"]})
    assert (s.growth_pct, s.basis, notices) == (7.5, "official", [])


def test_repeated_parameter_last_value_is_validated():
    s, notices = parse_({"g": ["7.5", "abc"]})
    assert s.growth_pct == DEFAULT.growth_pct
    assert notices == [Notice("g", "abc", "invalid", G_DEFAULT)]


def test_empty_list_counts_as_missing():
    assert parse_({"g": []}) == (DEFAULT, [])


def test_unknown_keys_are_ignored():
    q = {"g2019": "3", "g2024": "3", "g2031": "3", "gfoo": "3", "G": "3", "x": "<script>"}
    assert parse_(q) == (DEFAULT, [])


def test_per_year_overrides():
    s, notices = parse_({"g": "9", "g2025": "6.5", "g2029": "25"})
    assert s.growth_pct == 9.0
    assert s.growth_by_year == ((2025, 6.5), (2029, 20.0))
    assert notices == [Notice("g2029", "25", "clamped", "20")]
    assert to_query(s)["g2025"] == "6.5"
    assert "g2026" not in to_query(s)


def test_malformed_override_is_dropped_and_follows_g():
    s, notices = parse_({"g": "9", "g2027": "abc"})
    assert s.growth_by_year == ()
    assert s.growth_for(2027) == 9.0
    assert notices == [Notice("g2027", "abc", "invalid", "9")]


def test_notices_follow_table_order():
    _, notices = parse_({"g50": "x", "basis": "x", "g": "x", "d": "99"})
    assert [n.param for n in notices] == ["g", "d", "basis", "g50"]


# ---- to_query and round trip ----------------------------------------------------------------


def test_to_query_of_defaults():
    assert to_query(DEFAULT) == {
        "g": G_DEFAULT,
        "d": "2.2",
        "fx": "1",
        "p": P_DEFAULT,
        "basis": "official",
        "ext": "0",
        "g50": "6",
    }


def on_grid(lo: float, hi: float):
    return st.integers(round(lo * 10), round(hi * 10)).map(lambda k: round(k / 10, 1))


valid_scenarios = st.builds(
    Scenario,
    growth_pct=on_grid(-5, 20),
    growth_by_year=st.dictionaries(st.integers(2025, 2030), on_grid(-5, 20)),
    deflator_pct=on_grid(-5, 15),
    fx_change_pct=on_grid(-10, 15),
    population_growth_pct=on_grid(-5, 10),
    basis=st.sampled_from(["official", "total"]),
    extend_to_2050=st.booleans(),
    growth_2031_2050_pct=on_grid(-5, 15),
)


@given(valid_scenarios)
def test_round_trip(s):
    q = to_query(s)
    assert all(isinstance(v, str) and len(v) <= 8 for v in q.values())
    assert parse(q, BASELINE) == (s, [])


@given(valid_scenarios)
def test_round_trip_through_lists(s):
    q = {k: ["junk", v] for k, v in to_query(s).items()}
    assert parse(q, BASELINE) == (s, [])


raw_values = st.one_of(
    st.text(max_size=60),
    st.floats().map(str),
    st.decimals(allow_nan=True).map(str),
    st.sampled_from(["official", "total", "0", "1", " 1 "]),
)


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(
    st.dictionaries(
        st.sampled_from([s.name for s in param_specs(BASELINE)] + ["zz", "g2031"]),
        st.one_of(raw_values, st.lists(raw_values, max_size=3)),
    )
)
def test_parse_never_raises_and_gives_a_valid_scenario(params):
    s, notices = parse(params, BASELINE)
    assert isinstance(s, Scenario)
    assert parse(to_query(s), BASELINE) == (s, [])
    assert all(
        n.kind in ("invalid", "not_a_choice", "clamped") and len(n.value) <= 40 for n in notices
    )
    assert len({n.param for n in notices}) == len(notices)

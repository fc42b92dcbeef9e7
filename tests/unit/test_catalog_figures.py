"""No catalog string types a plan figure: the plan's targets and years reach the text as
placeholders (core.i18n.PLAN_YEARS, Translator.plan_figures), so data/plan_targets.csv and
core.plan stay their one home.

The forbidden numbers are derived, not listed: every value_min/value_max of
data/plan_targets.csv as written there and as either language shows it (with and without
thousands separators), and the plan's years (base, first and last of 2021–2030, first of
2031–2050, horizon). A number in a calendar date (1/7/2025, 1 July 2025) is not a plan
figure; any other number that only happens to equal one is listed in EXCEPTIONS, with why.
"""

from __future__ import annotations

import re

import pandas as pd
import pytest

from core.i18n import LANGUAGES, PLAN_YEARS, Translator, catalog, decimals_needed, format_number
from tests.conftest import DATA
from tests.plan_data import PLAN

NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
PLACEHOLDER = re.compile(r"\{[^{}]*\}")
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
DATE = re.compile(rf"\b\d{{1,2}}/\d{{1,2}}/\d{{4}}\b|\b\d{{1,2}} (?:{MONTHS}) \d{{4}}\b")

#: (catalog key, number) -> why the number is not a plan figure.
EXCEPTIONS = {
    ("present.notice_step_clamped", "1"): "the presentation's first step",
    ("present.notice_present", "1"): "the link value that turns presenting on",
    ("present.notice_present_page", "1"): "the link value that turns presenting on",
    ("zones.notice_zone", "1"): "a zone number, the link's first allowed value",
    ("zones.notice_zone", "2"): "a zone number, the link's second allowed value",
}


def _shown_forms(raw: str) -> set[str]:
    """A plan_targets.csv value as written there and as each language shows it."""
    value = float(raw)
    forms = {raw}
    for lang in LANGUAGES:
        for decimals in {decimals_needed(value), len(raw.partition(".")[2])}:
            shown = format_number(value, lang, decimals)
            forms.add(shown)
            if decimals == 0:
                forms.add(shown.replace(".", "").replace(",", ""))
    return forms


def forbidden_numbers() -> set[str]:
    forms = {str(year) for year in PLAN_YEARS.values()}
    written = pd.read_csv(DATA / "plan_targets.csv", dtype=str)  # as typed in the file
    for column in ("value_min", "value_max"):
        for raw in written[column]:
            forms |= _shown_forms(raw)
    return forms


FORBIDDEN = forbidden_numbers()


def typed_figures(text: str) -> list[str]:
    """The numbers a catalog string types that equal a plan figure."""
    bare = DATE.sub("", PLACEHOLDER.sub("", text))
    return [number for number in NUMBER.findall(bare) if number in FORBIDDEN]


def test_the_forbidden_numbers_come_from_the_plan_data():
    assert {"2020", "2021", "2030", "2031", "2050"} <= FORBIDDEN
    for lang in LANGUAGES:
        for value in (PLAN.per_capita_usd, PLAN.population_official_thousand / 1000):
            assert format_number(value, lang, decimals_needed(value)) in FORBIDDEN
    assert str(int(PLAN.per_capita_usd)) in FORBIDDEN  # without thousands separators


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Cần/năm để có 15.800 USD", ["15.800"]),
        ("Needed/yr for 15,800 USD", ["15,800"]),
        ("Avg growth/yr 2021–30", ["2021", "30"]),  # "30" is also the digital-economy share
        ("Plan path, 10% a year", ["10"]),
        ("{plan_per_capita} USD, {plan_start_year}–{target_year}", []),
        ("Từ ngày 1/7/2025", []),
        ("Since 1 July 2025", []),
        ("{v}/10.000 dân", []),
    ],
)
def test_the_scan_finds_typed_figures_and_nothing_else(text, found):
    assert typed_figures(text) == found


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_catalog_string_types_a_plan_figure(lang):
    typed = {
        (key, number): text
        for key, text in catalog(lang).items()
        for number in typed_figures(text)
        if (key, number) not in EXCEPTIONS
    }
    assert typed == {}


def test_every_exception_is_still_needed():
    used = {
        (key, number)
        for lang in LANGUAGES
        for key, text in catalog(lang).items()
        for number in typed_figures(text)
    }
    assert set(EXCEPTIONS) <= used


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_placeholders_show_the_plans_figures(lang):
    t = Translator(lang, PLAN)
    shown = t("economy.metric.needed_pc")
    assert format_number(PLAN.per_capita_usd, lang) in shown
    assert t("overview.title").count(str(PLAN_YEARS["target_year"])) == 1

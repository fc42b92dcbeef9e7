"""Text rules over every catalog string (issue 18): Vietnamese numbers with a decimal
comma, one minus sign "−" in both languages, Vietnamese dates on Vietnamese strings,
and numbers the Translator writes following the same rules.

Placeholders are left out of the scan (their values come formatted by t.number);
names that carry a dotted version (WCAG 2.1, GPL-3.0) are not numbers."""

from __future__ import annotations

import re

import pytest

from core.i18n import LANGUAGES, MINUS, Translator, catalog, format_number

PLACEHOLDER = re.compile(r"\{[^{}]*\}")
#: Names, not numbers: a standard's or a licence's version.
VERSIONED_NAMES = re.compile(r"WCAG \d\.\d|GPL-\d\.\d")
#: A decimal point in Vietnamese: "0.2", "5.8" (a thousands mark has three digits after it).
POINT_DECIMAL = re.compile(r"(?<![\d.])\d+\.(?:\d{1,2}|\d{4,})(?![\d.])")
#: An ASCII hyphen used as a minus: before a digit, after a space, a bracket or a sign.
HYPHEN_MINUS = re.compile(r"(?:^|[\s(\[«“:=/])-\s?\d")
ISO_DATE = re.compile(r"\b\d{4}-\d{2}(?:-\d{2})?\b")


def bare(text: str) -> str:
    return VERSIONED_NAMES.sub("", PLACEHOLDER.sub("", text))


@pytest.mark.parametrize(
    ("rule", "text", "found"),
    [
        (POINT_DECIMAL, "Mặc định 0.2%/năm", ["0.2"]),
        (POINT_DECIMAL, "tăng 5.8% và 15.800 USD, 10.000 dân", ["5.8"]),
        (POINT_DECIMAL, "4,04 triệu người, 1.234.567", []),
        (HYPHEN_MINUS, "từ -5 đến 10", [" -5"]),
        (HYPHEN_MINUS, "Bình Dương - Bình Phước, 2021-2030, GPL-3", []),
        (ISO_DATE, "cập nhật 2024-08-03", ["2024-08-03"]),
        (ISO_DATE, "ngày 3/8/2024, 2021–2030", []),
    ],
)
def test_each_rule_finds_what_it_should_and_nothing_else(rule, text, found):
    assert [match.group(0) for match in rule.finditer(bare(text))] == found


def test_no_vietnamese_string_has_a_decimal_point():
    found = {key: text for key, text in catalog("vi").items() if POINT_DECIMAL.search(bare(text))}
    assert found == {}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_one_minus_sign_throughout(lang):
    found = {key: text for key, text in catalog(lang).items() if HYPHEN_MINUS.search(bare(text))}
    assert found == {}


def test_no_iso_date_on_a_vietnamese_string():
    found = {key: text for key, text in catalog("vi").items() if ISO_DATE.search(text)}
    assert found == {}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_translator_writes_negative_numbers_with_the_minus_sign(lang):
    shown = format_number(-1.5, lang, 1)
    assert shown == MINUS + ("1,5" if lang == "vi" else "1.5")
    assert "-" not in Translator(lang).number(-12_345)
    assert Translator(lang).number(0.2, 1) == ("0,2" if lang == "vi" else "0.2")

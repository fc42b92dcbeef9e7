"""Text rules over every catalog string (issue 18): Vietnamese numbers with a decimal
comma, one minus sign "−" in both languages, Vietnamese dates on Vietnamese strings,
and numbers the Translator writes following the same rules.

Placeholders are left out of the scan (their values come formatted by t.number);
names that carry a dotted version (WCAG 2.1, GPL-3.0) are not numbers."""

from __future__ import annotations

import csv
import json
import re
import unicodedata

import pytest

from core.i18n import LANGUAGES, MINUS, Translator, catalog, format_number
from core.narrative import glossary_lines
from tests.conftest import DATA

PLACEHOLDER = re.compile(r"\{[^{}]*\}")
#: Names, not numbers: a standard's or a licence's version.
VERSIONED_NAMES = re.compile(r"WCAG \d\.\d|GPL-\d\.\d")
#: A decimal point in Vietnamese: "0.2", "5.8" (a thousands mark has three digits after it).
POINT_DECIMAL = re.compile(r"(?<![\d.])\d+\.(?:\d{1,2}|\d{4,})(?![\d.])")
#: An ASCII hyphen used as a minus: before a digit, after a space, a bracket or a sign.
HYPHEN_MINUS = re.compile(r"(?:^|[\s(\[«“:=/])-\s?\d")
ISO_DATE = re.compile(r"\b\d{4}-\d{2}(?:-\d{2})?\b")
#: A range of years with a hyphen ("2021-2030", "2021 - 30"); an ISO date is not one.
HYPHEN_YEARS = re.compile(r"\b(?:19|20)\d\d ?- ?(?:(?:19|20)\d\d|\d\d)\b(?![-/]\d)")
#: A spaced hyphen joining the parts of a compound name ("công nghiệp - xây dựng").
SPACED_HYPHEN = re.compile(r"\s-\s")


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
        (HYPHEN_YEARS, "thời kỳ 2021-2030, 2021 - 30, 2020–2025", ["2021-2030", "2021 - 30"]),
        (HYPHEN_YEARS, "cập nhật 2024-08-03, 790/QĐ-TTg, GRDP 2024-", []),
        (SPACED_HYPHEN, "công nghiệp - xây dựng, công nghiệp – xây dựng", [" - "]),
        (SPACED_HYPHEN, "transit-oriented, QĐ-TTg, −5", []),
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


# --- English keeps the diacritics of Vietnamese place names (issue 18) -------------------

#: Places the app's English names that are not units of data/districts.csv, units_2025.csv
#: or region.geojson (ports, airports, border gates, the former town a port lies in).
OTHER_PLACES = ("Cái Mép", "Thị Vải", "Cần Giờ", "Long Thành", "Tân Sơn Nhất", "Mộc Bài", "Hoa Lư")
OTHER_PLACES += ("Phú Mỹ", "Thạnh An", "Bà Rịa", "Vũng Tàu")
#: Unit-type words that lead a Vietnamese unit name ("Phường Phú Lợi" names "Phú Lợi").
UNIT_PREFIX = re.compile(r"^(?:Phường|Xã|Tỉnh|Thành phố) ")
#: sources.csv quotes published English headlines as they were printed ("Binh Duong sets
#: to achieve…"), located_areas.csv its sources' own words: both are left as written.
VERBATIM_COLUMNS = {("sources.csv", "label_en"), ("located_areas.csv", "quote")}


def _place_names() -> set[str]:
    names = set(OTHER_PLACES)
    for table, column in (("districts.csv", "name_vi"), ("units_2025.csv", "name_vi")):
        with (DATA / table).open(encoding="utf-8", newline="") as fh:
            names |= {UNIT_PREFIX.sub("", row[column]) for row in csv.DictReader(fh)}
    region = json.loads((DATA / "geo" / "region.geojson").read_text(encoding="utf-8"))
    names |= {UNIT_PREFIX.sub("", f["properties"]["name_vi"]) for f in region["features"]}
    return names


def _undiacritised(names: set[str]) -> re.Pattern:
    """A place's name stripped of its diacritics, unless that is another place's name."""
    bare = {
        unicodedata.normalize("NFD", name.replace("Đ", "D").replace("đ", "d")) for name in names
    }
    bare = {"".join(c for c in name if not unicodedata.combining(c)) for name in bare} - names
    return re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, bare))) + r")\b")


def _english_texts() -> dict[str, str]:
    """Every English string the app can show: the catalog, the curated tables' English
    columns and the map files' English names."""
    texts = {f"en:{key}": text for key, text in catalog("en").items()}
    for path in sorted(DATA.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as fh:
            for line, row in enumerate(csv.DictReader(fh), start=2):
                for column, value in row.items():
                    english = column.endswith("_en") or column in {"quote", "label_en"}
                    if english and (path.name, column) not in VERBATIM_COLUMNS:
                        texts[f"{path.name}:{line}:{column}"] = value
    for path in sorted((DATA / "geo").glob("*.geojson")):
        for number, feature in enumerate(json.loads(path.read_text(encoding="utf-8"))["features"]):
            texts[f"{path.name}:{number}:name_en"] = feature["properties"].get("name_en", "")
    return texts


def test_the_place_rule_finds_a_bare_name_and_not_a_real_one():
    rule = _undiacritised({"Thủ Dầu Một", "Thạnh An", "Thanh An"})
    assert rule.findall("Thu Dau Mot, Thủ Dầu Một, Thanh An") == ["Thu Dau Mot"]


def test_english_keeps_the_diacritics_of_place_names():
    rule = _undiacritised(_place_names())
    found = {key: rule.findall(text) for key, text in _english_texts().items() if rule.search(text)}
    assert found == {}


# --- Stray capitals: only the first word and proper names (issue 18) ----------------------

#: Names the catalogs may write with several capitals, beside the places of _place_names.
PROPER_NAMES = (
    "Ban Chỉ đạo",  # the provincial steering committee
    "Bộ Thông tin và Truyền thông",
    "Bình Dương Plan Explorer",
    "Thang Le Quoc",  # a data author, as his project spells his name
    "Hòa Phú",  # the former ward the IT park lies in
    "Prime Minister",
    "World Bank",
    "Ring Road",
    "English",
    "Vietnamese",
)
WORD = re.compile(r"\w+|[^\w\s]")


def title_case_runs(text: str, names: tuple[str, ...]) -> list[str]:
    """Runs of two or more capitalised words ("Mục Tiêu Kinh Tế") once names are set aside."""
    for name in names:
        text = text.replace(name, " · ")
    runs, run = [], []
    for word in [*WORD.findall(PLACEHOLDER.sub(" · ", text)), "·"]:
        if word.isalpha() and word[0].isupper() and word[1:] == word[1:].lower():
            run.append(word)
            continue
        if len(run) > 1:
            runs.append(" ".join(run))
        run = []
    return runs


def test_the_capitals_rule_finds_title_case_and_spares_names():
    names = ("Bình Dương", "Hồ Chí Minh")
    assert title_case_runs("Mục Tiêu Kinh Tế năm {year}", names) == ["Mục Tiêu Kinh Tế"]
    assert title_case_runs("Mục tiêu. Khu Công nghệ", names) == ["Khu Công"]
    assert title_case_runs("Tỉnh Bình Dương thuộc TP Hồ Chí Minh. Quy hoạch", names) == []
    assert title_case_runs("Economic Goals", names) == ["Economic Goals"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_labels_capitalise_only_the_first_word_and_proper_names(lang):
    names = tuple(sorted({*_place_names(), *PROPER_NAMES}, key=len, reverse=True))
    found = {
        key: runs for key, text in catalog(lang).items() if (runs := title_case_runs(text, names))
    }
    assert found == {}


# --- Jargon explained where it is used (issue 18) -----------------------------------------

#: Acronyms the public may not know, with the words that must stand beside them.
JARGON = {
    "IOC": {
        "vi": "trung tâm giám sát, điều hành thông minh",
        "en": "intelligent operations centre",
    },
    "TOD": {
        "vi": "phát triển đô thị theo định hướng giao thông công cộng",
        "en": "transit-oriented development",
    },
}
#: The sources' own words are quoted as they stand.
QUOTED = re.compile(r"^quote|_quote$")


def _shown_texts(lang: str) -> dict[str, str]:
    """Every string a page shows in ``lang``: its catalog and the tables' own columns."""
    texts = {f"{lang}:{key}": text for key, text in catalog(lang).items()}
    for path in sorted(DATA.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as fh:
            for line, row in enumerate(csv.DictReader(fh), start=2):
                for column, value in row.items():
                    if column.endswith(f"_{lang}") and not QUOTED.search(column):
                        texts[f"{path.name}:{line}:{column}"] = value or ""
    return texts


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_acronym_is_spelled_out_where_it_is_used(lang):
    unexplained = {
        key: acronym
        for key, text in _shown_texts(lang).items()
        for acronym, words in JARGON.items()
        if re.search(rf"\b{acronym}\b", text) and words[lang] not in text.casefold()
    }
    assert unexplained == {}


def test_the_quality_labels_have_their_glossary_in_both_languages():
    for lang in LANGUAGES:
        t = Translator(lang)
        lines = glossary_lines(t)
        assert [line.split(":")[0].casefold() for line in lines] == [
            t("economy.quality.estimate").casefold(),
            t("economy.quality.derived").casefold(),
        ]


# --- Dashes: en dash in year ranges and compound names (issue 18) -------------------------

#: Quotations and published titles are left as written ("thời kỳ 2021 - 2030" in a title).
QUOTATION = re.compile(r"“[^”]*”")


def _reader_texts(lang: str) -> dict[str, str]:
    """The catalog and the tables' columns in ``lang`` a page shows (quotation columns
    left out, see _shown_texts), each without the quotations and titles in it."""
    return {key: QUOTATION.sub("“”", text) for key, text in _shown_texts(lang).items()}


def test_the_dash_scan_leaves_quotations_alone():
    assert QUOTATION.sub("“”", "Quyết định, “Quy hoạch thời kỳ 2021-2030”, 3/8/2024") == (
        "Quyết định, “”, 3/8/2024"
    )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_year_ranges_take_an_en_dash(lang):
    found = {
        key: HYPHEN_YEARS.findall(bare(text))
        for key, text in _reader_texts(lang).items()
        if HYPHEN_YEARS.search(bare(text))
    }
    assert found == {}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_compound_names_take_an_en_dash(lang):
    found = {key: text for key, text in _reader_texts(lang).items() if SPACED_HYPHEN.search(text)}
    assert found == {}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_hyphen_for_a_minus_in_the_tables_either(lang):
    found = {
        key: text for key, text in _reader_texts(lang).items() if HYPHEN_MINUS.search(bare(text))
    }
    assert found == {}

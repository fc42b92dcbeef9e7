"""Key–value facts (it_park.csv) in the reader's language, and the site's area as published."""

from __future__ import annotations

import pandas as pd
import pytest

from core.facts import Facts, fact_number
from core.i18n import Translator

TABLE = pd.DataFrame(
    {
        "key": ["name", "area_ha", "lon", "note"],
        "value_vi": ["Khu CNTT tập trung", "60,2", "106,6", None],
        "value_en": ["IT park", "60.2", "not known", None],
        "source": ["a", "b", "c", "d"],
    }
)


@pytest.mark.parametrize(
    ("lang", "name", "area"), [("vi", "Khu CNTT tập trung", "60,2"), ("en", "IT park", "60.2")]
)
def test_facts_speak_the_reader_language(lang, name, area):
    t = Translator(lang)
    facts = Facts(TABLE, t)
    assert facts.text("name") == name
    assert facts.text("note") is None
    assert facts.text("missing") is None
    assert facts.area_text() == t("it_park.area_value", v=area)


def test_numbers_are_read_from_the_english_column_and_must_be_finite():
    rows = TABLE.set_index("key")
    assert fact_number(rows, "area_ha") == pytest.approx(60.2)
    assert fact_number(rows, "lon") is None
    assert fact_number(rows, "missing") is None


def test_no_area_no_area_text():
    facts = Facts(TABLE[TABLE["key"] != "area_ha"], Translator("en"))
    assert facts.area_text() is None
    assert facts.sources(["name", "missing", "lon"]) == ["a", "c"]

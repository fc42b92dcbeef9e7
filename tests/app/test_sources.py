"""The Sources page lists every row of sources.csv, the 2025 ward boundaries among them."""

from __future__ import annotations

import pytest

from core.data import load_table
from core.i18n import LANGUAGES
from tests.app.conftest import run_page
from tests.conftest import DATA

SOURCES = load_table("sources", DATA)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_source_and_the_ward_boundaries_licence_are_listed(lang):
    at = run_page("pages/sources.py", lang)
    assert not at.exception
    text = " ".join(m.value for m in at.markdown)
    assert all(f"`{source_id}`" in text for source_id in SOURCES["id"])
    licence = next(
        m.value for m in at.markdown if "vnpdb_wards_2025" in m.value and "MIT" in m.value
    )
    assert "vietnamese-provinces-database" in licence

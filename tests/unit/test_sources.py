"""Public source labels: what footers, slides and the PDF print (issue 18)."""

from __future__ import annotations

import re

import pytest

from core.data import data_dir, load_table
from core.i18n import format_iso_date
from core.sources import INTERNAL_MARKS, public_label, public_link

ISO_DATE = re.compile(r"\b\d{4}-\d{2}(-\d{2})?\b")


@pytest.fixture(scope="module")
def sources():
    return load_table("sources", data_dir())


def _is_code_dataset(row) -> bool:
    """A repository that is itself the publisher (boundary and ward datasets)."""
    return row["kind"] == "dataset" and "GitHub" in row["label_en"] and "GitHub" in row["label_vi"]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_no_public_label_names_internal_files_tools_or_versions(sources, lang):
    leaks = {
        row["id"]: mark
        for _, row in sources.iterrows()
        for mark in INTERNAL_MARKS
        if mark.lower() in public_label(row, lang).lower()
    }
    assert leaks == {}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_labels_give_the_date_in_the_readers_format_never_iso(sources, lang):
    for _, row in sources.iterrows():
        label = public_label(row, lang)
        assert not ISO_DATE.search(label), row["id"]
        if isinstance(row["date"], str):
            assert format_iso_date(row["date"], lang) in label, row["id"]


def test_documents_are_cited_by_number(sources):
    for _, row in sources[sources["kind"].isin(["decision", "resolution"])].iterrows():
        for lang in ("vi", "en"):
            assert row["document_number"] in public_label(row, lang), row["id"]


def test_public_links_are_the_publishers_own_pages(sources):
    for _, row in sources.iterrows():
        link = public_link(row) or ""
        if "github.com" in link:
            assert _is_code_dataset(row), row["id"]
    by_id = sources.set_index("id")
    # The exchange rate was read from a copy in someone's repository; the public sees the
    # World Bank's own indicator page.
    assert public_link(by_id.loc["wb_wdi_fx_2026_07"]).startswith(
        "https://data.worldbank.org/indicator/PA.NUS.FCRF"
    )
    assert public_link(by_id.loc["qd_790_2024"]) is None


def test_the_leak_check_would_catch_a_curators_note(sources):
    row = sources.iloc[0].copy()
    row["label_vi"] = "ThinkTank.vn, data/raw/planning_article_vi.txt"
    assert [m for m in INTERNAL_MARKS if m.lower() in public_label(row, "vi").lower()]

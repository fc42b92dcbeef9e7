"""The Sources page lists every row of sources.csv, the 2025 ward boundaries among them,
with the curators' records folded under a translated "technical details" summary."""

from __future__ import annotations

from html import escape

import pandas as pd
import pytest

from core.data import load_table
from core.i18n import LANGUAGES, Translator
from tests.app.conftest import run_page
from tests.conftest import DATA

SOURCES = load_table("sources", DATA)
PAGE = "pages/sources.py"


def source_list(at) -> str:
    """The one HTML element holding the list and the curators' records."""
    [body] = [h.proto.body for h in at.get("html") if 'class="source-list"' in h.proto.body]
    return body


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_source_and_the_ward_boundaries_licence_are_listed(lang):
    at = run_page(PAGE, lang)
    assert not at.exception
    body = source_list(at)
    public, technical = body.split("<details", 1)
    assert all(f"<code>{source_id}</code>" in public for source_id in SOURCES["id"])
    assert all(f"<code>{source_id}</code>" in technical for source_id in SOURCES["id"])
    licence = next(
        m.value for m in at.markdown if "vnpdb_wards_2025" in m.value and "MIT" in m.value
    )
    assert "vietnamese-provinces-database" in licence


@pytest.mark.parametrize("lang", LANGUAGES)
def test_public_labels_are_linked_and_the_records_fold_under_a_translated_summary(lang):
    t = Translator(lang)
    body = source_list(run_page(PAGE, lang))
    public, technical = body.split("<details", 1)
    linked = SOURCES[SOURCES["public_url"].notna()].iloc[0]
    label = linked["label_vi" if lang == "vi" else "label_en"]
    assert f'<a href="{escape(linked["public_url"])}"' in public
    assert escape(label) in public
    assert escape(t(f"sources.kind.{linked['kind']}")) in public
    assert f"<summary>{escape(t('sources.technical_heading'))}</summary>" in technical
    assert escape(t("sources.technical_intro")) in technical
    note = escape(linked["note"], quote=False)[:60]
    assert note in technical
    assert note not in public  # the curators' note is only in the fold


def test_data_text_is_shown_as_text_not_markup(damaged_data):
    path = damaged_data / "sources.csv"
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame.loc[0, "label_vi"] = "<img src=x onerror=alert(1)> Nhãn"
    frame.loc[0, "note"] = "<script>alert(1)</script> see https://example.org/a_b"
    frame.to_csv(path, index=False)
    at = run_page(PAGE, "vi")
    assert not at.exception
    body = source_list(at)
    assert "<img" not in body
    assert "<script" not in body
    assert "&lt;img src=x onerror=alert(1)&gt; Nhãn" in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt; see <code>https://example.org/a_b</code>" in body

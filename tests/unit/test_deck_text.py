"""Text the zones map's tooltips carry: citations without a placeholder for a missing date."""

from __future__ import annotations

import pandas as pd

from components.deck import source_line

SOURCES = pd.DataFrame(
    {
        "id": ["dated", "undated"],
        "publisher": ["Thanh Niên", "Wikipedia"],
        "date": ["2025-08-22", None],
    }
)


def test_a_source_without_a_date_is_cited_by_its_publisher_alone():
    assert source_line("dated;undated", SOURCES) == "Thanh Niên (2025-08-22); Wikipedia"
    assert "—" not in source_line("undated", SOURCES)
    assert source_line("unknown", SOURCES) == "unknown"

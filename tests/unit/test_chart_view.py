"""The table alternative of a line chart: a row per year, a column per series, the
reader's numbers (components/economy_charts.line_table, components/chart_view)."""

from __future__ import annotations

import pandas as pd

from components.chart_view import script_json
from components.economy_charts import LINES, line_table
from core.i18n import Translator

LINE_ROWS = pd.DataFrame(
    {
        "year": [2024, 2025, 2025, 2026, 2025],
        "value": [7_498.4, 8_012.0, 8_012.0, 8_650.55, 8_100.0],
        "series": ["Thực tế", "Thực tế", "Kịch bản", "Kịch bản", "Năm"],
        "quality": ["", "", "", "", ""],
    }
)


def test_line_table_has_a_column_per_series_in_legend_order_and_reader_numbers():
    table = line_table({"datasets": {LINES: LINE_ROWS}}, Translator("vi"), 0)
    assert list(table.columns) == ["Năm", "Thực tế", "Kịch bản", "Năm"]  # a saved "Năm" too
    assert table.iloc[:, 0].tolist() == [2024, 2025, 2026]
    assert table["Thực tế"].tolist() == ["7.498", "8.012", "—"]
    assert table["Kịch bản"].tolist() == ["—", "8.012", "8.651"]


def test_line_table_in_english_with_decimals():
    rows = LINE_ROWS.assign(series=["Actual", "Actual", "Yours", "Yours", "Saved"])
    table = line_table({"datasets": {LINES: rows}}, Translator("en"), 1)
    assert table["Yours"].tolist() == ["—", "8,012.0", "8,650.6"]


def test_a_live_chart_name_cannot_end_its_script_element():
    assert script_json('a </script><b> "c"') == '"a \\u003c/script>\\u003cb> \\"c\\""'

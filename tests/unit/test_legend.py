"""The map legend is one block of HTML built from data: names and notes stay text."""

from __future__ import annotations

from components.deck import legend_html


def test_legend_shows_each_entry_with_its_colour_and_escapes_data_text():
    html = legend_html(
        [
            ("#0072B2", "Khu vực 1", "Tái thiết <b>đô thị</b>"),
            ("#E69F00", "<script>alert(1)</script>", ""),
        ]
    )
    assert html.count("background:#0072B2") == 1
    assert html.count("background:#E69F00") == 1
    assert "<strong>Khu vực 1</strong>" in html
    assert "&lt;b&gt;đô thị&lt;/b&gt;" in html
    assert "<b>" not in html
    assert "<script>" not in html
    assert "&lt;script&gt;" in html

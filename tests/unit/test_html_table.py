"""The HTML table the tracker draws instead of a data grid: a caption, headers with their
scope, every cell escaped, in a named box that scrolls on a phone."""

from __future__ import annotations

from html.parser import HTMLParser

import pandas as pd

from components.html_table import CLASS, html_table


class _Table(HTMLParser):
    """The rows of the first table in some HTML: (tag, scope, text) per cell."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[tuple[str, str | None, str]]] = []
        self.caption = ""
        self._cell: tuple[str, str | None] | None = None
        self._text = ""
        self._in_caption = False

    def handle_starttag(self, tag, attrs):
        if tag == "tr":
            self.rows.append([])
        elif tag in ("th", "td"):
            self._cell, self._text = (tag, dict(attrs).get("scope")), ""
        elif tag == "caption":
            self._in_caption = True

    def handle_endtag(self, tag):
        if tag in ("th", "td") and self._cell:
            self.rows[-1].append((*self._cell, self._text))
            self._cell = None
        elif tag == "caption":
            self._in_caption = False

    def handle_data(self, data):
        if self._cell:
            self._text += data
        elif self._in_caption:
            self.caption += data


def parse_table(markup: str) -> tuple[pd.DataFrame, str, list[list[tuple]]]:
    """(the table as a frame of its text, its caption, its raw cells)."""
    parser = _Table()
    parser.feed(markup)
    header, *body = parser.rows
    frame = pd.DataFrame([[text for *_, text in row] for row in body])
    frame.columns = [text for *_, text in header]
    return frame, parser.caption, parser.rows


FRAME = pd.DataFrame(
    {"Indicator": ["GRDP <b>growth</b>", "Share & more"], "Value": ["10", "[x](https://e.x)"]}
)


def test_cells_come_back_as_given_and_escaped():
    markup = html_table(FRAME, "Status <table>", numbers=("Value",))
    frame, caption, _ = parse_table(markup)
    assert frame.equals(FRAME)
    assert caption == "Status <table>"
    assert "<b>" not in markup
    assert "&lt;b&gt;growth" in markup


def test_headers_have_their_scope_and_numbers_align_right():
    markup = html_table(FRAME, "Status", numbers=("Value",))
    _, _, rows = parse_table(markup)
    assert [scope for _, scope, _ in rows[0]] == ["col", "col"]
    assert all(row[0][:2] == ("th", "row") for row in rows[1:])
    assert all(row[1][:2] == ("td", None) for row in rows[1:])
    assert markup.count('<td class="number">') == len(FRAME)
    assert '<th scope="col" class="number">Value' in markup


def test_the_box_is_a_named_focusable_region_that_scrolls():
    markup = html_table(FRAME, 'Say "hi"')
    assert f'class="{CLASS}-box" role="region" aria-label="Say &quot;hi&quot;" tabindex="0"' in (
        markup
    )
    assert "overflow-x:auto" in markup

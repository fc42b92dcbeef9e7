"""A table of text as plain HTML, for a page's long tables that readers must read whole.

A data grid draws on a canvas (a screen reader meets one opaque widget), cuts long cells
short, and costs a first visit its code chunk and every load its drawing time. This is a
real ``<table>``: a caption naming it for screen readers, column headers and a header
cell per row (``th`` with ``scope``), cells that wrap, every cell escaped; inside its
own box it scrolls sideways on a phone (a focusable, named region, so a keyboard can
scroll it too) while the row's name stays in view.
"""

from __future__ import annotations

import html

import pandas as pd

from components.palette import DARK_GREY, INK

CLASS = "plan-table"
TABLE_CSS = (
    f".{CLASS}-box{{overflow-x:auto;max-width:100%;margin-bottom:.5rem}}"
    f".{CLASS}-box:focus-visible{{outline:2px solid {INK};outline-offset:2px}}"
    f".{CLASS}{{border-collapse:collapse;font-size:.875rem;line-height:1.35;"
    f"font-variant-numeric:tabular-nums;color:{INK};width:100%}}"
    # The caption names the table for a screen reader; the page shows a heading or a
    # note above the box instead, which does not scroll away sideways with the table.
    f".{CLASS} caption{{position:absolute;width:1px;height:1px;overflow:hidden;"
    "clip-path:inset(50%);white-space:nowrap}"
    f".{CLASS}-note{{color:{DARK_GREY};font-size:.875rem;margin:0 0 .4rem}}"
    f".{CLASS} th,.{CLASS} td{{padding:.4rem .5rem;border-bottom:1px solid #D0D4DA;"
    "text-align:left;vertical-align:top;min-width:6.5em;max-width:18em;"
    "overflow-wrap:break-word}"
    f".{CLASS} thead th{{font-weight:600;color:{DARK_GREY};border-bottom:2px solid #D0D4DA}}"
    # The row's name stays at the left edge while the other columns scroll under it.
    f".{CLASS} tbody th{{font-weight:600;position:sticky;left:0;background:#FFF;"
    "min-width:10em;z-index:1}"
    f".{CLASS} .number{{text-align:right;white-space:nowrap}}"
)


def html_table(
    frame: pd.DataFrame, caption: str, numbers: tuple[str, ...] = (), note: str = ""
) -> str:
    """``frame`` (text cells, its first column naming each row) as an HTML table named
    ``caption`` (read, not shown: say it in a heading or the ``note``), ``note`` shown
    above it; the ``numbers`` columns right-aligned and kept on one line."""

    def cell(tag: str, column: str, text: object, scope: str | None = None) -> str:
        scope_attr = f' scope="{scope}"' if scope else ""
        kind = ' class="number"' if column in numbers else ""
        return f"<{tag}{scope_attr}{kind}>{html.escape(str(text))}</{tag}>"

    columns = list(frame.columns)
    head = "".join(cell("th", column, column, "col") for column in columns)
    body = "".join(
        "<tr>"
        + cell("th", columns[0], values[0], "row")
        + "".join(cell("td", column, v) for column, v in zip(columns[1:], values[1:], strict=True))
        + "</tr>"
        for values in frame.itertuples(index=False, name=None)
    )
    name = html.escape(caption)
    shown_note = f'<p class="{CLASS}-note">{html.escape(note)}</p>' if note else ""
    return (
        f"<style>{TABLE_CSS}</style>{shown_note}"
        f'<div class="{CLASS}-box" role="region" aria-label="{name}" tabindex="0">'
        f'<table class="{CLASS}"><caption>{name}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>"
    )

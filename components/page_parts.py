"""Parts every page uses: the page heading, source lines under figures, CSV downloads,
and the escaping of data and link text shown as Markdown.

Every part that shows text takes the reader's Translator as its first argument
(``page_header(t, "zones")``, ``source_footer(t, cells)``): its output depends only on
its arguments, so it can be tested without a session.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable, Sequence

import pandas as pd
import streamlit as st

from components.data_ui import try_indexed, try_table
from core.exports import context_lines, csv_with_context
from core.i18n import Translator
from core.scenario import Scenario
from core.sources import public_label, public_labels, public_link, source_ids

_INLINE_SOURCES = 3
# Long enough for the server to send a dozen queued messages (measured: session 7).
SEND_PAUSE_S = 0.01
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~$])")


def escape_markdown(text: str) -> str:
    """Data text shown as Markdown stays text: no links, emphasis or HTML of its own."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", str(text))


def link_value(text: str, limit: int = 40) -> str:
    """A value taken from a link, shown verbatim in a code span.

    Escaping is not enough for these: Streamlit's Markdown turns any bare URL into a
    live link, so a crafted link could put a phishing link inside the app's own notice.
    Code spans are never linked; the value is cut short and stripped of backticks.
    """
    shown = "".join(ch for ch in str(text)[:limit] if ch.isprintable()).replace("`", "'")
    return f"`{shown}`"


def page_header(t: Translator, section: str) -> None:
    st.title(t(f"{section}.title"))
    intro = t(f"{section}.intro")
    if intro != f"{section}.intro":
        st.markdown(intro)


def source_footer(
    t: Translator, cells: Iterable[str], note_key: str | None = None, lead: str | None = None
) -> None:
    """A caption beneath a figure naming each of its sources, linked where a link exists.

    Up to three sources are listed inline; a longer list folds into an expander so the
    figure stays readable on a projector, with every source still one click away.
    ``lead`` (a card's date) opens the same caption, or its own above the fold.
    """
    by_id = try_indexed(t, "sources", "id")
    parts = (
        []
        if by_id is None
        else [
            source_reference(by_id.loc[source_id], t.lang)
            for source_id in source_ids(cells)
            if source_id in by_id.index
        ]
    )
    inline = len(parts) <= _INLINE_SOURCES
    if lead and not (parts and inline):
        st.caption(lead)  # alone, or above the fold
    if by_id is None or (lead and not parts):
        return
    opening = f"{lead} · " if lead and inline else ""
    note = "  \n" + t(note_key) if note_key else ""
    if inline:
        st.caption(opening + t("common.sources_label") + " " + "; ".join(parts) + note)
        return
    with st.expander(t("common.sources_count", count=len(parts)), icon=":material/menu_book:"):
        st.caption("\n".join(f"- {part}" for part in parts) + note)


def source_reference(row: pd.Series, lang: str) -> str:
    """The source's public label in the reader's language, linked to the publisher's own
    page where there is one; never the curators' note or where a copy was read."""
    label = escape_markdown(public_label(row, lang))
    link = public_link(row)
    return f"[{label}]({link})" if link else label


def export_context(
    t: Translator, cells: Iterable[str], scenario: Scenario | None = None
) -> list[str]:
    """The lines a download carries: its sources' public labels, and for a scenario its
    assumptions and relative link."""
    sources = try_table(t, "sources")
    labels = [] if sources is None else public_labels(sources, cells, t.lang)
    return context_lines(t, labels, scenario)


def download_csv(
    t: Translator,
    frame: pd.DataFrame,
    file_stem: str,
    key: str,
    context: Sequence[str] | None = None,
) -> None:
    """The data behind a view as CSV, under a header block of its context (by default the
    sources its ``source`` column names). Numbers use "." decimals: see core.exports."""
    if context is None:
        context = export_context(t, frame["source"]) if "source" in frame.columns else []
    st.download_button(
        t("common.download_csv"),
        csv_with_context(frame, context),
        file_name=f"{file_stem}.csv",
        mime="text/csv",
        key=key,
        icon=":material/download:",
    )


def send_now() -> None:
    """Let the server send what the script has drawn so far before the script goes on.

    Streamlit sends the messages from its event loop in another thread, which needs the
    interpreter lock this script holds while it computes: each message then waited for
    the lock's switch, and a slider's new results reached the browser about 25 ms late
    (benchmarks/results.md, session 7). A short sleep hands the lock over.
    """
    time.sleep(SEND_PAUSE_S)

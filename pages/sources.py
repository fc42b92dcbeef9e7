"""Nguồn dữ liệu / Sources: every source behind every figure, and what each data file holds."""

import streamlit as st

from components.accessibility import statement
from components.context import translator
from components.data_ui import require
from components.page_parts import download_csv, escape_markdown, page_header
from core.i18n import format_iso_date

t = translator()
page_header("sources")
(sources,) = require("sources")


def entry(row) -> str:
    """One source as a Markdown list item: linked title, then what it is, then its note."""
    title = escape_markdown(row.title)
    heading = f"**[{title}]({row.url})**" if isinstance(row.url, str) else f"**{title}**"
    date = format_iso_date(row.date, t.lang) if isinstance(row.date, str) else t("sources.no_date")
    details = [escape_markdown(row.publisher), date, t(f"sources.kind.{row.kind}")]
    if isinstance(row.document_number, str):
        details.append(t("sources.document", number=escape_markdown(row.document_number)))
    lines = [heading, " · ".join(details) + f" · `{row.id}`"]
    if isinstance(row.note, str):
        lines.append(f"*{escape_markdown(row.note)}*")
    return "- " + "  \n  ".join(lines)


# One Markdown block rather than a box per source: the page draws in a fraction of the time.
st.markdown("\n".join(entry(row) for row in sources.itertuples()))

st.subheader(t("sources.licence_heading"))
st.markdown(t("sources.licence_text"))
download_csv(sources, "sources", key="download-sources")

statement(t)

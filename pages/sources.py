"""Nguồn dữ liệu / Sources: every source behind every figure, and what each data file holds."""

import streamlit as st

from components.accessibility import statement
from components.context import translator
from components.data_ui import require
from components.page_parts import (
    download_csv,
    escape_markdown,
    escape_markdown_keeping_urls,
    page_header,
)
from core.sources import public_label, public_link

t = translator()
page_header(t, "sources")
(sources,) = require(t, "sources")


def entry(row) -> str:
    """One source as the public cites it: its label (publisher, title, date, number),
    linked to the publisher's own page, and what kind of source it is."""
    label = escape_markdown(public_label(row, t.lang))
    link = public_link(row)
    heading = f"**[{label}]({link})**" if link else f"**{label}**"
    kind = t(f"sources.kind.{row['kind']}")
    return f"- {heading} · {kind} · `{row['id']}`"


def technical_entry(row) -> str:
    """The curators' record of a source: the title and link as read, and their note."""
    details = [f"`{row['id']}`", escape_markdown(f"{row['title']} ({row['publisher']})")]
    if isinstance(row["url"], str):
        details.append(t("sources.read_at", url=f"`{row['url']}`"))
    if isinstance(row["note"], str):
        details.append(f"*{escape_markdown_keeping_urls(row['note'])}*")
    return "- " + "  \n  ".join(details)


# One Markdown block rather than a box per source: the page draws in a fraction of the time.
records = [row for _, row in sources.iterrows()]
st.markdown("\n".join(entry(row) for row in records))

with st.expander(t("sources.technical_heading"), icon=":material/construction:"):
    st.caption(t("sources.technical_intro"))
    st.markdown("\n".join(technical_entry(row) for row in records))

st.subheader(t("sources.licence_heading"))
st.markdown(t("sources.licence_text"))
download_csv(t, sources, "sources", key="download-sources")

statement(t)

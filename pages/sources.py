"""Nguồn dữ liệu / Sources: every source behind every figure, and what each data file holds."""

import streamlit as st

from components.cards import download_csv, escape_markdown, page_header
from components.context import translator
from components.data_ui import require
from core.i18n import format_iso_date

t = translator()
page_header("sources")
(sources,) = require("sources")

for row in sources.itertuples():
    with st.container(border=True, key=f"source-{row.id}"):
        title = escape_markdown(row.title)
        st.markdown(f"**[{title}]({row.url})**" if isinstance(row.url, str) else f"**{title}**")
        date = format_iso_date(row.date, t.lang) if isinstance(row.date, str) else t(
            "sources.no_date")
        details = [escape_markdown(row.publisher), date, t(f"sources.kind.{row.kind}")]
        if isinstance(row.document_number, str):
            details.append(t("sources.document", number=escape_markdown(row.document_number)))
        st.caption(" · ".join(details) + f" · `{row.id}`")
        if isinstance(row.note, str):
            st.caption(escape_markdown(row.note))

st.subheader(t("sources.licence_heading"))
st.markdown(t("sources.licence_text"))
download_csv(sources, "sources", key="download-sources")

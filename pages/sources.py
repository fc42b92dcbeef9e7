"""Nguồn dữ liệu / Sources: every source behind every figure, and what each data file holds."""

import re
from html import escape

import streamlit as st

from components.accessibility import statement
from components.context import translator
from components.data_ui import require
from components.page_parts import download_csv, page_header
from core.sources import public_label, public_link

t = translator()
page_header(t, "sources")
(sources,) = require(t, "sources")

_URL = re.compile(r"https?://[^\s<]+[^\s<.,;:)'\"]")
# The list and the curators' records are one HTML element: some 60 sources as Markdown
# (about 40 KB) took the browser longer to parse and draw than the rest of the page.
# The records fold into a native <details>, which keyboards and screen readers open.
STYLE = """<style>
.source-list { padding-left: 1.2rem; margin: 0; line-height: 1.6; }
.source-list li { margin: 0.15rem 0; }
.source-list a { color: #0B5394; }
.source-list code { font-size: 0.8em; padding: 0.1em 0.25em; border-radius: 0.25rem;
  background: rgba(172, 177, 195, 0.25); overflow-wrap: anywhere; }
.source-technical { border: 1px solid rgba(49, 51, 63, 0.2); border-radius: 0.5rem;
  padding: 0.5rem 1rem; margin: 0.5rem 0; }
.source-technical summary { cursor: pointer; font-weight: 600; padding: 0.25rem 0; }
.source-technical .source-intro, .source-technical .source-list { color: #595959;
  font-size: 0.875rem; }
</style>"""


def entry(row) -> str:
    """One source as the public cites it: its label (publisher, title, date, number),
    linked to the publisher's own page, and what kind of source it is."""
    label = escape(public_label(row, t.lang))
    link = public_link(row)
    # Streamlit's sanitiser adds rel="noopener noreferrer" to every target="_blank".
    heading = f'<a href="{escape(link)}" target="_blank">{label}</a>' if link else label
    kind = escape(t(f"sources.kind.{row['kind']}"))
    return f"<li><strong>{heading}</strong> · {kind} · <code>{escape(row['id'])}</code></li>"


def code_urls(text: str) -> str:
    """Escaped text with the URLs in it shown whole in code spans, as read (not linked)."""
    return _URL.sub(lambda match: f"<code>{match.group()}</code>", escape(text, quote=False))


def technical_entry(row) -> str:
    """The curators' record of a source: the title and link as read, and their note."""
    details = [f"<code>{escape(row['id'])}</code>", escape(f"{row['title']} ({row['publisher']})")]
    if isinstance(row["url"], str):
        details.append(t("sources.read_at", url=code_urls(row["url"])))
    if isinstance(row["note"], str):
        details.append(f"<em>{code_urls(row['note'])}</em>")
    return "<li>" + "<br>".join(details) + "</li>"


records = [row for _, row in sources.iterrows()]
st.html(
    STYLE
    + '<ul class="source-list">'
    + "".join(entry(row) for row in records)
    + '</ul><details class="source-technical"><summary>'
    + escape(t("sources.technical_heading"))
    + f'</summary><p class="source-intro">{escape(t("sources.technical_intro"))}</p>'
    + '<ul class="source-list">'
    + "".join(technical_entry(row) for row in records)
    + "</ul></details>"
)

st.subheader(t("sources.licence_heading"))
st.markdown(t("sources.licence_text"))
download_csv(t, sources, "sources", key="download-sources")

statement(t)

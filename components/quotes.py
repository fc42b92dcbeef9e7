"""Quoted words of the plan and its speakers, as Markdown block quotes."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from components.page_parts import escape_markdown
from core.i18n import Translator


def blockquote(text: str) -> str:
    """Data text as a Markdown block quote that keeps its line breaks and stays text."""
    return "\n".join(f"> {escape_markdown(line)}  " for line in str(text).split("\n"))


def quotation(
    lead: str,
    originals: Sequence[str],
    translations: Sequence[str],
    labels: tuple[str, str],
    t: Translator,
) -> None:
    """``lead`` (Markdown) and the quoted words in the reader's language in one element,
    the other language a click away (``labels``: the original's, the translation's): both
    in full made the Vietnamese tasks page 8,600 px tall on a phone."""
    quotes = (originals, translations)
    first = 0 if t.lang == "vi" else 1
    shown = "\n\n".join(blockquote(text) for text in quotes[first])
    st.markdown(f"{lead}\n\n**{labels[first]}**\n\n{shown}")
    with st.expander(labels[1 - first], icon=":material/translate:"):
        st.markdown("\n\n".join(blockquote(text) for text in quotes[1 - first]))

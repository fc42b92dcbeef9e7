"""`<html lang>` in the reader's language, so a screen reader speaks Vietnamese as Vietnamese.

Streamlit 1.67 serves index.html with ``lang="en"`` and never changes it. ``st.html``
runs its scripts in the page itself (not an iframe) when ``unsafe_allow_javascript``
is set: the frontend re-creates each ``<script>`` on mount and whenever the body
changes, so a language switch rewrites the attribute. The body holds no reader text,
only a language code from ``core.i18n.LANGUAGES``. Its container is hidden so the
element adds no gap to the page. Being on every page, it also carries the page-wide
style fixes: the contrast the browser audit needs (CAPTION_CSS), whole metric labels
(METRIC_CSS) and the HTML headline cards' look (CARDS_CSS).
"""

from __future__ import annotations

import json

import streamlit as st

from components.metrics import CARDS_CSS
from core.i18n import LANGUAGES

KEY = "html-lang"  # Streamlit names the container's CSS class st-key-html-lang
# Streamlit draws st.caption at opacity 0.6, which fades the theme's link colour #0B5394 to
# #6D98BF (3.0:1 on white, axe "color-contrast", serious) in every source line. A solid
# grey caption (7.0:1 on white, 6.1:1 on the sidebar) leaves links at full contrast.
CAPTION_COLOUR = "#595959"
CAPTION_CSS = f'[data-testid="stCaptionContainer"] {{opacity: 1; color: {CAPTION_COLOUR}}}'
# A metric's label and delta are one line cut with "…" by default: "GRDP per person 2030
# (U…" on a 1280-px overview, the what-if's longer labels on every screen. They wrap instead.
METRIC_CSS = (
    '[data-testid="stMetricLabel"] p {white-space: normal; overflow: visible} '
    '[data-testid="stMetricDelta"] * {white-space: normal !important; '
    "text-overflow: clip !important; overflow: visible !important}"
)


def html_lang(lang: str) -> None:
    """Set ``document.documentElement.lang`` to ``lang`` (one of the app's languages)."""
    if lang not in LANGUAGES:
        raise ValueError(f"not an app language: {lang!r}")
    with st.container(key=KEY):
        st.html(
            f"<style>.st-key-{KEY} {{display: none}} {CAPTION_CSS} {METRIC_CSS} {CARDS_CSS}</style>"
            f"<script>document.documentElement.lang = {json.dumps(lang)};</script>",
            unsafe_allow_javascript=True,
        )

"""`<html lang>` in the reader's language, so a screen reader speaks Vietnamese as Vietnamese.

Streamlit 1.67 serves index.html with ``lang="en"`` and never changes it. ``st.html``
runs its scripts in the page itself (not an iframe) when ``unsafe_allow_javascript``
is set: the frontend re-creates each ``<script>`` on mount and whenever the body
changes, so a language switch rewrites the attribute. The body holds no reader text,
only a language code from ``core.i18n.LANGUAGES``. Its container is hidden so the
element adds no gap to the page.
"""

from __future__ import annotations

import json

import streamlit as st

from core.i18n import LANGUAGES

KEY = "html-lang"  # Streamlit names the container's CSS class st-key-html-lang


def html_lang(lang: str) -> None:
    """Set ``document.documentElement.lang`` to ``lang`` (one of the app's languages)."""
    if lang not in LANGUAGES:
        raise ValueError(f"not an app language: {lang!r}")
    with st.container(key=KEY):
        st.html(
            f"<style>.st-key-{KEY} {{display: none}}</style>"
            f"<script>document.documentElement.lang = {json.dumps(lang)};</script>",
            unsafe_allow_javascript=True,
        )

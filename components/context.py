"""The reader's language for this run, shared by every page and component."""

from __future__ import annotations

import streamlit as st

from components.legacy_pages import route_through_app
from core.i18n import DEFAULT_LANGUAGE, Translator

LANGUAGE_KEY = "lang"


def translator() -> Translator:
    """The translator for the language chosen in the sidebar (Vietnamese until chosen).

    Pages call this once, first; a page run without the router is rerun through it.
    """
    route_through_app()
    return Translator(st.session_state.get(LANGUAGE_KEY, DEFAULT_LANGUAGE))

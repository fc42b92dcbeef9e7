"""The reader's language for this run, shared by every page and component."""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

from core.i18n import DEFAULT_LANGUAGE, Translator

LANGUAGE_KEY = "lang"


def translator() -> Translator:
    """The translator for the language chosen in the sidebar (Vietnamese until chosen)."""
    _route_through_app()
    return Translator(st.session_state.get(LANGUAGE_KEY, DEFAULT_LANGUAGE))


def _route_through_app() -> None:
    """Make sure the router in app.py ran before a page draws.

    Streamlit 1.67 treats a folder named pages/ beside the entry script as a legacy
    multipage app until the first st.navigation call, so the very first request of a
    fresh server to a page URL (a shared link such as /economy?lang=en&g=8) runs the
    page file alone: no language, no sidebar, URL state ignored. Switching the legacy
    mode off and rerunning sends that request through app.py like every other.
    """
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()

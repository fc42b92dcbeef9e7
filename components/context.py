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


def leave_legacy_pages_mode() -> bool:
    """Stop Streamlit treating pages/ as a legacy multipage folder; True if it was.

    Streamlit 1.67 does so until the first st.navigation call, so the very first
    request of a fresh server to a page URL (a shared link such as /economy?lang=en&g=8)
    runs the page file alone: no language, no sidebar, URL state ignored. The router
    calls this first; a page that finds the mode still on was run alone.
    """
    was_legacy = bool(PagesManager.uses_pages_directory)
    PagesManager.uses_pages_directory = False
    return was_legacy


def _route_through_app() -> None:
    """Rerun a page that was run without the router, so it goes through app.py."""
    if leave_legacy_pages_mode():
        st.rerun()

"""The language switch: Vietnamese first, English by choice, kept in the URL (?lang=en)."""

from __future__ import annotations

import streamlit as st

from components.context import LANGUAGE_KEY
from components.page_parts import link_value
from core.i18n import DEFAULT_LANGUAGE, LANGUAGES, Translator, parse_language

_REJECTED_KEY = "_rejected_lang"
# The switch is a widget; its value is copied into LANGUAGE_KEY, a plain session key,
# because Streamlit may reset a widget's state across a page change.
_SWITCH_KEY = "lang-switch"


def choose_language() -> None:
    """The language: from the link on the first run, then from the sidebar switch (whose
    callback has set it before the run). Called before the pages are named."""
    if LANGUAGE_KEY not in st.session_state:
        raw = st.query_params.get_all(LANGUAGE_KEY)
        chosen = parse_language(raw)
        if raw and chosen is None:
            st.session_state[_REJECTED_KEY] = raw[-1]
        st.session_state[LANGUAGE_KEY] = chosen or DEFAULT_LANGUAGE
    lang = st.session_state[LANGUAGE_KEY]
    # The URL loses its parameters on a page change; writing it back keeps links shareable.
    if st.query_params.get(LANGUAGE_KEY) != lang:
        st.query_params[LANGUAGE_KEY] = lang


def language_switch() -> None:
    """The sidebar switch, on every page but the presentation (whose sidebar is hidden)."""
    st.session_state[_SWITCH_KEY] = st.session_state[LANGUAGE_KEY]
    st.sidebar.radio(
        "Ngôn ngữ / Language",
        LANGUAGES,
        format_func=lambda code: {"vi": "Tiếng Việt", "en": "English"}[code],
        key=_SWITCH_KEY,
        on_change=_switched,
        horizontal=True,
    )


def _switched() -> None:
    st.session_state[LANGUAGE_KEY] = st.session_state[_SWITCH_KEY]


def show_language_notice(t: Translator) -> None:
    """Say once that the link's language was not one we have."""
    rejected = st.session_state.pop(_REJECTED_KEY, None)
    if rejected is not None:
        st.warning(t("common.notice_language", value=link_value(rejected)), icon="ℹ️")

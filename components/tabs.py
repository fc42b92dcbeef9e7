"""Lazy tabs kept in the URL (``?view=…``): only the open tab's content runs and is sent.

A long page costs a phone or an old laptop time for every element it draws; tabs whose
content runs only while open let a reader load one part of a page at a time. The open
tab is the page's ``view`` parameter, so a shared link opens where the sender was; it is
read from the link on the page's first run in a session, then kept in session state.
"""

from __future__ import annotations

import streamlit as st

from components.page_parts import link_value
from core.i18n import Translator
from core.text import parse_choice

VIEW_PARAM = "view"


def view_key(section: str) -> str:
    return f"{section}-view"


def tabs_key(section: str) -> str:
    return f"{section}-tabs"


def chosen_view(section: str, views: tuple[str, ...], fallback: str, t: Translator) -> str:
    """The open view: the link's on the first run (a bad one gets a notice), then the tabs'."""
    key = view_key(section)
    if key not in st.session_state:
        view, rejected = parse_choice(st.query_params.get_all(VIEW_PARAM), views)
        view = view or fallback
        if rejected is not None:
            st.info(
                t(
                    "common.notice_view",
                    value=link_value(rejected),
                    choices=", ".join(views),
                    shown=t(f"{section}.view.{view}"),
                ),
                icon=":material/link_off:",
            )
        st.session_state[key] = view
    view = st.session_state[key]
    if st.query_params.get_all(VIEW_PARAM) != [view]:
        st.query_params[VIEW_PARAM] = view
    return view


def _switched(section: str, views_by_label: dict[str, str], fallback: str) -> None:
    label = st.session_state[tabs_key(section)]
    st.session_state[view_key(section)] = views_by_label.get(label, fallback)


def lazy_tabs(
    section: str, views: tuple[str, ...], t: Translator, fallback: str | None = None
) -> dict[str, object]:
    """The page's tabs by view name, the chosen one open; put content in a tab only when
    ``tab.open`` is true. Labels come from ``<section>.view.<view>`` in the catalog."""
    fallback = fallback or views[0]
    view = chosen_view(section, views, fallback, t)
    labels = [t(f"{section}.view.{name}") for name in views]
    # Set before the widget: the open tab follows the view when the labels change language.
    st.session_state[tabs_key(section)] = labels[views.index(view)]
    containers = st.tabs(
        labels,
        key=tabs_key(section),
        on_change=_switched,
        args=(section, dict(zip(labels, views, strict=True)), fallback),
    )
    return dict(zip(views, containers, strict=True))

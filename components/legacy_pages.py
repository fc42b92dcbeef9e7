"""Route a fresh server's first deep link through app.py (a Streamlit 1.67 workaround).

Streamlit 1.67 treats a ``pages/`` folder beside the main script as a legacy multipage
folder until the first ``st.navigation`` call of the process
(``PagesManager.uses_pages_directory`` stays true until then). So the very first request
of a fresh server for a page URL (a shared link such as ``/economy?lang=en&g=8``) runs
the page file alone, without the router in app.py: no language, no sidebar, URL state
ignored. The router switches the mode off first; a page that finds it still on was run
alone and reruns, which sends it through app.py.

Tests that fail when this behaviour changes (or the workaround stops working):
``tests/e2e/test_pages.py::test_a_shared_link_is_the_first_request_of_a_fresh_server``
and ``tests/e2e/test_replicas.py::test_first_visit_to_a_fresh_replica_by_deep_link``;
``tests/app/test_legacy_pages.py`` fails first, without a browser, when Streamlit drops
the flag this module relies on. When that happens, check whether the workaround is
still needed before re-creating it.
"""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager


def leave_legacy_pages_mode() -> bool:
    """Stop Streamlit treating pages/ as a legacy multipage folder; True if it was."""
    was_legacy = bool(getattr(PagesManager, "uses_pages_directory", False))
    PagesManager.uses_pages_directory = False
    return was_legacy


def route_through_app() -> None:
    """Rerun a page that was run without the router, so it goes through app.py."""
    if leave_legacy_pages_mode():
        st.rerun()

"""The Streamlit flag components/legacy_pages.py works around is still there.

Fails, without a browser, when Streamlit drops ``PagesManager.uses_pages_directory``:
then the deep-link workaround silently does nothing, and the e2e tests named in that
module's docstring say whether it is still needed.
"""

from __future__ import annotations

import pytest
from streamlit.runtime.pages_manager import PagesManager

from components.legacy_pages import leave_legacy_pages_mode


@pytest.fixture
def legacy_flag():
    saved = PagesManager.__dict__["uses_pages_directory"]
    yield
    PagesManager.uses_pages_directory = saved


def test_streamlit_still_has_the_legacy_pages_flag():
    assert "uses_pages_directory" in PagesManager.__dict__


@pytest.mark.usefixtures("legacy_flag")
def test_leaving_legacy_mode_reports_it_once():
    PagesManager.uses_pages_directory = True
    assert leave_legacy_pages_mode() is True
    assert PagesManager.uses_pages_directory is False
    assert leave_legacy_pages_mode() is False

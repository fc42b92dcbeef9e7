"""AppTest helpers: run the real router, then switch to one page, in one language."""

from __future__ import annotations

import re

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import REPO


def run_page(path: str, lang: str = "vi", **params: str) -> AppTest:
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=60)
    at.query_params.update({"lang": lang, **params})
    at.run()
    if path != "pages/overview.py":
        at.switch_page(path).run()
    return at


@pytest.fixture
def damaged_data(data_copy, monkeypatch):
    """Point the app at a disposable copy of data/ for the length of one test."""
    monkeypatch.setenv("PLAN_DATA_DIR", str(data_copy))
    return data_copy


def outside_code_spans(markdown: str) -> str:
    """The Markdown a reader would see as live text: code spans show their content verbatim."""
    return re.sub(r"`[^`]*`", "", markdown)

"""AppTest helpers: run the real router, then switch to one page, in one language."""

from __future__ import annotations

import html
import re

import pytest
from streamlit.testing.v1 import AppTest

from components.metrics import CARDS_CLASS
from tests.conftest import REPO

CARD = re.compile(r'<p class="label">(.*?)</p><p class="value">(.*?)</p>')


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


def cards(at: AppTest) -> dict[str, str]:
    """Label -> value of every headline card in the page's HTML card lists."""
    bodies = [h.proto.body for h in at.get("html") if f'class="{CARDS_CLASS}"' in h.proto.body]
    return {
        html.unescape(label): html.unescape(value)
        for body in bodies
        for label, value in CARD.findall(body)
    }

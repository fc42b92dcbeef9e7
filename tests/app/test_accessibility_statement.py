"""The Sources page's accessibility statement, in both languages (issue 17)."""

from __future__ import annotations

import pytest

from core.i18n import Translator
from tests.app.conftest import run_page


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_sources_page_states_what_was_tested_and_how_to_report(lang):
    t = Translator(lang)
    at = run_page("pages/sources.py", lang)
    assert not at.exception
    assert t("a11y.statement.heading") in [h.value for h in at.subheader]
    text = "\n".join(m.value for m in at.markdown)
    for part in ("tested", "how", "limits", "report"):
        assert t(f"a11y.statement.{part}") in text
    for tested in ("axe-core", "1280×800", "390×844"):
        assert tested in text

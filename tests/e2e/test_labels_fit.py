"""No label cut short with "…" (issue 18): the overview's cards ("GRDP per person 2030
(U…" in English at 1280 px), the economy tabs' cards and the tracker, in both languages
on a 1280 × 800 screen and a 390 × 844 phone. Data grids and charts draw on a canvas and
are checked elsewhere (tests/unit/test_vega_theme.py), but for the charts' titles on a
phone, checked here in their SVG; the tracker's HTML table wraps."""

from __future__ import annotations

import pytest

from core.i18n import LANGUAGES
from tests.e2e.conftest import no_traceback, open_app, screenshot

SIZES = {"1280x800": (1280, 800), "390x844": (390, 844)}
SCREENS = (("", {}), ("economy", {"view": "targets"}), ("economy", {"view": "whatif"}))
SCREENS += (("tracker", {"view": "status"}), ("tracker", {"view": "commitments"}))
# Text whose box is narrower than its content and whose overflow is drawn as "…".
CUT_SHORT = """() => [...document.querySelectorAll('[data-testid="stMain"] *')]
  .filter(e => e.getClientRects().length && e.scrollWidth > e.clientWidth + 1
    && getComputedStyle(e).textOverflow === 'ellipsis' && e.textContent.trim()
    && !e.closest('[data-testid="stDataFrame"], [data-testid="stVegaLiteChart"]'))
  .map(e => e.textContent.trim())"""


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_label_is_cut_short(page_factory, server, lang, size):
    page = page_factory(*SIZES[size])
    cut = {}
    for path, params in SCREENS:
        open_app(page, server, path, lang=lang, **params)
        no_traceback(page)
        name = "-".join(filter(None, ["labels", path or "overview", params.get("view"), lang]))
        screenshot(page, f"{name}-{size}")
        cut[(path, params.get("view"))] = page.evaluate(CUT_SHORT)
    assert {where: texts for where, texts in cut.items() if texts} == {}


# Chart text Vega cut short to its limit: it ends in "…".
CHART_TEXT_CUT = """() => [...document.querySelectorAll('[data-testid="stVegaLiteChart"] svg text')]
  .map(e => e.textContent.trim()).filter(text => text.endsWith('…'))"""


@pytest.mark.parametrize("lang", LANGUAGES)
def test_chart_titles_fit_a_phone(page_factory, server, lang):
    # "Cơ cấu kinh tế: hiện nay và mục ti…" and "GRDP thực: thực hiện, lộ trình 10…".
    page = page_factory(*SIZES["390x844"])
    cut = {}
    for view in ("targets", "structure", "whatif"):
        open_app(page, server, "economy", lang=lang, view=view)
        no_traceback(page)
        cut[view] = page.evaluate(CHART_TEXT_CUT)
    assert {view: texts for view, texts in cut.items() if texts} == {}

"""What downloads carry: a CSV header block with the sources, assumptions and relative
link over "."-decimal numbers; a chart caption drawn in the export font."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest

from components import chart_export
from core.brief import relative_link
from core.data import load_table
from core.exports import caption_lines, context_lines, csv_with_context
from core.i18n import Translator
from core.model import Baseline
from core.scenario import parse
from core.sources import public_labels
from tests.conftest import DATA
from tests.plan_data import PLAN


@pytest.fixture(scope="module")
def scenario():
    baseline = Baseline.from_outturn(load_table("economy_outturn", DATA), PLAN)
    return parse({"g": "8.5", "d": "1.5"}, baseline)[0]


def labels(lang: str) -> list[str]:
    outturn = load_table("economy_outturn", DATA)
    return public_labels(load_table("sources", DATA), outturn["source"], lang)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_csv_header_block_carries_sources_assumptions_and_link(scenario, lang):
    t = Translator(lang)
    lines = context_lines(t, labels(lang), scenario)
    frame = pd.DataFrame({"year": [2024, 2025], "per_capita_usd": [7498.25, 7900.5]})
    text = csv_with_context(frame, lines).decode("utf-8-sig")
    header = [line for line in text.splitlines() if line.startswith("# ")]
    assert len(header) == 3
    assert t("common.sources_label") in header[0]
    assert ("Ngân hàng Thế giới" if lang == "vi" else "World Bank") in header[0]
    assert ("8,5" if lang == "vi" else "8.5") in header[1]
    assert relative_link(scenario, lang) in header[2]
    # The numbers stay machine-readable: "." decimals, no grouping, whatever the language.
    assert "7498.25" in text
    assert "7.498" not in text
    read = pd.read_csv(io.StringIO(text), comment="#")
    assert list(read["per_capita_usd"]) == [7498.25, 7900.5]


def test_a_table_without_context_is_plain_csv():
    frame = pd.DataFrame({"a": [1.5]})
    assert csv_with_context(frame, []).decode("utf-8-sig") == "a\n1.5\n"


def test_the_caption_wraps_to_the_chart_and_keeps_every_word(scenario):
    lines = context_lines(Translator("vi"), labels("vi"), scenario)
    wrapped = caption_lines(lines, width=80)
    assert all(len(line) <= 80 for line in wrapped)
    assert " ".join(wrapped).split() == " ".join(lines).split()


def test_the_exported_chart_has_the_caption_in_the_export_font(scenario):
    spec = {
        "data": {"values": [{"x": 1, "y": 2}]},
        "mark": "point",
        "encoding": {"x": {"field": "x", "type": "quantitative"}},
        "width": "container",
    }
    caption = caption_lines(context_lines(Translator("vi"), labels("vi"), scenario))
    out = json.loads(chart_export.captioned(spec, caption))
    assert out["title"]["text"] == caption
    assert out["title"]["orient"] == "bottom"
    assert out["title"]["font"] == out["config"]["font"] == chart_export.EXPORT_FONT
    svg = chart_export.to_svg(spec, caption).decode("utf-8")
    assert "Ngân hàng Thế giới" in svg
    assert chart_export.EXPORT_FONT in svg
    assert chart_export.to_png(spec, caption).startswith(b"\x89PNG")

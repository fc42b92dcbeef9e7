"""The targets chart keeps its text off the bars: the target tick and a hollow bar's
dashed outline cut through any text drawn on a bar ("15|.800", issue 18)."""

from __future__ import annotations

from components import economy_charts
from core.i18n import Translator
from tests.plan_data import PLAN


def test_target_names_and_figures_sit_above_and_below_their_bars():
    spec = economy_charts.distance_template(("a", "b"), Translator("en", PLAN))
    layers = spec["layer"]
    bar_height = max(layer["mark"].get("size", 0) for layer in layers if _mark(layer) == "bar")
    texts = [layer["mark"] for layer in layers if _mark(layer) == "text"]
    assert len(texts) == 2
    for mark in texts:
        # Half the bar plus a gap from the row's centre, on the side the text grows away.
        assert abs(mark["dy"]) > bar_height / 2
        assert mark["baseline"] == ("bottom" if mark["dy"] < 0 else "top")
    row_step = spec["height"]["step"]
    assert row_step >= bar_height + 2 * economy_charts.FONT  # both lines fit in the row


def _mark(layer: dict) -> str:
    mark = layer["mark"]
    return mark if isinstance(mark, str) else mark["type"]

"""The headline cards as one HTML list (components.metrics, issue 19): what a reader and a
screen reader get from it, in both languages."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from components.metrics import CARDS_CLASS, Card, cards_html, per_capita_card
from core.i18n import LANGUAGES, Translator
from tests.plan_data import PLAN


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_card_shows_its_label_value_change_and_a_fold_with_its_meaning(lang):
    t = Translator(lang, PLAN)
    card = Card("GRDP <2030>", "1 & 2", delta="+5 USD", trend="up", help="What <b>it</b> is")
    markup = cards_html([card], "Results", t)
    assert markup.startswith(
        f'<ul class="{CARDS_CLASS}" style="--card:11rem" aria-label="Results">'
    )
    assert '<p class="label">GRDP &lt;2030&gt;</p><p class="value">1 &amp; 2</p>' in markup
    # The arrow is drawn, not read: the text says the direction.
    assert '<p class="delta up"><span aria-hidden="true">▲</span> +5 USD</p>' in markup
    summary = t("common.card_explain")
    assert f"<details><summary>{summary}" in markup
    assert '<span class="reader-only">: GRDP &lt;2030&gt;</span></summary>' in markup
    assert "<p>What &lt;b&gt;it&lt;/b&gt; is</p></details>" in markup
    assert "<b>" not in markup


def test_a_plain_card_has_no_change_line_or_fold_and_an_untrended_change_no_arrow():
    t = Translator("en", PLAN)
    plain = cards_html([Card("A", "1")], "Results", t)
    assert "delta" not in plain
    assert "<details>" not in plain
    grey = cards_html([Card("A", "1", delta="range 2031–2035")], "Results", t)
    assert '<p class="delta off">range 2031–2035</p>' in grey


@pytest.mark.parametrize(("gap", "trend", "sign"), [(-120.0, "up", "+"), (340.0, "down", "−")])
def test_per_capita_card_points_up_above_the_target_and_down_below(gap, trend, sign):
    t = Translator("vi", PLAN)
    summary = SimpleNamespace(per_capita_2030_usd=15_800.0 - gap, gap_to_target_usd=gap)
    card = per_capita_card(summary, t)
    assert card.trend == trend
    assert card.delta == t("economy.metric.gap", v=sign + t.number(abs(gap)))
    assert card.value == t("economy.unit.usd", v=t.number(15_800.0 - gap))

"""What a screen reader hears for each chart (issue 17): the accessible name Vega-Embed
gives the chart's container (the spec's ``description``, from core/chart_text.py)
carries the chart's key figure in the page's language and number format, follows the
growth slider, and each chart's table alternative opens."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from components.metrics import CARDS_CLASS
from core.i18n import LANGUAGES, Translator
from core.plan import TARGET_YEAR
from tests.e2e.conftest import no_traceback, open_app, wait_until_ready
from tests.e2e.test_economy import INDEX_CHART, PER_CAPITA_CHART, growth_slider
from tests.e2e.test_economy import per_capita_text as per_capita_metric
from tests.e2e.test_likelihood import TORNADO, choose_tornado

VEGA = '.vega-embed[role="graphics-document"]'
NUMBER = {"vi": r"\d{1,3}(?:\.\d{3})*(?:,\d+)?", "en": r"\d{1,3}(?:,\d{3})*(?:\.\d+)?"}


def opening(text: str) -> str:
    """A catalog sentence up to its first placeholder filled with "\x00"."""
    return text.split("\x00")[0]


def label_of(page, container: str):
    chart = page.locator(f"{container} {VEGA}")
    chart.wait_for()
    return chart


def index_figure(label: str, t: Translator) -> str:
    """The scenario's index in the label, which must read as the catalog's sentence."""
    sentence = t("a11y.chart.index", year=TARGET_YEAR, base="BASE", scenario="OURS", plan="PLAN")
    pattern = (
        re.escape(sentence)
        .replace("BASE", r"\d{4}")
        .replace("OURS", f"({NUMBER[t.lang]})")
        .replace("PLAN", NUMBER[t.lang])
    )
    found = re.fullmatch(pattern, label)
    assert found, label
    return found.group(1)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_what_if_labels_carry_the_result_and_follow_the_slider(page, server, lang):
    t = Translator(lang)
    page.set_viewport_size({"width": 1280, "height": 900})
    open_app(page, server, "economy", lang=lang, view="whatif")
    chart = label_of(page, INDEX_CHART)
    before = chart.get_attribute("aria-label")
    first = index_figure(before, t)
    assert re.fullmatch(r"\d+[,.]\d", first), first  # one decimal, the reader's separator
    assert ("," in first) == (lang == "vi")

    growth_slider(page).focus()
    page.keyboard.press("ArrowRight")
    expect(chart).not_to_have_attribute("aria-label", before, timeout=30_000)
    wait_until_ready(page)
    after = index_figure(chart.get_attribute("aria-label"), t)
    to_float = (lambda s: float(s.replace(",", "."))) if lang == "vi" else float
    assert to_float(after) > to_float(first), (first, after)  # more growth, a higher index

    page.locator(".st-key-econ-chart").get_by_text(
        t("economy.whatif.chart_per_capita"), exact=True
    ).click()
    per_capita = label_of(page, PER_CAPITA_CHART)
    wait_until_ready(page)
    label = per_capita.get_attribute("aria-label")
    # The card above and the chart's label give the same figure: "10.363" / "10,363".
    figure = re.search(NUMBER[lang], per_capita_metric(page)).group(0)
    sentence = t("a11y.chart.per_capita_below", year=TARGET_YEAR, value=figure, target="")
    assert label.startswith(sentence[: sentence.index(figure) + len(figure)]), (figure, label)
    no_traceback(page)


def test_the_table_alternative_opens_with_the_charts_numbers(page, server):
    t = Translator("vi")
    page.set_viewport_size({"width": 1280, "height": 900})
    open_app(page, server, "economy", lang="vi", view="whatif")
    label = label_of(page, INDEX_CHART).get_attribute("aria-label")
    box = page.locator(".st-key-econ-chart-economy-index-table")
    assert box.locator('[data-testid="stDataFrame"]').count() == 0  # drawn only when open
    box.get_by_text(t("a11y.table.show"), exact=True).click()
    grid = box.locator('[data-testid="stDataFrame"]')
    expect(grid).to_be_visible(timeout=30_000)
    # The grid is a canvas; its CSV-like accessible table lists the column headers.
    expect(grid).to_contain_text(t("economy.chart.yours"), timeout=30_000)
    assert index_figure(label, t)
    no_traceback(page)


STATIC_CHARTS = [
    (
        "economy",
        {"view": "targets"},
        ".st-key-econ-chart-economy-targets",
        lambda t: t("a11y.chart.distance", year=TARGET_YEAR, items="\x00"),
    ),
    (
        "economy",
        {"view": "structure"},
        ".st-key-econ-chart-economy-structure",
        lambda t: t("a11y.chart.structure", periods="\x00"),
    ),
    (
        "zones",
        {"zone": "1"},
        ".st-key-zone-share-area",
        lambda t: t("a11y.chart.zone_share", title=t("zones.share_title.area"), items="\x00"),
    ),
]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize(
    ("path", "query", "container", "sentence"),
    STATIC_CHARTS,
    ids=["targets", "structure", "zone-share"],
)
def test_each_chart_is_named_in_the_pages_language(
    page, server, lang, path, query, container, sentence
):
    t = Translator(lang)
    open_app(page, server, path, lang=lang, **query)
    label = label_of(page, container).get_attribute("aria-label")
    assert label.startswith(opening(sentence(t))), label
    assert re.search(r"\d%", label), label  # shares and progress in per cent, with figures
    # None of Vega's own labels inside it, which are English ("X-axis titled …"), but
    # the one around the title's own words.
    inside = page.locator(f"{container} svg [aria-label]").evaluate_all(
        "nodes => nodes.map(n => n.getAttribute('aria-label'))"
    )
    assert [text for text in inside if not text.startswith("Title text '")] == []
    no_traceback(page)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_timeline_label_counts_the_events_listed_below_it(page, server, lang):
    t = Translator(lang)
    open_app(page, server, "it-park", lang=lang, view="timeline")
    # The timeline is HTML since issue 19: an image named by its role="img" box.
    chart = page.locator('.st-key-it-park-timeline [role="img"]')
    chart.wait_for()
    label = chart.get_attribute("aria-label")
    count = page.locator('[data-testid="stMarkdownContainer"] > ol > li').count()
    assert count > 0
    expected = t("a11y.chart.timeline", count=t.number(count), first="\x00", last="", kinds="")
    assert label.startswith(opening(expected)), (count, label)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_tracker_chart_label_counts_the_statuses_the_page_counts(page, server, lang):
    t = Translator(lang)
    open_app(page, server, "tracker", lang=lang)
    # An HTML chart (no Vega on this page): one image named by the same sentence.
    label = page.locator('.status-strip[role="img"]').get_attribute("aria-label")
    # The key figures: each status's count, as the metrics above the chart show them.
    values = [v.inner_text() for v in page.locator(f".{CARDS_CLASS} .value").all()]
    assert len(values) == 4
    shown = sum(int(v) for v in values)
    counts = dict(zip(("on_track", "behind", "far_behind", "no_data"), values, strict=True))
    items = t("a11y.chart.separator").join(
        t("a11y.chart.status_item", status=t(f"tracker.status.{s}"), count=n)
        for s, n in counts.items()
    )
    assert label == t("a11y.chart.tracker", count=t.number(shown), items=items), label
    box = page.locator(".st-key-tracker-chart-table")
    assert box.locator("table").count() == 0  # drawn only when open
    box.get_by_text(t("a11y.table.show"), exact=True).click()
    rows = box.locator(".plan-table tbody tr")
    expect(rows.first).to_be_visible(timeout=30_000)
    assert rows.count() == shown
    no_traceback(page)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_tornado_label_names_the_gap_and_follows_the_slider(page, server, lang):
    t = Translator(lang)
    page.set_viewport_size({"width": 1280, "height": 900})
    open_app(page, server, "economy", lang=lang, view="whatif")
    choose_tornado(page, lang)
    chart = label_of(page, TORNADO)
    before = chart.get_attribute("aria-label")
    sentence = t("a11y.chart.tornado_per_capita", year=TARGET_YEAR, value="\x00")
    assert before.startswith(opening(sentence)), before
    gap = re.match(re.escape(opening(sentence)) + f"(−?{NUMBER[lang]}) USD", before)
    assert gap, before  # the scenario's shortfall, in the reader's number format

    growth_slider(page).focus()
    page.keyboard.press("ArrowRight")
    expect(chart).not_to_have_attribute("aria-label", before, timeout=30_000)
    wait_until_ready(page)
    after = chart.get_attribute("aria-label")
    moved = re.match(re.escape(opening(sentence)) + f"(−?{NUMBER[lang]}) USD", after)
    assert moved, after
    assert moved.group(1) != gap.group(1), (before, after)  # more growth, another gap
    no_traceback(page)

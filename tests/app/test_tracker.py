"""The tracker page in each language: every target once with its status, the counts,
the commitments (their tab) with their dates and sources, the link's filters and bad input."""

from __future__ import annotations

import html
import re

import pandas as pd
import pytest

from components.html_table import CLASS
from components.navigation import page_of
from components.page_parts import escape_markdown, source_reference
from components.tracker_charts import STATUS_SYMBOLS, STRIP, status_label
from core import chart_text
from core.data import data_dir, load_table
from core.i18n import LANGUAGES, Translator, format_iso_date
from core.narrative import glossary
from core.tracker import STATUSES, status_counts, track
from tests.app.conftest import cards, outside_code_spans, run_page
from tests.unit.test_html_table import parse_table

PAGE = "pages/tracker.py"
TARGETS = load_table("plan_targets", data_dir())
TRACKED = track(TARGETS, load_table("economy_outturn", data_dir()))
COMMITMENTS = load_table("commitments", data_dir())
SOURCES = load_table("sources", data_dir()).set_index("id")


def no_exception(at) -> None:
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]


def status_tables(at, t: Translator) -> list[tuple[pd.DataFrame, str, str]]:
    """The page's HTML status tables (frame, caption, note shown above): one where any
    target is shown."""
    markups = [h.proto.body for h in at.get("html") if f'class="{CLASS}"' in h.proto.body]
    return [
        (frame, caption, note_of(markup))
        for markup in markups
        for frame, caption, _ in [parse_table(markup)]
        if t("tracker.col.status") in frame
    ]


def note_of(markup: str) -> str:
    found = re.search(f'<p class="{CLASS}-note">(.*?)</p>', markup)
    return html.unescape(found.group(1)) if found else ""


def strip_labels(at) -> list[str]:
    """The accessible names of the page's HTML status charts."""
    bodies = [h.proto.body for h in at.get("html") if f'class="{STRIP}"' in h.proto.body]
    return [
        html.unescape(re.search(f'class="{STRIP}" role="img" aria-label="([^"]*)"', b).group(1))
        for b in bodies
    ]


def table(at, t: Translator) -> pd.DataFrame:
    [(frame, _, _)] = status_tables(at, t)
    return frame


def names(t: Translator, rows: pd.DataFrame = TARGETS) -> list[str]:
    return [t.pick(row.indicator_vi, row.indicator_en) for row in rows.itertuples()]


@pytest.fixture(scope="module", params=LANGUAGES)
def opened(request) -> tuple:
    """The tracker as first opened, once per language (the tests below only read it)."""
    at = run_page(PAGE, request.param)
    no_exception(at)
    return at, Translator(request.param)


def test_every_target_appears_once_with_its_status(opened):
    at, t = opened
    assert at.title[0].value == t("tracker.title")
    frame = table(at, t)
    assert list(frame[t("tracker.col.indicator")]) == names(t)
    expected = [status_label(item.status, t) for item in TRACKED]
    assert list(frame[t("tracker.col.status")]) == expected
    # Every target of the file, once: the ids are the file's, the names unique.
    assert len(frame) == TARGETS["id"].nunique() == len(TRACKED)
    assert at.get("download_button")
    # The status chart in HTML (no Vega on this page), named by the counts' sentence.
    assert strip_labels(at) == [chart_text.tracker(t, status_counts(TRACKED))]
    assert not at.get("arrow_vega_lite_chart")
    assert not at.get("vega_lite_chart")


def test_the_table_says_what_estimate_and_derived_figure_mean(opened):
    at, t = opened
    frame = table(at, t)
    shown = set(", ".join(frame[t("tracker.col.quality")]).split(", "))
    assert t("tracker.quality.estimate") in shown  # the terms the glossary explains
    [(_, caption, note)] = status_tables(at, t)
    assert caption == t("tracker.table_heading")
    assert note.startswith(glossary(t))


def test_the_table_shows_no_source_ids_and_says_where_the_sources_are(opened):
    """Ids mean nothing to readers: the footer under the table cites the sources."""
    at, t = opened
    cells = table(at, t).astype(str).to_numpy().ravel()
    ids = {source_id for item in TRACKED for source_id in item.sources}
    assert ids
    assert not [cell for cell in cells if any(source_id in cell for source_id in ids)]
    [(_, _, note)] = status_tables(at, t)
    assert note.endswith(t("tracker.table_caption"))
    labels = [source_reference(SOURCES.loc[i], t.lang) for i in sorted(ids)]
    shown = "\n".join(c.value for c in at.caption)
    assert all(label in shown for label in labels)


def test_the_counts_shown_are_the_status_counts(opened):
    at, t = opened
    shown = cards(at)
    counted = status_counts(TRACKED)
    labels = {s: f"{STATUS_SYMBOLS[s]} {t(f'tracker.status_short.{s}')}" for s in STATUSES}
    assert shown == {labels[s]: t.number(counted[s]) for s in STATUSES}
    assert sum(counted.values()) == len(TARGETS)


def test_numbers_follow_the_reader_language():
    per_capita = next(item for item in TRACKED if item.target_id == "grdp_per_capita_usd")
    for lang, base in (("vi", "6.506"), ("en", "6,506")):
        t = Translator(lang)
        frame = table(run_page(PAGE, lang), t).set_index(t("tracker.col.indicator"))
        row = frame.loc[names(t, TARGETS[TARGETS["id"] == "grdp_per_capita_usd"])[0]]
        assert row[t("tracker.col.base")].startswith(f"{per_capita.base_year}: {base}")
        assert row[t("tracker.col.outturn_year")] == str(per_capita.outturn_year)
        assert t("tracker.quality.estimate") in row[t("tracker.col.quality")]


def test_the_first_view_is_the_status_and_draws_no_commitment(opened):
    """The commitments wait in their lazy tab: none of their cards is sent with the status."""
    at, t = opened
    assert page_of("tracker").views[0] == "status"
    assert at.query_params["view"] == "status"
    assert at.tabs[0].label == t("tracker.view.status")
    assert [tab.label for tab in at.tabs] == [
        t(f"tracker.view.{v}") for v in ("status", "commitments")
    ]
    assert t("tracker.commitments_heading") not in [h.value for h in at.subheader]
    assert not at.warning


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_commitment_has_an_as_of_date_and_a_source(lang):
    at = run_page(PAGE, lang, view="commitments")
    t = Translator(lang)
    no_exception(at)
    assert not at.info
    assert t("tracker.commitments_heading") in [h.value for h in at.subheader]
    assert not status_tables(at, t)
    assert not at.metric
    assert not cards(at)
    captions = [caption.value for caption in at.caption]
    for row in COMMITMENTS.itertuples():
        as_of = t("tracker.as_of", date=format_iso_date(row.as_of, lang))
        assert any(caption.startswith(as_of) for caption in captions), row.id
        first_source = source_reference(SOURCES.loc[row.source.split(";")[0]], lang)
        assert any(first_source in caption for caption in captions), row.id
    text = "\n".join(m.value for m in at.markdown)
    for row in COMMITMENTS.itertuples():
        assert t.pick(row.status_vi, row.status_en)[:30] in text.replace("\\", "")
    # Sources that disagree are shown as a conflict, both sides.
    conflicts = COMMITMENTS[COMMITMENTS["conflict_with"].notna()]
    warnings = [w.value for w in at.warning]
    for row in conflicts.itertuples():
        assert any(t.pick(row.name_vi, row.name_en) in w for w in warnings)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_link_filters_by_status_and_category_and_opens_a_target(lang):
    at = run_page(PAGE, lang, status="behind", category="economy", target="share_services")
    t = Translator(lang)
    no_exception(at)
    assert not at.info
    frame = table(at, t)
    wanted = [
        item.target_id for item in TRACKED if item.status == "behind" and item.category == "economy"
    ]
    assert list(frame[t("tracker.col.indicator")]) == names(t, TARGETS.set_index("id").loc[wanted])
    opened = TARGETS.set_index("id").loc["share_services"]
    name = escape_markdown(t.pick(opened["indicator_vi"], opened["indicator_en"]))
    assert any(m.value.startswith(f"#### {name}") for m in at.markdown)
    assert at.query_params["target"] == "share_services"


def test_a_repeated_status_shows_both():
    at = run_page(PAGE, "en", status=["behind", "no_data"])
    t = Translator("en")
    frame = table(at, t)
    labels = {status_label(s, t) for s in ("behind", "no_data")}
    assert set(frame[t("tracker.col.status")]) == labels
    assert at.query_params["status"] == ["behind", "no_data"]


@pytest.mark.parametrize(
    ("param", "key"),
    [("status", "notice_status"), ("category", "notice_category"), ("target", "notice_target")],
)
@pytest.mark.parametrize(
    "value", ["<script>alert(1)</script>", "[x](https://evil.example)", "nope"]
)
def test_hostile_links_give_a_notice_and_the_defaults(param, key, value):
    at = run_page(PAGE, "vi", **{param: value})
    t = Translator("vi")
    no_exception(at)
    [notice] = [info.value for info in at.info]
    opening = t(f"tracker.{key}", value="\x00", choices="", shown="").split("\x00")[0]
    assert notice.startswith(opening)
    assert "evil.example" not in outside_code_spans(notice)
    assert len(table(at, t)) == len(TARGETS)  # defaults: everything shown
    assert param not in at.query_params


def test_damaged_targets_file_shows_the_data_message(damaged_data):
    path = damaged_data / "plan_targets.csv"
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame.loc[1, "value_min"] = "lots"
    frame.to_csv(path, index=False)
    at = run_page(PAGE, "en")
    assert not at.exception
    assert any("plan_targets.csv" in error.value for error in at.error)
    assert at.title[0].value == Translator("en")("tracker.title")
    assert not status_tables(at, Translator("en"))
    assert run_page("pages/zones.py", "en").error.len == 0


def test_damaged_outturn_file_shows_the_data_message(damaged_data):
    (damaged_data / "economy_outturn.csv").write_text("year\nsoon\n", encoding="utf-8")
    at = run_page(PAGE, "vi")
    assert not at.exception
    assert any("economy_outturn.csv" in error.value for error in at.error)


@pytest.mark.parametrize("value", ["<script>alert(1)</script>", "[x](https://evil.example)"])
def test_a_bad_view_gets_a_notice_and_the_status(value):
    at = run_page(PAGE, "en", view=value)
    t = Translator("en")
    no_exception(at)
    [notice] = [info.value for info in at.info]
    assert notice.startswith(t("common.notice_view", value="\x00", choices="", shown="")[:20])
    assert "evil.example" not in outside_code_spans(notice)
    assert at.query_params["view"] == "status"
    assert len(table(at, t)) == len(TARGETS)


def test_the_link_filters_survive_a_visit_to_the_commitments_tab():
    at = run_page(PAGE, "en", status="behind")
    t = Translator("en")
    at.session_state["tracker-view"] = "commitments"
    at.run()
    assert t("tracker.commitments_heading") in [h.value for h in at.subheader]
    at.session_state["tracker-view"] = "status"
    at.run()
    assert set(table(at, t)[t("tracker.col.status")]) == {status_label("behind", t)}
    assert at.query_params["status"] == "behind"

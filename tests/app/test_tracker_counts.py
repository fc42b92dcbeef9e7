"""The tracker's counts outside its page (issue 15): the overview's count per status
and its link to the tracker, and the presentation's tracker screen, in each language.
Each count must equal the tracker page's and ``core.tracker.status_counts``."""

from __future__ import annotations

import pytest

from components.slides import SLIDES
from components.tracker_charts import STATUS_SYMBOLS
from core.data import data_dir, load_table
from core.i18n import LANGUAGES, Translator
from core.tracker import STATUSES, THRESHOLDS, status_counts, track
from tests.app.conftest import cards, run_page
from tests.app.test_present import present

COUNTS = status_counts(
    track(load_table("plan_targets", data_dir()), load_table("economy_outturn", data_dir()))
)


def counts_shown(at, t: Translator) -> dict[str, str]:
    """The cards that are status counts, by status (the other cards left out): HTML cards
    on the pages, st.metric on the slide."""
    labels = {f"{STATUS_SYMBOLS[s]} {t(f'tracker.status_short.{s}')}": s for s in STATUSES}
    shown = {**{m.label: m.value for m in at.metric}, **cards(at)}
    return {labels[label]: value for label, value in shown.items() if label in labels}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_overview_counts_are_the_trackers_and_link_to_it(lang):
    t = Translator(lang)
    overview = run_page("pages/overview.py", lang)
    assert not overview.exception
    tracker = run_page("pages/tracker.py", lang)
    shown = counts_shown(overview, t)
    assert shown == {s: t.number(n) for s, n in COUNTS.items()}
    assert shown == counts_shown(tracker, t)
    assert t("overview.tracker_heading") in [h.value for h in overview.subheader]
    links = [link for link in overview.get("page_link") if link.proto.page == "tracker"]
    # One beside the counts, one in the list of pages; both keep the language.
    assert len(links) == 2
    assert {link.proto.query_string for link in links} == {f"lang={lang}"}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_tracker_screen_shows_the_counts_and_the_chart(lang):
    t = Translator(lang)
    at = present(lang, step=str(SLIDES.index("tracker") + 1))
    assert not at.exception
    assert [w.value for w in at.warning] == []
    assert at.header[0].value == t("present.tracker.heading")
    assert counts_shown(at, t) == {s: t.number(n) for s, n in COUNTS.items()}
    assert at.get("arrow_vega_lite_chart") or at.get("vega_lite_chart")
    caption = t(
        "present.tracker.caption",
        behind=t.number(THRESHOLDS.behind_years),
        far=t.number(THRESHOLDS.far_behind_years),
        no_data=t.number(COUNTS["no_data"]),
    )
    assert caption in [c.value for c in at.caption]

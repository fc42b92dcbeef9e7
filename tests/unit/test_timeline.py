"""The timeline chart as HTML (issue 19): one marker per event on its kind's lane, an
approximate date as a hollow diamond over a faint bar across its span, every text
escaped, positions inside the chart."""

from __future__ import annotations

import re

import pandas as pd

from components.timeline import KIND_COLOURS, timeline_frame, timeline_html
from core.i18n import Translator

EN = Translator("en")
ROWS = [
    ("2024", "it_park", "Proposal <b>sent</b>"),
    ("2024-08-26", "it_park", "Meeting & talks"),
    ("2025-05-12", "plan", "Decision"),
]


def events(t: Translator = EN) -> pd.DataFrame:
    frame = pd.DataFrame(
        [
            {
                "date": date,
                "kind": kind,
                "event_vi": event,
                "event_en": event,
                "actors_vi": "A",
                "actors_en": "A",
                "outcome_vi": None,
                "outcome_en": None,
                "source": "src",
            }
            for date, kind, event in ROWS
        ]
    )
    return timeline_frame(frame, t)


def lefts(markup: str, css_class: str) -> list[float]:
    return [float(x) for x in re.findall(rf'class="{css_class}" style="left:([\d.]+)%', markup)]


def test_each_event_is_one_marker_and_an_approximate_date_spans_its_year():
    markup = timeline_html(events(), EN, "Timeline: 3 events")
    assert len(lefts(markup, "tl-dot")) == 2  # the two known days
    [diamond] = lefts(markup, "tl-dia")  # the year-only proposal, at mid-year
    [span] = re.findall(r'class="tl-span" style="left:([\d.]+)%;width:([\d.]+)%', markup)
    left, width = map(float, span)
    assert left < diamond < left + width
    assert all(0 < x < 100 for x in [*lefts(markup, "tl-dot"), diamond, left + width])
    # Lanes in KIND_ORDER, each event in its lane's colour.
    assert markup.index(EN("it_park.kind.plan")) < markup.index(EN("it_park.kind.it_park"))
    assert markup.count(KIND_COLOURS["it_park"]) == 3  # dot, bar and diamond
    assert 'role="img" aria-label="Timeline: 3 events"' in markup


def test_the_tooltip_names_date_actors_outcome_and_source_and_text_stays_text():
    markup = timeline_html(events(), EN, 'Name "quoted"')
    assert "<b>" not in markup
    assert "Proposal &lt;b&gt;sent&lt;/b&gt;" in markup
    assert "Meeting &amp; talks" in markup
    assert 'aria-label="Name &quot;quoted&quot;"' in markup
    title = re.search(r'title="(26 August 2024[^"]*)"', markup).group(1)
    for label in ("actors", "outcome", "source"):
        assert EN(f"it_park.timeline.{label}") in title
    assert "src" in title


def test_the_axis_names_months_inside_the_chart_in_the_readers_format():
    markup = timeline_html(events(), EN, "name")
    ticks = re.findall(r'class="tl-tick[^"]*" style="left:([\d.]+)%">([^<]+)<', markup)
    assert ticks
    assert all(6 <= float(at) <= 94 for at, _ in ticks)
    assert "Jul 2024" in [label for _, label in ticks]
    vi = Translator("vi")
    assert ">07/2024<" in timeline_html(events(vi), vi, "tên")

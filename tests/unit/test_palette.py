"""Colour checks (issue 17): WCAG contrast of the theme, the zone colours and the chart
palettes, and every categorical palette still distinguishable with colour-vision
deficiency (Machado 2009 simulation, CIEDE2000 distance).

Each check lists what fails today in KNOWN, with the proposed fix: the test fails when
a new failure appears and when a known one is fixed (then remove it from KNOWN).
"""

from __future__ import annotations

import csv
import tomllib

import pytest

from components import deck, map_charts, timeline
from components import economy_charts as charts
from components.html_lang import CAPTION_COLOUR
from components.palette import DARK_GREY, DOWN, UP, label_on
from core.i18n import Translator
from core.palette_check import (
    CVD_MATRICES,
    blend,
    ciede2000,
    closest_pair,
    contrast,
    distance,
    lab,
    simulate,
)
from tests.conftest import REPO

TEXT = 4.5  # WCAG 1.4.3, normal text
NON_TEXT = 3.0  # WCAG 1.4.11, lines, bars, swatches, focus rings (and 1.4.3 large text)
MIN_DISTANCE = 10.0  # CIEDE2000: well beyond "just noticeable" (≈2) for small marks
STREAMLIT_CAPTION_OPACITY = 0.6  # st.caption in Streamlit 1.67, undone by CAPTION_CSS
WHITE = "#FFFFFF"

THEME = tomllib.loads((REPO / ".streamlit" / "config.toml").read_text())["theme"]
with (REPO / "data" / "zones.csv").open(encoding="utf-8") as handle:
    ZONES = {f"zone {row['id']}": row["color"] for row in csv.DictReader(handle)}

PALETTES = {
    "zones": ZONES,
    "line series": {
        "outturn": charts.BLUE,
        "scenario": charts.VERMILION,
        "plan": charts.BLACK,
        **{f"saved {i}": colour for i, colour in enumerate(charts.SAVED_COLOURS, 1)},
    },
    "sectors": dict(
        zip(("sector 1", "sector 2", "sector 3", "other"), charts.SECTOR_COLOURS, strict=True)
    ),
    "timeline kinds": dict(timeline.KIND_COLOURS),
}

# (check, what) -> why it stays. Fixed (issue 17): INK labels on the light sector bars,
# INK outlines on zone bars and swatches, brown for a third saved scenario, #4D4D4D greys.
KNOWN = {
    ("non-text", "sector 2 (#E69F00) on white"): "labelled segments; white gaps separate them",
}


def outlined_in_ink() -> set[str]:
    """The palettes drawn with an INK outline wherever they touch the white page, so the
    outline, not the fill, carries the 3:1 of WCAG 1.4.11: the zone bars and swatches."""
    zone = next(iter(ZONES.values()))
    spec = map_charts.zone_share_chart({1: 50.0}, {1: "1"}, {1: zone}, 1, "area", Translator("vi"))
    bars = spec.to_dict()["layer"][0]["mark"]
    swatch = deck.legend_html([(zone, "1", "")])
    if bars.get("stroke") == charts.INK and f"border:1px solid {charts.INK}" in swatch:
        return {"zones"}
    return set()


def known(check: str) -> set[str]:
    return {what for kind, what in KNOWN if kind == check}


def test_colour_maths_matches_published_values():
    # Sharma, Wu & Dalal (2005), table 1, pairs 1 and 17.
    assert ciede2000((50, 2.6772, -79.7751), (50, 0, -82.7485)) == pytest.approx(2.0425, abs=1e-4)
    assert ciede2000((50, 2.5, 0), (73, 25, -18)) == pytest.approx(27.1492, abs=1e-4)
    assert contrast("#000000", WHITE) == pytest.approx(21)
    assert contrast("#767676", WHITE) == pytest.approx(4.54, abs=0.01)
    # Machado: greys stay grey, and red and green collapse for a deuteranope.
    assert simulate("#808080", "deuteranopia") == "#808080"
    assert distance(simulate("#FF0000", "deuteranopia"), simulate("#00A000", "deuteranopia")) < 15
    assert lab(WHITE)[0] == pytest.approx(100, abs=1e-3)


def test_theme_text_contrast():
    text, background = THEME["textColor"], THEME["backgroundColor"]
    pairs = {
        "text on background": (text, background),
        "text on secondary background": (text, THEME["secondaryBackgroundColor"]),
        "link on background": (THEME["linkColor"], background),
        "link on secondary background": (THEME["linkColor"], THEME["secondaryBackgroundColor"]),
        "white on a primary button": (WHITE, THEME["primaryColor"]),
        # Streamlit's own caption (opacity 0.6) fades a link below 4.5:1, hence CAPTION_CSS.
        "link in a Streamlit caption": (
            blend(THEME["linkColor"], background, STREAMLIT_CAPTION_OPACITY),
            background,
        ),
        "caption text (CAPTION_CSS)": (CAPTION_COLOUR, background),
        "caption text on secondary background": (CAPTION_COLOUR, THEME["secondaryBackgroundColor"]),
        "chart ink on white": (charts.INK, WHITE),
        "a card's change above the target": (UP, WHITE),
        "a card's change below the target": (DOWN, WHITE),
        "a card's plain change and fold": (DARK_GREY, WHITE),
    }
    failing = {name for name, (fg, bg) in pairs.items() if contrast(fg, bg) < TEXT}
    assert failing == {"link in a Streamlit caption"}, failing


def test_text_drawn_on_chart_colours():
    """The structure chart writes each share in bold 16 px (not "large": < 18.7 px), in
    INK or white, whichever its bar needs."""
    failing = {
        f"{label} label on {name} ({colour})"
        for name, colour, label in zip(
            PALETTES["sectors"], charts.SECTOR_COLOURS, charts.SECTOR_LABEL_COLOURS, strict=True
        )
        if contrast(label, colour) < TEXT
    }
    assert failing == known("text"), failing
    spec = charts.structure_template(("a", "b", "c", "d"), ("now",), Translator("en"))
    colour = spec["layer"][1]["encoding"]["color"]
    ink = [o for o, c in enumerate(charts.SECTOR_LABEL_COLOURS) if c == charts.INK]
    assert colour["condition"]["value"] == charts.INK
    assert colour["condition"]["test"] == " || ".join(f"datum.order == {o}" for o in ink)


def test_marks_stand_out_from_the_white_background():
    failing = {
        f"{name} ({colour}) on white"
        for palette_name, palette in PALETTES.items()
        if palette_name not in outlined_in_ink()
        for name, colour in palette.items()
        if contrast(colour, WHITE) < NON_TEXT
    }
    assert failing == known("non-text"), failing


@pytest.mark.parametrize("deficiency", [None, *CVD_MATRICES])
def test_palettes_stay_apart_with_colour_vision_deficiency(deficiency):
    failing = set()
    for palette_name, palette in PALETTES.items():
        gap, first, second = closest_pair(palette, deficiency)
        if gap < MIN_DISTANCE:
            failing.add(f"{palette_name} {deficiency or 'normal'}: {first} / {second}")
    expected = {what for what in known("distance") if f" {deficiency or 'normal'}:" in what}
    assert failing == expected, failing


def test_the_three_zones_are_apart_for_every_deficiency():
    """The issue's own bar, kept separate: the zone colours pass on their own."""
    for deficiency in [None, *CVD_MATRICES]:
        gap, first, second = closest_pair(ZONES, deficiency)
        assert gap >= MIN_DISTANCE, (deficiency, first, second, gap)


def test_labels_take_whichever_of_ink_and_white_reads_on_the_fill():
    assert label_on(charts.ORANGE) == charts.INK
    assert label_on(charts.BLUE) == WHITE
    assert label_on("#4D4D4D") == WHITE

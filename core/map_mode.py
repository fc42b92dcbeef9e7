"""Which zones map a link opens: the light static one (default) or the interactive one.

The static SVG map (core/svg_map.py) draws at once anywhere; the deck.gl map
needs a WebGL context and a 3 MB bundle, and in software rendering keeps a phone's main
thread busy for seconds (issue 19, benchmarks/results.md). Streamlit 1.67's st.context has
no viewport width, so the server cannot pick by screen: the reader asks for the
interactive map, and the link keeps that choice (``?map=interactive``).
"""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import urlencode

INTERACTIVE = "interactive"


def parse_map_mode(raw: Sequence[str]) -> tuple[bool, str | None]:
    """(whether the link asks for the interactive map, the rejected text if not valid)."""
    if not raw:
        return False, None
    if len(raw) == 1 and raw[0].strip().lower() == INTERACTIVE:
        return True, None
    return False, ",".join(raw)


def map_mode_param(interactive: bool) -> str | None:
    return INTERACTIVE if interactive else None


def choice_link(lang: str, zone: int, ward: int | None) -> str:
    """The relative link a unit of the light map leads to: this page with the unit's zone
    chosen, the language and the chosen ward kept. Built from validated values only (a
    language code, a zone id and a ward code the page accepted), never from the raw link,
    so nothing a visitor typed reaches the markup."""
    params = {"lang": lang, "zone": str(int(zone))}
    if ward is not None:
        params["ward"] = str(int(ward))
    return "?" + urlencode(params)

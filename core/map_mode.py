"""Which zones map a link opens: the light static one (default) or the interactive one.

The static Vega-Lite map draws in a few hundred milliseconds anywhere; the deck.gl map
needs a WebGL context and a 3 MB bundle, and in software rendering keeps a phone's main
thread busy for seconds (issue 19, benchmarks/results.md). Streamlit 1.67's st.context has
no viewport width, so the server cannot pick by screen: the reader asks for the
interactive map, and the link keeps that choice (``?map=interactive``).
"""

from __future__ import annotations

from collections.abc import Sequence

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

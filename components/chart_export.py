"""Charts as PNG and SVG files, drawn offline by vl_convert (downloads and the PDF brief)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import pandas as pd

from components.vega_theme import sized

FONT_DIR = Path(__file__).resolve().parent.parent / "assets" / "fonts"
EXPORT_FONT = "DejaVu Sans"  # bundled: full Vietnamese coverage on any machine


def _records(frame: pd.DataFrame) -> list[dict]:
    return json.loads(frame.to_json(orient="records"))


def export_spec(spec: dict, width: int = 1000) -> str:
    """Standalone Vega-Lite JSON (data inline, fixed width) for vl_convert."""
    out = dict(spec)
    out["datasets"] = {
        name: _records(value) if isinstance(value, pd.DataFrame) else value
        for name, value in spec.get("datasets", {}).items()
    }
    if out.get("width") == "container":
        out["width"] = width
    out.setdefault("background", "white")
    return json.dumps(out, ensure_ascii=False)


@lru_cache(maxsize=32)
def _png(spec: str) -> bytes:
    import vl_convert as vlc

    return vlc.vegalite_to_png(spec, scale=2)


@lru_cache(maxsize=32)
def _svg(spec: str) -> bytes:
    import vl_convert as vlc

    return vlc.vegalite_to_svg(spec).encode("utf-8")


@lru_cache(maxsize=1)
def register_fonts() -> None:
    """Let vl_convert use the bundled DejaVu Sans (full Vietnamese) on any machine."""
    import vl_convert as vlc

    vlc.register_font_directory(str(FONT_DIR))


def print_png(
    spec: dict, width: int, height: int | None = None, legend: str | None = "bottom"
) -> bytes:
    """A chart as PNG for print (the PDF brief): the bundled font, a given size, the
    legend moved (``None`` keeps it), drawn offline."""
    register_fonts()
    out = json.loads(export_spec(sized(spec, height) if height else spec, width))
    config = out.setdefault("config", {})
    config["font"] = EXPORT_FONT
    if legend:
        # Side by side: the printed chart is short and wide enough for the legends in a row.
        config["legend"] = {
            **config.get("legend", {}),
            "orient": legend,
            "direction": "vertical",
            "layout": {legend: {"direction": "horizontal", "anchor": "start"}},
        }
    return _png(json.dumps(out, ensure_ascii=False))


def captioned(spec: dict, caption: Sequence[str]) -> str:
    """The download's spec: the caption (sources, assumptions, link) beneath the chart,
    everything in the bundled export font."""
    register_fonts()
    out = json.loads(export_spec(spec))
    config = out.setdefault("config", {})
    config["font"] = EXPORT_FONT
    if caption:
        out["title"] = {
            "text": list(caption),
            "orient": "bottom",
            "anchor": "start",
            "font": EXPORT_FONT,
            "fontSize": 11,
            "fontWeight": "normal",
            "color": "#444444",
            "offset": 14,
        }
    return json.dumps(out, ensure_ascii=False)


def to_png(spec: dict, caption: Sequence[str] = ()) -> bytes:
    """PNG at twice the size, built offline on demand; repeated clicks are free."""
    return _png(captioned(spec, caption))


def to_svg(spec: dict, caption: Sequence[str] = ()) -> bytes:
    return _svg(captioned(spec, caption))

"""Where the map draws a place: for tests that click a unit or check the fitted view.

The app never needs it (deck.gl projects in the browser), so it lives with the tests.
"""

from __future__ import annotations

from core.geo import TILE_SIZE, Point, mercator


def to_pixel(point: Point, view: tuple[float, float, float], width: float, height: float) -> Point:
    """Where a (lon, lat) point is drawn in a map of that size showing ``view``."""
    lon, lat, zoom = view
    scale = TILE_SIZE * 2**zoom
    px, py = mercator(*point)
    cx, cy = mercator(lon, lat)
    return width / 2 + (px - cx) * scale, height / 2 + (py - cy) * scale

"""Where a map's name goes so that it covers no other name, marker or line.

Pure geometry in the map's pixels, measured from the view's centre: deck.gl keeps a
label's pixel size at any map width, so a spot clear on a desktop's map is clear on a
phone's, which shows the same zoom, only narrower.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence

from core.geo import TILE_SIZE, Point, bbox, contains, mercator

Box = tuple[float, float, float, float]  # left, top, right, bottom (px or map units, y down)
Segment = tuple[Point, Point]
SEARCH_STEP_PX = 6  # the grid a new spot is sought on: finer adds time, not better spots


def pixels(point: Point, view: tuple[float, float, float]) -> Point:
    """Where ``point`` (lon, lat) is drawn, in px from the centre of a map showing ``view``."""
    lon, lat, zoom = view
    scale = TILE_SIZE * 2**zoom
    x, y = mercator(*point)
    cx, cy = mercator(lon, lat)
    return (x - cx) * scale, (y - cy) * scale


def lon_lat(offset: Point, view: tuple[float, float, float]) -> Point:
    """The inverse of ``pixels``."""
    lon, lat, zoom = view
    scale = TILE_SIZE * 2**zoom
    cx, cy = mercator(lon, lat)
    x, y = cx + offset[0] / scale, cy + offset[1] / scale
    return x * 360 - 180, math.degrees(math.atan(math.sinh(math.pi * (1 - 2 * y))))


def overlaps(a: Box, b: Box, pad: float = 0.0) -> bool:
    """Whether the boxes overlap, or come within ``pad`` of each other."""
    return a[0] < b[2] + pad and b[0] < a[2] + pad and a[1] < b[3] + pad and b[1] < a[3] + pad


def meets(segment: Segment, box: Box) -> bool:
    """Whether the segment passes through the box (Liang–Barsky clipping)."""
    (x0, y0), (x1, y1) = segment
    dx, dy = x1 - x0, y1 - y0
    low, high = 0.0, 1.0
    for p, q in ((-dx, x0 - box[0]), (dx, box[2] - x0), (-dy, y0 - box[1]), (dy, box[3] - y0)):
        if p == 0:
            if q < 0:
                return False
            continue
        r = q / p
        if p < 0:
            low = max(low, r)
        else:
            high = min(high, r)
        if low > high:
            return False
    return True


def centred_box(centre: Point, width: float, height: float) -> Box:
    return (
        centre[0] - width / 2,
        centre[1] - height / 2,
        centre[0] + width / 2,
        centre[1] + height / 2,
    )


def is_clear(box: Box, boxes: Iterable[Box], segments: Iterable[Segment]) -> bool:
    return not any(overlaps(box, other) for other in boxes) and not any(
        meets(segment, box) for segment in segments
    )


def clear_spot(
    area: Mapping,
    start: Point,
    size: tuple[float, float],
    view: tuple[float, float, float],
    bounds: Sequence[Box],
    keep_off: tuple[Sequence[Box], Sequence[Segment], Mapping | None],
    *,
    centred: bool = True,
) -> Point | None:
    """The spot nearest ``start`` (lon, lat) for a name ``size`` (px) centred in ``area``
    (a GeoJSON geometry; with ``centred=False``, only partly over it), wholly inside one
    of ``bounds`` (px boxes, tried in order) and clear of ``keep_off``: other names' and
    markers' boxes, lines, and a region it must not cover (the province itself). None
    when there is no such spot."""
    boxes, segments, region = keep_off
    width, height = size
    origin = pixels(start, view)
    west, south, east, north = bbox(area)
    (left, top), (right, bottom) = pixels((west, north), view), pixels((east, south), view)
    # A centre in the area lies in its box: the grid need cover no more.
    reach = (left - width / 2, top - height / 2, right + width / 2, bottom + height / 2)

    def fits(centre: Point) -> bool:
        box = centred_box(centre, width, height)
        if not is_clear(box, boxes, segments):
            return False
        if centred and not contains(area, lon_lat(centre, view)):
            return False
        if not centred and not covers(area, box, view):
            return False
        return not covers(region, box, view)

    for bound in bounds:
        within = (
            max(bound[0], reach[0]),
            max(bound[1], reach[1]),
            min(bound[2], reach[2]),
            min(bound[3], reach[3]),
        )
        spot = _nearest(within, (width, height), origin, fits)
        if spot is not None:
            return lon_lat(spot, view)
    return None


def covers(region: Mapping | None, box: Box, view: tuple[float, float, float]) -> bool:
    """Whether the box (px) lies over part of ``region`` (a GeoJSON geometry, or none)."""
    return region is not None and any(contains(region, lon_lat(p, view)) for p in _samples(box))


def _nearest(
    bound: Box, size: tuple[float, float], origin: Point, fits: Callable[[Point], bool]
) -> Point | None:
    left, top = bound[0] + size[0] / 2, bound[1] + size[1] / 2
    right, bottom = bound[2] - size[0] / 2, bound[3] - size[1] / 2
    if left > right or top > bottom:
        return None
    columns = int((right - left) // SEARCH_STEP_PX) + 1
    rows = int((bottom - top) // SEARCH_STEP_PX) + 1
    grid = [
        (left + i * SEARCH_STEP_PX, top + j * SEARCH_STEP_PX)
        for i in range(columns)
        for j in range(rows)
    ]
    grid.sort(key=lambda p: math.dist(p, origin))
    return next((p for p in grid if fits(p)), None)


def _samples(box: Box, step: float = SEARCH_STEP_PX) -> list[Point]:
    """Points over the box at most ``step`` px apart, its edges included: a shape's
    corner poking into a name's box is found."""
    columns = max(2, math.ceil((box[2] - box[0]) / step) + 1)
    rows = max(2, math.ceil((box[3] - box[1]) / step) + 1)
    return [
        (
            box[0] + (box[2] - box[0]) * i / (columns - 1),
            box[1] + (box[3] - box[1]) * j / (rows - 1),
        )
        for i in range(columns)
        for j in range(rows)
    ]

"""Plain geometry for the zones map: centroids, label points, distances, density, views.

GeoJSON positions are ``[lon, lat]`` in degrees. The areas involved (one province and
its neighbours, about 100 km across) are small enough that plane geometry on
longitude/latitude is exact for centroids (an affine map keeps them) and close enough
for choosing where a label sits; distances between places use the great circle.

The map's URL state (``?zone=2&layers=connectivity,it_park,units``) is parsed here too, so
the rules for what a link may ask for are tested without a browser.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Iterable, Mapping, Sequence

EARTH_RADIUS_KM = 6371.0088  # mean radius (IUGG)
TILE_SIZE = 512  # deck.gl's Web Mercator world is 512 px wide at zoom 0

Point = tuple[float, float]
Ring = Sequence[Sequence[float]]
Polygon = Sequence[Ring]  # outer ring, then holes
BBox = tuple[float, float, float, float]  # west, south, east, north


def polygons(geometry: Mapping) -> list[Polygon]:
    """The polygons of a GeoJSON Polygon or MultiPolygon geometry."""
    kind = geometry.get("type")
    if kind == "Polygon":
        return [geometry["coordinates"]]
    if kind == "MultiPolygon":
        return list(geometry["coordinates"])
    raise ValueError(f"not a polygon geometry: {kind!r}")


def _ring_moments(ring: Ring) -> tuple[float, float, float]:
    """Signed area and first moments of one ring (shoelace formula)."""
    area = cx = cy = 0.0
    for (x0, y0, *_), (x1, y1, *_) in itertools.pairwise(ring):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    return area / 2, cx / 6, cy / 6


def centroid(geometry: Mapping) -> Point:
    """The area-weighted centroid (holes subtracted) of a polygon geometry."""
    total = mx = my = 0.0
    for polygon in polygons(geometry):
        for index, ring in enumerate(polygon):
            area, cx, cy = _ring_moments(ring)
            # The outer ring adds, holes subtract, whatever way each is wound.
            sign = (1 if index == 0 else -1) * (1 if area >= 0 else -1)
            total += sign * area
            mx += sign * cx
            my += sign * cy
    if total == 0:
        raise ValueError("geometry has no area")
    return mx / total, my / total


def bbox(geometry: Mapping) -> BBox:
    xs = [p[0] for polygon in polygons(geometry) for p in polygon[0]]
    ys = [p[1] for polygon in polygons(geometry) for p in polygon[0]]
    return min(xs), min(ys), max(xs), max(ys)


def union_bbox(boxes: Iterable[BBox]) -> BBox:
    boxes = list(boxes)
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


def _in_ring(x: float, y: float, ring: Ring) -> bool:
    inside = False
    for (x0, y0, *_), (x1, y1, *_) in itertools.pairwise(ring):
        if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
            inside = not inside
    return inside


def contains(geometry: Mapping, point: Point) -> bool:
    """Whether the point lies inside the geometry (outside its holes)."""
    x, y = point
    for polygon in polygons(geometry):
        if _in_ring(x, y, polygon[0]) and not any(_in_ring(x, y, hole) for hole in polygon[1:]):
            return True
    return False


def _edges(geometry: Mapping, xscale: float) -> list[tuple[float, float, float, float]]:
    """Every ring edge, with longitudes scaled so both axes are in latitude degrees."""
    return [
        (x0 * xscale, y0, x1 * xscale, y1)
        for polygon in polygons(geometry)
        for ring in polygon
        for (x0, y0, *_), (x1, y1, *_) in itertools.pairwise(ring)
    ]


def _clearance(x: float, y: float, edges: list, enough: float) -> float:
    """Distance from (x, y) to the nearest edge; stops early once below ``enough``."""
    best = math.inf
    limit = enough * enough
    for x0, y0, x1, y1 in edges:
        dx, dy = x1 - x0, y1 - y0
        length = dx * dx + dy * dy
        u = 0.0 if length == 0 else max(0.0, min(1.0, ((x - x0) * dx + (y - y0) * dy) / length))
        px, py = x0 + u * dx - x, y0 + u * dy - y
        best = min(best, px * px + py * py)
        if best <= limit:
            break
    return math.sqrt(best)


def representative_point(geometry: Mapping, within: BBox | None = None, steps: int = 14) -> Point:
    """A point well inside the geometry, for a label: the sampled point farthest from
    every edge (a grid search, refined once), optionally kept inside a box such as the
    map's view. Falls back to the centroid when no sample lands inside."""
    west, south, east, north = bbox(geometry)
    if within is not None:
        west, south = max(west, within[0]), max(south, within[1])
        east, north = min(east, within[2]), min(north, within[3])
    xscale = math.cos(math.radians((south + north) / 2))
    edges = _edges(geometry, xscale)
    best: tuple[float, Point] | None = None
    box = (west, south, east, north)
    for _ in range(2):
        w, s, e, n = box
        for i in range(steps + 1):
            for j in range(steps + 1):
                point = (
                    w + (e - w) * (i + 0.5) / (steps + 1),
                    s + (n - s) * (j + 0.5) / (steps + 1),
                )
                if not contains(geometry, point):
                    continue
                clearance = math.inf
                if within is not None:  # stay clear of the view's edge as well
                    clearance = min(
                        (point[0] - west) * xscale,
                        (east - point[0]) * xscale,
                        point[1] - south,
                        north - point[1],
                    )
                floor = best[0] if best else 0.0
                clearance = min(clearance, _clearance(point[0] * xscale, point[1], edges, floor))
                if clearance > floor or best is None:
                    best = (clearance, point)
        if best is None:
            break
        half_w, half_h = (e - w) / steps, (n - s) / steps
        cx, cy = best[1]
        box = (cx - half_w, cy - half_h, cx + half_w, cy + half_h)
    return best[1] if best else centroid(geometry)


def rounded(geometry: Mapping, decimals: int) -> dict:
    """A polygon geometry with its positions rounded (3 decimals: about 110 m, under a pixel
    at the zoom a whole province is seen) and the repeats rounding makes dropped; rings
    keep at least four positions, so each stays a closed ring."""

    def ring(positions: Ring) -> list[list[float]]:
        kept: list[list[float]] = []
        for x, y, *_ in positions:
            point = [round(x, decimals), round(y, decimals)]
            if not kept or point != kept[-1]:
                kept.append(point)
        if len(kept) < 4:
            return [[round(x, decimals), round(y, decimals)] for x, y, *_ in positions]
        return kept

    shapes = [[ring(r) for r in polygon] for polygon in polygons(geometry)]
    if geometry["type"] == "Polygon":
        return {"type": "Polygon", "coordinates": shapes[0]}
    return {"type": "MultiPolygon", "coordinates": shapes}


def haversine_km(a: Point, b: Point) -> float:
    """Great-circle distance in km between two (lon, lat) points."""
    lon1, lat1, lon2, lat2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(min(1.0, h)))


def _known(value: object) -> bool:
    if value is None:
        return False
    try:
        return math.isfinite(float(value))
    except (TypeError, ValueError):
        return False


def density(population: object, area_km2: object) -> float | None:
    """People per km², or None when the population or the area is unknown or not positive."""
    if not (_known(population) and _known(area_km2)):
        return None
    population, area_km2 = float(population), float(area_km2)
    if population <= 0 or area_km2 <= 0:
        return None
    return population / area_km2


def shares(values: Mapping[object, object]) -> dict[object, float] | None:
    """Each value's percentage of the total; None if any value is unknown or the total is 0."""
    if not values or not all(_known(v) for v in values.values()):
        return None
    total = sum(float(v) for v in values.values())
    if total <= 0:
        return None
    return {key: 100 * float(v) / total for key, v in values.items()}


def mercator(lon: float, lat: float) -> Point:
    """Web Mercator position in world units (0..1 across the world, y down)."""
    x = (lon + 180) / 360
    y = (1 - math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)) / math.pi) / 2
    return x, y


def fit_view(box: BBox, width: int, height: int, padding: int = 20) -> tuple[float, float, float]:
    """Centre longitude, latitude and zoom that show the box in a map of that pixel size."""
    x0, y1 = mercator(box[0], box[1])
    x1, y0 = mercator(box[2], box[3])
    zoom_x = math.log2((width - 2 * padding) / ((x1 - x0) * TILE_SIZE))
    zoom_y = math.log2((height - 2 * padding) / ((y1 - y0) * TILE_SIZE))
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    lon = cx * 360 - 180
    lat = math.degrees(math.atan(math.sinh(math.pi * (1 - 2 * cy))))
    return lon, lat, min(zoom_x, zoom_y)


# --- The map's state in the URL -----------------------------------------------------

# "units": the 36 wards and communes since 1/7/2025 (core/wards.py), off by default.
MAP_LAYERS = ("connectivity", "it_park", "units")
_MAX_PARAM = 100
_ZONE_VALUE = re.compile(r"^\s*([0-9])\s*$")


def parse_zone(raw: Sequence[str], zones: Iterable[int]) -> tuple[int | None, str | None]:
    """The zone a link asks for: ``(zone, None)``, ``(None, None)`` when it asks for none,
    or ``(None, rejected)`` when the value is unusable (empty, not a zone, repeated, long)."""
    if not raw:
        return None, None
    value = raw[-1] if len(raw) == 1 else ",".join(raw)
    match = _ZONE_VALUE.match(value) if len(raw) == 1 and len(value) <= _MAX_PARAM else None
    if match and int(match.group(1)) in set(zones):
        return int(match.group(1)), None
    return None, value


def parse_layers(raw: Sequence[str]) -> tuple[tuple[str, ...], str | None]:
    """The optional map layers a link switches on (``connectivity,it_park``), in a fixed
    order; with the rejected text when any part is not a known layer. Known parts of a
    partly wrong value are kept."""
    if not raw:
        return (), None
    value = raw[-1] if len(raw) == 1 else ",".join(raw)
    if len(raw) != 1 or len(value) > _MAX_PARAM:
        return (), value
    parts = [part.strip().lower() for part in value.split(",")]
    chosen = tuple(layer for layer in MAP_LAYERS if layer in parts)
    unknown = [part for part in parts if part not in MAP_LAYERS]
    return chosen, (value if unknown or not chosen else None)


def layers_param(layers: Iterable[str]) -> str:
    return ",".join(layer for layer in MAP_LAYERS if layer in set(layers))

"""Light maps drawn by plain Python (issue 19): a few shapes, their names placed so none
overlaps another, and markers, as an SVG image; over it, one link per shape clipped to
the shape's outline, with the shape's tooltip as its title.

A Vega-Lite map needs the Vega bundle (about 1.5 MB of JavaScript on a phone's first
visit) and draws in the browser; this is a few tens of KB of HTML any page shows. The
drawing travels as an ``<img>`` data URI because Streamlit 1.67's ``st.html`` sanitises
with DOMPurify's HTML-only profile, which drops inline ``<svg>`` whole (checked in
Chromium), while ``st.markdown``'s raw HTML would load a 184 KB parser on a first visit.
The links are plain HTML (``clip-path: polygon(...)`` limits each one's area to its
shape, in percentages, so they scale with the image), which DOMPurify keeps.

The same inputs give the same bytes: shapes and labels are drawn in the order given,
positions are rounded to 0.1 of a unit, text is escaped. The projection is
equirectangular with longitudes scaled by the cosine of the frame's middle latitude:
exact enough for a province 70 km across (under 0.5 % off in scale from north to south).
The frame fills ``VIEW_WIDTH`` units less a margin; the image scales to its container's
width, so sizes here are in those units.
"""

from __future__ import annotations

import html
import itertools
import math
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import quote

from core.geo import BBox, Point, polygons
from core.map_labels import Box, meets, overlaps

VIEW_WIDTH = 360.0  # units: a phone's map width in CSS px, so 15 units read as 15 px there
MARGIN = 8.0
LABEL_SIZE = 15.0
HALO = "#FFFFFF"
INK = "#111111"
LINE_HEIGHT = 1.25  # a label's box height per unit of font size (Vietnamese stacks marks)
# Distances from the point at which a label that does not fit over it is tried, in font
# sizes; from LEADER_GAP on, a line leads from the point to the label.
GAPS = (0.15, 0.6, 1.2, 2.0, 3.0, 4.5)
LEADER_GAP = 1.2
# Where a label is tried around its point: below, above, right, left, then the diagonals.
DIRECTIONS = ((0, 1), (0, -1), (1, 0), (-1, 0), (1, 1), (-1, 1), (1, -1), (-1, -1))

# A linked shape under the pointer lightens; one focused by the keyboard turns dark (an
# outline would be clipped away with the rest of the link's box). Scoped by class.
LINK_STYLE = (
    "<style>.svg-map a:hover{background:rgba(255,255,255,.3)}"
    ".svg-map a:focus-visible{background:rgba(17,17,17,.85);outline:none}</style>"
)
FONT = "Liberation Sans, Arial, Helvetica, sans-serif"  # an image sees system fonts only
# Characters a data URI may carry as they are (quote() encodes the rest, UTF-8 included).
URI_SAFE = " /=:;,.'-()"


@dataclass(frozen=True)
class Frame:
    """Where a lon/lat point lands on the map: ``project`` gives map units, y down."""

    west: float
    north: float
    xscale: float  # cos(middle latitude)
    scale: float  # map units per degree of latitude
    width: float
    height: float

    @classmethod
    def fit(cls, box: BBox, width: float = VIEW_WIDTH, margin: float = MARGIN) -> Frame:
        """The frame that shows ``box`` (west, south, east, north) across ``width`` less a
        margin on every side; its height follows from the box's shape."""
        west, south, east, north = box
        xscale = math.cos(math.radians((south + north) / 2))
        scale = (width - 2 * margin) / ((east - west) * xscale)
        height = round((north - south) * scale + 2 * margin, 1)
        return cls(
            west - margin / (scale * xscale), north + margin / scale, xscale, scale, width, height
        )

    def project(self, point: Sequence[float]) -> tuple[float, float]:
        lon, lat = point[0], point[1]
        return (lon - self.west) * self.xscale * self.scale, (self.north - lat) * self.scale


@dataclass(frozen=True)
class Shape:
    """A filled (or, with ``fill="none"``, outlined) polygon geometry."""

    geometry: Mapping
    fill: str
    fill_opacity: float = 1.0
    stroke: str = HALO
    stroke_width: float = 1.5


@dataclass(frozen=True)
class Link:
    """A polygon geometry leading to ``href``; ``title`` (plain text, lines apart) is its
    tooltip and its name for screen readers."""

    geometry: Mapping
    href: str
    title: str


@dataclass(frozen=True)
class Label:
    point: Point  # lon, lat
    text: str
    colour: str = INK
    size: float = LABEL_SIZE
    bold: bool = True


@dataclass(frozen=True)
class Marker:
    point: Point  # lon, lat
    colour: str
    radius: float = 6.0


@dataclass(frozen=True)
class Placed:
    """A label where it is drawn: its centre, its box and, when moved away from its
    point, the line's two ends (point, nearest edge of the box)."""

    label: Label
    centre: tuple[float, float]
    box: Box
    leader: tuple[float, float, float, float] | None


def number(value: float) -> str:
    """A coordinate at 0.1 unit, without a trailing ".0" or a "-0"."""
    text = f"{round(value, 1):.1f}".removesuffix(".0")
    return "0" if text == "-0" else text


def path_data(geometry: Mapping, frame: Frame) -> str:
    """The SVG path of a Polygon/MultiPolygon: each ring moved to, then drawn in relative
    steps of whole tenths (no drift from rounding), steps that rounding made zero dropped."""
    parts = []
    for polygon in polygons(geometry):
        for ring in polygon:
            tenths = []
            for position in ring:
                x, y = frame.project(position)
                point = (round(x * 10), round(y * 10))
                if not tenths or point != tenths[-1]:
                    tenths.append(point)
            if len(tenths) > 1 and tenths[0] == tenths[-1]:
                tenths.pop()
            if len(tenths) < 3:
                continue  # a ring smaller than a tenth of a unit draws nothing
            (x0, y0), steps = tenths[0], []
            for (xa, ya), (xb, yb) in itertools.pairwise(tenths):
                steps.append(f"{number((xb - xa) / 10)} {number((yb - ya) / 10)}")
            parts.append(f"M{number(x0 / 10)} {number(y0 / 10)}l{' '.join(steps)}z")
    return "".join(parts)


# --- Labels ------------------------------------------------------------------------------

_NARROW = set("fijlrtI.,:;'!|()[] ")
_WIDE = set("mwMW")


def text_width(text: str, size: float) -> float:
    """A label's width, estimated a little generously from Arial Bold's widths (the page's
    Source Sans is narrower): marks of Vietnamese letters add no width."""
    width = 0.0
    for char in unicodedata.normalize("NFD", text):
        if unicodedata.combining(char):
            continue
        if char in _NARROW:
            width += 0.3
        elif char in _WIDE:
            width += 0.9
        elif char.isupper():
            width += 0.72
        else:
            width += 0.58
    return width * size


def _candidates(x: float, y: float, w: float, h: float, size: float, width: float):
    """(centre, gap) of each place tried for a label, nearest first: over the point (slid
    sideways to stay inside the frame's ``width``), then beside it in each direction at
    growing gaps."""
    yield (min(max(x, w / 2), width - w / 2), y), None
    for gap in GAPS:
        for dx, dy in DIRECTIONS:
            yield (x + dx * (w / 2 + gap * size), y + dy * (h / 2 + gap * size)), gap


def _place(label: Label, frame: Frame, boxes: list[Box], cross: bool) -> Placed | None:
    """The first free place for the label, or None; ``cross``: may its line cross labels."""
    x, y = frame.project(label.point)
    w, h = text_width(label.text, label.size), label.size * LINE_HEIGHT
    for (cx, cy), gap in _candidates(x, y, w, h, label.size, frame.width):
        box = (cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)
        inside = box[0] >= 0 and box[1] >= 0 and box[2] <= frame.width
        if not inside or box[3] > frame.height or any(overlaps(box, b, pad=1.0) for b in boxes):
            continue
        if gap is None or gap < LEADER_GAP:
            return Placed(label, (cx, cy), box, None)
        ex, ey = min(max(x, box[0]), box[2]), min(max(y, box[1]), box[3])
        # A label over the point itself hides the line's start anyway.
        others = (b for b in boxes if not (b[0] <= x <= b[2] and b[1] <= y <= b[3]))
        if cross or not any(meets(((x, y), (ex, ey)), b) for b in others):
            return Placed(label, (cx, cy), box, (x, y, ex, ey))
    return None


def place_labels(labels: Iterable[Label], frame: Frame, taken: Iterable[Box] = ()) -> list[Placed]:
    """Each label over its point if it fits, else at the nearest place beside it that
    overlaps no earlier label (nor ``taken``) and stays inside the frame, with a line
    back to the point when far; a place whose line crosses no other label is preferred.
    Earlier labels win, so pass the most important first. A label with no free place at
    all stays over its point."""
    boxes, placed = list(taken), []
    for label in labels:
        chosen = _place(label, frame, boxes, cross=False) or _place(label, frame, boxes, True)
        if chosen is None:
            x, y = frame.project(label.point)
            w, h = text_width(label.text, label.size), label.size * LINE_HEIGHT
            chosen = Placed(label, (x, y), (x - w / 2, y - h / 2, x + w / 2, y + h / 2), None)
        boxes.append(chosen.box)
        placed.append(chosen)
    return placed


# --- Markup ------------------------------------------------------------------------------


def _attribute(value: str) -> str:
    """Escaped for an attribute; a line break as a character reference keeps the markup
    on one line (HTML reads it back as a line break in a tooltip)."""
    return html.escape(value, quote=True).replace("\n", "&#10;")


def _shape(shape: Shape, frame: Frame) -> str:
    fill_opacity = f" fill-opacity='{shape.fill_opacity:.2f}'" if shape.fill_opacity < 1 else ""
    return (
        f"<path d='{path_data(shape.geometry, frame)}' fill='{_attribute(shape.fill)}'"
        f"{fill_opacity} fill-rule='evenodd' stroke='{_attribute(shape.stroke)}'"
        f" stroke-width='{number(shape.stroke_width)}' stroke-linejoin='round'/>"
    )


def _label(placed: Placed) -> str:
    label, (x, y) = placed.label, placed.centre
    weight = " font-weight='bold'" if label.bold else ""
    return (
        f"<text x='{number(x)}' y='{number(y)}' font-size='{number(label.size)}'{weight}"
        f" fill='{_attribute(label.colour)}' stroke='{HALO}'"
        f" stroke-width='{number(label.size / 4)}'"
        " stroke-linejoin='round' paint-order='stroke' text-anchor='middle'"
        f" dominant-baseline='central'>{html.escape(label.text, quote=False)}</text>"
    )


def _leader(placed: Placed) -> str:
    x0, y0, x1, y1 = placed.leader
    colour = _attribute(placed.label.colour)
    return (
        f"<line x1='{number(x0)}' y1='{number(y0)}' x2='{number(x1)}' y2='{number(y1)}'"
        f" stroke='{colour}' stroke-width='1.2'/>"
        f"<circle cx='{number(x0)}' cy='{number(y0)}' r='2' fill='{colour}'/>"
    )


def _marker(marker: Marker, frame: Frame) -> str:
    x, y = frame.project(marker.point)
    return (
        f"<circle cx='{number(x)}' cy='{number(y)}' r='{number(marker.radius)}'"
        f" fill='{_attribute(marker.colour)}' stroke='{HALO}' stroke-width='2'/>"
    )


def marker_box(marker: Marker, frame: Frame) -> Box:
    """The box a marker covers, for ``place_labels(taken=...)``."""
    x, y = frame.project(marker.point)
    r = marker.radius + 1
    return x - r, y - r, x + r, y + r


def svg(
    frame: Frame,
    shapes: Sequence[Shape],
    labels: Sequence[Placed] = (),
    markers: Sequence[Marker] = (),
) -> str:
    """The drawing as a standalone SVG document: shapes in the order given, then leader
    lines, markers and labels on top (attributes in single quotes: a data URI then
    needs no encoding for them)."""
    width, height = number(frame.width), number(frame.height)
    return (
        f"<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 {width} {height}'"
        f" width='{width}' height='{height}' font-family='{FONT}'>"
        + "".join(_shape(shape, frame) for shape in shapes)
        + "".join(_leader(p) for p in labels if p.leader)
        + "".join(_marker(m, frame) for m in markers)
        + "".join(_label(p) for p in labels)
        + "</svg>"
    )


def data_uri(document: str) -> str:
    return "data:image/svg+xml," + quote(document, safe=URI_SAFE)


def clip_polygon(geometry: Mapping, frame: Frame) -> str:
    """The geometry as one CSS ``polygon()`` in percentages of the frame: every ring is
    closed and the path returns to the first ring's start after each, so with the
    even-odd rule the bridges between rings enclose nothing and holes stay holes."""
    points: list[str] = []
    start = None
    for polygon in polygons(geometry):
        for ring in polygon:
            for position in ring:
                x, y = frame.project(position)
                point = f"{number(100 * x / frame.width)}% {number(100 * y / frame.height)}%"
                if not points or point != points[-1]:
                    points.append(point)
            if start is None:
                start = points[0]
            elif points[-1] != start:
                points.append(start)
    return f"polygon(evenodd,{','.join(points)})"


def map_html(
    frame: Frame,
    drawing: str,
    name: str,
    links: Sequence[Link] = (),
    max_width: str | None = None,
) -> str:
    """The drawing as an image named ``name`` for screen readers, and over it a link per
    ``links`` shape, each limited to its shape and named by its title (a click on a
    unit's name reaches it too: the names are part of the image beneath)."""
    width = f";max-width:{max_width}" if max_width else ""
    image = (
        f'<img src="{data_uri(drawing)}" alt="{_attribute(name)}"'
        ' style="display:block;width:100%;height:auto"/>'
    )
    anchors = "".join(
        f'<a href="{_attribute(link.href)}" title="{_attribute(link.title)}"'
        f' aria-label="{_attribute(link.title)}" style="position:absolute;inset:0;'
        f'clip-path:{clip_polygon(link.geometry, frame)}"></a>'
        for link in links
    )
    style = LINK_STYLE if links else ""
    return f'{style}<div class="svg-map" style="position:relative{width}">{image}{anchors}</div>'

"""Reading a light map's markup (core/svg_map.map_html) back in tests: the image, the
SVG drawing it shows and the links over it."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import NamedTuple
from urllib.parse import parse_qs, unquote

NS = "{http://www.w3.org/2000/svg}"


class Parts(NamedTuple):
    image: ET.Element  # the <img>
    drawing: ET.Element  # the SVG document it shows
    links: list[ET.Element]


def drawing_of(src: str) -> ET.Element:
    """The SVG document an image's data URI carries."""
    return ET.fromstring(unquote(src.removeprefix("data:image/svg+xml,")))


def parsed(markup: str) -> Parts:
    root = ET.fromstring(f"<root>{markup}</root>")
    image = root.find(".//img")
    return Parts(image, drawing_of(image.get("src")), root.findall(".//a"))


def query(link: ET.Element) -> dict[str, list[str]]:
    return parse_qs(link.get("href").removeprefix("?"))

"""The zones map in real Chromium with no internet: colours on the canvas, the tooltip,
choosing a zone (selector and click) and a link that switches the connectivity layer on."""

from __future__ import annotations

import io
import time

import numpy as np
import pytest
from PIL import Image
from playwright.sync_api import expect

from components.deck import MARKER, geometry, it_park_position, located
from core.data import data_dir, load_geojson, load_table
from core.i18n import LANGUAGES, Translator
from tests.e2e.conftest import (
    ARTIFACTS,
    no_traceback,
    open_app,
    open_page,
    screenshot,
    wait_until_ready,
)
from tests.map_pixels import to_pixel

MAP = '[data-testid="stDeckGlJsonChart"]'
TOLERANCE = 8  # per channel: antialiasing at edges, colour management
ZONES = load_table("zones", data_dir()).set_index("id")


def hex_rgb(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour.lstrip("#")[i : i + 2], 16) for i in (0, 2, 4))


def the_map_geometry():
    folder = data_dir()
    districts = load_geojson("districts_geo", folder)
    region = load_geojson("region_geo", folder)
    points = tuple(
        (float(r.lon), float(r.lat))
        for r in located(load_table("connectivity", folder)).itertuples()
    )
    park = it_park_position(load_table("it_park", folder))
    points += (park,) if park else ()
    return geometry(districts, region, folder=str(folder), points=points)


GEO = the_map_geometry()


def map_image(page, path=None) -> Image.Image:
    # After a rerun the chart may be re-laid out for a moment: wait for it to settle.
    page.wait_for_selector(f"{MAP} canvas", state="attached", timeout=60_000)
    wait_until_ready(page)
    data = page.locator(MAP).screenshot(path=str(path) if path else None, timeout=60_000)
    return Image.open(io.BytesIO(data)).convert("RGB")


def count(image: Image.Image, rgb: tuple[int, int, int]) -> int:
    """Pixels within TOLERANCE of a colour on every channel."""
    pixels = np.asarray(image, dtype=int)
    return int((np.abs(pixels - np.array(rgb)) <= TOLERANCE).all(axis=2).sum())


def wait_for_colours(
    page, colours: dict, present: bool = True, seconds: float = 60, least: int = 400
):
    """The map screenshot once every colour is (or none is) drawn over ``least`` pixels."""
    deadline = time.monotonic() + seconds
    while True:
        image = map_image(page)
        counts = {name: count(image, rgb) for name, rgb in colours.items()}
        if all((n > least) == present for n in counts.values()) or time.monotonic() > deadline:
            return image, counts
        page.wait_for_timeout(500)  # the poll interval: a map screenshot is not cheap


def wait_for_query(page, fragment: str) -> None:
    """The app rewrites the URL in place (no navigation), so poll it."""
    page.wait_for_function("f => location.search.includes(f)", arg=fragment, timeout=60_000)


def unit_pixel(page, code: int) -> tuple[float, float]:
    """Where a unit's label point is drawn, in viewport coordinates (map scrolled into view)."""
    page.locator(MAP).evaluate("e => e.scrollIntoView({block: 'center'})")
    canvas = page.locator(f"{MAP} canvas").first
    canvas.scroll_into_view_if_needed()  # waits until the canvas stops moving
    box = canvas.bounding_box()
    x, y = to_pixel(GEO.labels[code], GEO.view, box["width"], box["height"])
    return box["x"] + x, box["y"] + y


def hover_unit(page, code: int, text: str):
    """Point at a unit's label until deck.gl shows its tooltip containing `text`.

    deck.gl picks only once its layers are drawn and may re-lay the map out meanwhile, so
    each try measures the label's position again and moves a few pixels (a label may sit
    on a boundary; the same pixel twice sends no new event).
    """
    tooltip = page.locator(".deck-tooltip").filter(has_text=text)
    offsets = ((0, 0), (3, 3), (-3, -3), (0, 6))
    deadline = time.monotonic() + 90
    attempt = 0
    while True:
        x, y = unit_pixel(page, code)
        dx, dy = offsets[attempt % len(offsets)]
        page.mouse.move(x + dx, y + dy)
        try:
            expect(tooltip).to_be_visible(timeout=3_000)
            return tooltip, (x + dx, y + dy)
        except AssertionError:
            if time.monotonic() > deadline:
                raise
        attempt += 1


def zone_colours() -> dict[int, tuple[int, int, int]]:
    return {zone: hex_rgb(ZONES.loc[zone, "color"]) for zone in ZONES.index}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_map_shows_the_three_zones_offline(page, server, lang):
    open_page(page, server, "zones", lang, map="interactive")
    image, counts = wait_for_colours(page, zone_colours())
    assert all(n > 400 for n in counts.values()), counts
    # The plain background: no basemap tiles, so most of the canvas is light and flat.
    assert image.getpixel((5, 5))[0] > 200
    map_image(page, ARTIFACTS / f"zones-map-{lang}.png")
    screenshot(page, f"zones-{lang}")
    # page fixture: nothing left localhost (no Carto basemap, no fonts, no tiles)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_hovering_thu_dau_mot_shows_its_tooltip(page, server, lang):
    t = Translator(lang)
    open_app(page, server, "zones", map="interactive", lang=lang)
    wait_for_colours(page, zone_colours())
    name = {"vi": "Thủ Dầu Một (thành phố)", "en": "Thu Dau Mot (city)"}[lang]
    tooltip, _ = hover_unit(page, 718, name)
    text = tooltip.inner_text()
    assert name in text
    assert {"vi": "Diện tích: 118,67 km²", "en": "Area: 118.67 km²"}[lang] in text
    assert t("zones.tip.population_missing") in text
    role = ZONES.loc[2, "role_vi" if lang == "vi" else "role_en"]
    assert role in text
    page.locator(MAP).screenshot(path=str(ARTIFACTS / f"zones-tooltip-{lang}.png"))


def test_choosing_zone_3_highlights_it_and_shows_its_card(page, server):
    t = Translator("vi")
    open_app(page, server, "zones", map="interactive", lang="vi")
    wait_for_colours(page, zone_colours())
    page.get_by_role("radio", name="Khu vực 3", exact=True).click()
    wait_for_query(page, "zone=3")
    wait_until_ready(page)
    colours = zone_colours()
    image, counts = wait_for_colours(page, {1: colours[1], 2: colours[2]}, present=False)
    # the other zones are faded
    assert counts[1] < 400, counts
    assert counts[2] < 400, counts
    assert count(image, colours[3]) > 400
    card = page.locator(".st-key-zone-card")
    card.wait_for()
    row = ZONES.loc[3]
    assert t("zones.card_title", zone=row["name_vi"], role=row["role_vi"]) in card.inner_text()
    assert "Bắc Tân Uyên" in card.inner_text()
    no_traceback(page)
    screenshot(page, "zones-zone3")


def test_clicking_a_unit_chooses_its_zone(page, server):
    open_app(page, server, "zones", map="interactive", lang="en")
    wait_for_colours(page, zone_colours())
    _, (x, y) = hover_unit(page, 724, "Di An")  # zone 1; deck.gl picks on hover first
    page.mouse.click(x, y)
    wait_for_query(page, "zone=1")
    wait_until_ready(page)
    card = page.locator(".st-key-zone-card")
    card.wait_for()
    assert "Zone 1" in card.inner_text()
    # Streamlit's own selection fading is dropped: zone 1 is drawn in its full colour.
    colours = zone_colours()
    image, counts = wait_for_colours(page, {1: colours[1]})
    assert counts[1] > 400
    assert count(image, colours[2]) < 400  # and the other zones are faded
    no_traceback(page)


def test_link_switches_the_connectivity_layer_on(page, server):
    t = Translator("en")
    open_app(page, server, "zones", map="interactive", lang="en", layers="connectivity")
    toggle = page.get_by_role("switch", name=t("zones.layer.connectivity"))
    assert toggle.is_checked()
    _, counts = wait_for_colours(page, {"marker": tuple(MARKER)}, least=150)
    # The two airports and two border gates with a sourced position are drawn.
    assert counts["marker"] > 150, counts
    body = page.inner_text("body")
    assert t("zones.unlocated_heading").strip("*") in body
    # The places with no sourced position are listed under the map; the placed ones not.
    unlisted = (
        page.locator('[data-testid="stMarkdownContainer"]')
        .filter(has_text=t("zones.unlocated_heading").strip("*"))
        .inner_text()
    )
    assert "Cái Mép–Thị Vải" in unlisted
    assert "Cần Giờ" in unlisted
    assert "Mộc Bài" not in unlisted
    assert "Hoa Lư" not in unlisted
    assert t("zones.centre_caption") in body
    assert "layers=connectivity" in page.url
    no_traceback(page)
    screenshot(page, "zones-connectivity-en")


def test_bad_link_values_show_a_notice_not_an_error(page, server):
    open_app(
        page,
        server,
        "zones",
        map="interactive",
        lang="en",
        zone="%3Cb%3E99%3C%2Fb%3E",
        layers="rivers",
    )
    no_traceback(page)
    body = page.inner_text("body")
    assert "The zone in the link" in body
    assert "map layers in the link" in body
    assert page.locator('[data-testid="stAlertContentError"]').count() == 0
    assert page.locator(f"{MAP} canvas").count() > 0

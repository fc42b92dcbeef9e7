"""The zones map in real Chromium with no internet: colours on the canvas, the tooltip,
choosing a zone (selector and click) and a link that switches the connectivity layer on."""

from __future__ import annotations

import io
import time

import numpy as np
import pytest
from PIL import Image
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import expect

from components.deck import MARKER, WARD_CHOSEN, geometry, map_points
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
STATIC = ".st-key-zones-static-map"  # the light SVG map the page opens on (issue 19)
TOLERANCE = 8  # per channel: antialiasing at edges, colour management
ZONES = load_table("zones", data_dir()).set_index("id")


def hex_rgb(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour.lstrip("#")[i : i + 2], 16) for i in (0, 2, 4))


def the_map_geometry():
    folder = data_dir()
    districts = load_geojson("districts_geo", folder)
    region = load_geojson("region_geo", folder)
    located_geo = load_geojson("located_geo", folder)
    connectivity, park = load_table("connectivity", folder), load_table("it_park", folder)
    points = map_points(connectivity, park)
    return geometry(districts, region, folder=str(folder), points=points, _located_geo=located_geo)


GEO = the_map_geometry()


def map_image(page, path=None, scope: str = MAP) -> Image.Image:
    # After a rerun the chart may be re-laid out for a moment: wait for it to settle.
    drawn = page.locator(f"{scope} canvas, {scope} svg, {scope} img").first
    drawn.wait_for(state="attached", timeout=60_000)
    wait_until_ready(page)
    page.wait_for_function("() => [...document.images].every(image => image.complete)")
    data = page.locator(scope).screenshot(path=str(path) if path else None, timeout=60_000)
    return Image.open(io.BytesIO(data)).convert("RGB")


def count(image: Image.Image, rgb: tuple[int, int, int]) -> int:
    """Pixels within TOLERANCE of a colour on every channel."""
    pixels = np.asarray(image, dtype=int)
    return int((np.abs(pixels - np.array(rgb)) <= TOLERANCE).all(axis=2).sum())


def wait_for_colours(
    page,
    colours: dict,
    present: bool = True,
    seconds: float = 60,
    least: int = 400,
    scope: str = MAP,
):
    """The map screenshot once every colour is (or none is) drawn over ``least`` pixels."""
    deadline = time.monotonic() + seconds
    while True:
        image = map_image(page, scope=scope)
        counts = {name: count(image, rgb) for name, rgb in colours.items()}
        if all((n > least) == present for n in counts.values()) or time.monotonic() > deadline:
            return image, counts
        page.wait_for_timeout(500)  # the poll interval: a map screenshot is not cheap


def wait_for_query(page, fragment: str) -> None:
    """The app rewrites the URL in place (no navigation), so poll it."""
    page.wait_for_function("f => location.search.includes(f)", arg=fragment, timeout=60_000)


def click_until_query(page, point: tuple[float, float], fragment: str) -> None:
    """Click a map point until the URL holds ``fragment``.

    deck.gl counts a click only as a quick tap (its gesture recogniser's press time, 250 ms,
    measured when the events are handled): on a loaded machine the release can be handled
    late, after a picking render, and the click is dropped (CI at load 10). Before each new
    try the app must be idle and the URL is read again, so a click that did land is never
    repeated; a repeated click could only unselect, which the page ignores.
    """
    deadline = time.monotonic() + 90
    while True:
        page.mouse.click(*point)
        try:
            page.wait_for_function("f => location.search.includes(f)", arg=fragment, timeout=5_000)
            return
        except PlaywrightTimeoutError:
            wait_until_ready(page)
            if fragment in page.evaluate("location.search"):
                return
            if time.monotonic() > deadline:
                raise


def unit_pixel(page, code: int, layers: tuple[str, ...] = ()) -> tuple[float, float]:
    """Where a unit's label point is drawn, in viewport coordinates (map scrolled into view),
    from the view the map shows with these layers on."""
    page.locator(MAP).evaluate("e => e.scrollIntoView({block: 'center'})")
    canvas = page.locator(f"{MAP} canvas").first
    canvas.scroll_into_view_if_needed()  # waits until the canvas stops moving
    box = canvas.bounding_box()
    x, y = to_pixel(GEO.labels[code], GEO.frame(layers).view, box["width"], box["height"])
    return box["x"] + x, box["y"] + y


def hover_unit(page, code: int, text: str, layers: tuple[str, ...] = ()):
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
        x, y = unit_pixel(page, code, layers)
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
    name = {"vi": "Thủ Dầu Một (thành phố)", "en": "Thủ Dầu Một (city)"}[lang]
    tooltip, _ = hover_unit(page, 718, name)
    text = tooltip.inner_text()
    assert name in text
    assert {"vi": "Diện tích: 118,67 km²", "en": "Area: 118.67 km²"}[lang] in text
    # No population line while none is sourced (the page says why once, under its table).
    assert t("zones.col.population") not in text
    assert "—" not in text
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
    _, (x, y) = hover_unit(page, 724, "Dĩ An")  # zone 1; deck.gl picks on hover first
    click_until_query(page, (x, y), "zone=1")
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
    heading = t("zones.located.heading").strip("*")
    assert heading in body
    # The places with no point are listed under the map as the area they lie in.
    unlisted = (
        page.locator('[data-testid="stMarkdownContainer"]').filter(has_text=heading).inner_text()
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


# --- The 2025 wards and communes (issue 16) -------------------------------------------

WARD_CARD = ".st-key-ward-card"


@pytest.mark.parametrize(("width", "height"), [(1280, 800), (390, 844)])
def test_typing_a_ward_name_shows_its_card_and_highlights_it(page_factory, server, width, height):
    # On the map the page opens on, the static one: the lookup needs no deck.gl.
    page = page_factory(width, height)
    open_app(page, server, "zones", lang="vi")
    wait_for_colours(page, zone_colours(), least=200, scope=STATIC)
    ward_colour = {"ward": tuple(WARD_CHOSEN)}
    _, before = wait_for_colours(page, ward_colour, present=False, least=40, scope=STATIC)
    assert before["ward"] <= 40, before
    box = page.get_by_role("textbox", name=Translator("vi")("zones.ward.search_label"))
    box.fill("phu loi")
    box.press("Enter")
    wait_for_query(page, "ward=25750")
    wait_until_ready(page)
    card = page.locator(WARD_CARD)
    card.wait_for()
    text = card.inner_text()
    assert "Phường Phú Lợi" in text
    assert "Thủ Dầu Một (thành phố)" in text
    assert "Khu vực 2" in text
    # The chosen ward is outlined in its own colour on the map.
    _, counts = wait_for_colours(page, ward_colour, least=40, scope=STATIC)
    assert counts["ward"] > 40, counts
    assert page.locator(MAP).count() == 0
    map_image(page, ARTIFACTS / f"zones-ward-map-{width}.png", scope=STATIC)
    card.screenshot(path=str(ARTIFACTS / f"zones-ward-card-{width}.png"))
    screenshot(page, f"zones-ward-{width}x{height}")
    no_traceback(page)
    assert page.outside_requests == []


def test_the_units_layer_toggles_and_a_click_chooses_a_ward(page, server):
    t = Translator("en")
    open_app(page, server, "zones", lang="en")
    wait_for_colours(page, zone_colours(), least=200, scope=STATIC)
    switch = page.get_by_role("switch", name=t("zones.layer.units"))
    assert not switch.is_checked()
    label = page.locator(".st-key-zones-layer-units label").first  # the switch's own label
    label.click()
    # Only the interactive map draws layers: switching one on opens it.
    wait_for_query(page, "layers=units")
    wait_for_query(page, "map=interactive")
    wait_until_ready(page)
    assert switch.is_checked()
    assert page.get_by_role("switch", name=t("zones.map_mode.toggle")).is_checked()
    wait_for_colours(page, zone_colours())
    # The label point of a former unit lies in one of its new communes (zone 3: whole ones).
    former = load_table("districts", data_dir()).set_index("code").loc[726]
    x, y = unit_pixel(page, 726, ("units",))
    page.mouse.move(x, y)
    tooltip = page.locator(".deck-tooltip")
    tooltip.filter(has_text="Before 1 July 2025").wait_for()
    assert former["name_en"] in tooltip.inner_text()
    click_until_query(page, (x, y), "ward=")
    wait_until_ready(page)
    card = page.locator(WARD_CARD)
    card.wait_for()
    assert f"{former['name_en']} ({t('zones.unit_type.' + former['type'])})" in card.inner_text()
    map_image(page, ARTIFACTS / "zones-units-layer-en.png")
    label.click()
    page.wait_for_function("() => !location.search.includes('layers=units')", timeout=30_000)
    no_traceback(page)


def test_a_bad_ward_link_gives_a_notice(page, server):
    open_app(page, server, "zones", lang="en", ward="25760abc")
    no_traceback(page)
    assert "The ward or commune in the link" in page.inner_text("body")
    assert page.locator(WARD_CARD).count() == 0
    map_image(page, scope=STATIC)  # the map still draws

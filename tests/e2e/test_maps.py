"""The light maps of issue 19 in real Chromium, offline: the zones page opens on a static
Vega-Lite map (the three zones in their colours, the legend), the interactive deck.gl map
opens on request and the link keeps that choice; the IT park's location map is Vega-Lite.
The interactive map's colours, tooltip, click-to-choose and kept view: tests/e2e/test_zones.py.
"""

from __future__ import annotations

import io

from PIL import Image

from components.light_maps import HOST_COLOUR
from core.i18n import Translator
from tests.e2e.conftest import no_traceback, open_app, wait_until_ready
from tests.e2e.test_zones import STATIC, ZONES, count, hex_rgb, wait_for_query, zone_colours

DECK = '[data-testid="stDeckGlJsonChart"]'


def chart_image(page, scope: str) -> Image.Image:
    page.locator(f"{scope} canvas, {scope} svg").first.wait_for(state="attached", timeout=60_000)
    wait_until_ready(page)
    return Image.open(io.BytesIO(page.locator(scope).screenshot())).convert("RGB")


def test_zones_page_opens_on_the_static_map_in_the_zones_colours(page_factory, server):
    page = page_factory(390, 844)  # a phone
    t = Translator("vi")
    open_app(page, server, "zones", lang="vi")
    no_traceback(page)
    image = chart_image(page, STATIC)
    counts = {zone: count(image, rgb) for zone, rgb in zone_colours().items()}
    assert all(n > 200 for n in counts.values()), counts
    assert page.locator(DECK).count() == 0  # no WebGL, no deck.gl bundle
    legend = page.locator(STATIC).locator("xpath=../following-sibling::*[1]").inner_text()
    assert all(ZONES.loc[zone, "name_vi"] in legend for zone in ZONES.index)
    assert t("zones.map_mode.static_caption") in page.inner_text("body")
    assert "map=" not in page.url
    assert page.outside_requests == [], "requests left localhost"


def test_the_interactive_map_opens_on_request_and_the_link_keeps_it(page, server):
    t = Translator("en")
    open_app(page, server, "zones", lang="en")
    # Streamlit's label covers the switch's input: click the label, as a reader does.
    page.get_by_text(t("zones.map_mode.toggle"), exact=True).click()
    page.locator(f"{DECK} canvas").first.wait_for(state="attached", timeout=60_000)
    wait_for_query(page, "map=interactive")
    assert page.locator(STATIC).count() == 0
    link = page.url
    page.goto(link)
    wait_until_ready(page)
    page.locator(f"{DECK} canvas").first.wait_for(state="attached", timeout=60_000)
    assert page.get_by_role("switch", name=t("zones.map_mode.toggle")).is_checked()
    assert page.outside_requests == [], "requests left localhost"


def test_a_bad_map_value_gives_a_notice_and_the_static_map(page, server):
    open_app(page, server, "zones", lang="en", map="%3Cb%3Ewebgl%3C%2Fb%3E")
    no_traceback(page)
    notice = page.locator('[data-testid="stAlert"]').filter(has_text="The map value in the link")
    assert notice.count() == 1
    assert "<b>webgl</b>" in notice.inner_text()  # quoted as text
    chart_image(page, STATIC)
    assert page.locator(DECK).count() == 0


def test_it_park_location_map_is_drawn_without_webgl(page, server):
    open_app(page, server, "it-park", lang="vi")
    no_traceback(page)
    image = chart_image(page, ".st-key-it-park-map")
    # The located-within area (Phường Bình Dương) filled in the host colour at 45 % over
    # the faint context: its hue shows (mixed with the light grey underneath).
    host = hex_rgb(HOST_COLOUR)
    mixed = tuple(round(0.45 * c + 0.55 * 0xEE) for c in host)
    assert count(image, mixed) + count(image, host) > 100
    assert page.locator(DECK).count() == 0
    assert page.outside_requests == [], "requests left localhost"

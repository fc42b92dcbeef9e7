"""The light maps of issue 19 in real Chromium, offline: the zones page opens on a static
SVG map (the three zones in their colours, the legend, a tooltip per unit in the page's
language, a click choosing the unit's zone), with no Vega or data-grid code loaded; the
interactive deck.gl map opens on request and the link keeps that choice; the IT park's
location map is SVG too. The interactive map's colours, tooltip, click-to-choose and kept
view: tests/e2e/test_zones.py.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs

import pytest

from components.deck import unit_tooltip
from components.light_maps import HOST_COLOUR, fitted_frame
from core.data import data_dir, load_geojson, load_table
from core.geo import representative_point
from core.i18n import LANGUAGES, Translator
from core.svg_map import VIEW_WIDTH
from tests.e2e.conftest import ARTIFACTS, no_traceback, open_app, screenshot, wait_until_ready
from tests.e2e.test_zones import (
    STATIC,
    WARD_CARD,
    ZONES,
    count,
    hex_rgb,
    map_image,
    wait_for_colours,
    wait_for_query,
    zone_colours,
)
from tests.light_map_markup import NS, drawing_of

DECK = '[data-testid="stDeckGlJsonChart"]'
DISTRICTS = load_table("districts", data_dir()).set_index("code")
DISTRICTS_GEO = load_geojson("districts_geo", data_dir())
# The framework's code a light map page must not need (Streamlit 1.67's chunk names): a
# Vega chart, an Arrow table or data grid (st.table, st.dataframe), Markdown's raw-HTML
# parser, deck.gl.
HEAVY_CODE = (
    "VegaLite",
    "loadVegaEmbed",
    "vega-",
    "DataFrame.",
    "arrowFormatUtils",
    "recordbatch",
    "rehype-raw",
    "DeckGlJsonChart",
)


def heavy_requests(page) -> list[str]:
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    return requests


def unit_point(page, code: int) -> tuple[float, float]:
    """Where a former unit's label point lies on the light map, in page coordinates."""
    drawn = page.locator(f"{STATIC} img")
    drawn.scroll_into_view_if_needed()
    box = drawn.bounding_box()
    geometry = next(
        f["geometry"] for f in DISTRICTS_GEO["features"] if f["properties"]["code"] == code
    )
    x, y = fitted_frame(DISTRICTS_GEO["features"]).project(representative_point(geometry))
    scale = box["width"] / VIEW_WIDTH
    return box["x"] + x * scale, box["y"] + y * scale


def test_zones_page_opens_on_the_static_map_in_the_zones_colours(page_factory, server):
    page = page_factory(390, 844)  # a phone
    t = Translator("vi")
    open_app(page, server, "zones", lang="vi")
    no_traceback(page)
    image = map_image(page, scope=STATIC)
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
    map_image(page, scope=STATIC)
    assert page.locator(DECK).count() == 0


def test_it_park_location_map_is_drawn_without_webgl(page, server):
    requests = heavy_requests(page)
    open_app(page, server, "it-park", lang="vi")
    no_traceback(page)
    image = map_image(page, scope=".st-key-it-park-map")
    # The located-within area (Phường Bình Dương) filled in the host colour at 45 % over
    # the faint context: its hue shows (mixed with the light grey underneath).
    host = hex_rgb(HOST_COLOUR)
    mixed = tuple(round(0.45 * c + 0.55 * 0xEE) for c in host)
    assert count(image, mixed) + count(image, host) > 100
    assert page.locator(DECK).count() == 0
    # The first tab's map is SVG markup: no Vega, no deck.gl code.
    assert [url for url in requests if any(name in url for name in HEAVY_CODE)] == []
    assert page.locator(".st-key-it-park-map img").get_attribute("alt")
    image.save(ARTIFACTS / "it-park-map.png")
    assert page.outside_requests == [], "requests left localhost"


def test_the_first_view_of_the_zones_page_loads_no_vega_nor_table_code(page_factory, server):
    page = page_factory(390, 844)
    requests = heavy_requests(page)
    open_app(page, server, "zones", lang="vi")
    wait_for_colours(page, zone_colours(), least=200, scope=STATIC)
    assert [url for url in requests if any(name in url for name in HEAVY_CODE)] == []
    # The map fills the phone's width, its names at least 14 px, nothing scrolls sideways.
    drawn = page.locator(f"{STATIC} img").bounding_box()
    column = page.locator(STATIC).bounding_box()
    assert drawn["width"] == column["width"]
    drawing = drawing_of(page.locator(f"{STATIC} img").get_attribute("src"))
    sizes = [float(text.get("font-size")) for text in drawing.iter(f"{NS}text")]
    assert min(sizes) * drawn["width"] / VIEW_WIDTH >= 14
    overflow = page.evaluate(
        "() => { const m = document.querySelector('[data-testid=\"stMain\"]');"
        " return m.scrollWidth - m.clientWidth; }"
    )
    assert overflow == 0
    assert page.outside_requests == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_unit_on_the_light_map_has_the_interactive_maps_tooltip(page, server, lang):
    t = Translator(lang)
    open_app(page, server, "zones", lang=lang)
    titles = page.locator(f"{STATIC} a").evaluate_all("links => links.map(e => e.title)")
    expected = []
    for code, row in DISTRICTS.iterrows():
        title, body = unit_tooltip(t, row.rename(code), ZONES.loc[int(row["zone"])])
        expected.append(f"{title}\n{body}")
    assert sorted(titles) == sorted(expected)  # name and type, zone, role, area
    image = page.locator(f"{STATIC} img")
    assert image.get_attribute("alt").startswith(t("zones.map_mode.static_alt"))


@pytest.mark.parametrize(("width", "height"), [(390, 844), (1280, 800)])
def test_clicking_a_unit_on_the_light_map_chooses_its_zone(page_factory, server, width, height):
    page = page_factory(width, height)
    t = Translator("en")
    ward = 25750  # a chosen ward stays chosen across the click
    open_app(page, server, "zones", lang="en", ward=str(ward))
    code = int(DISTRICTS[DISTRICTS["zone"] == 1].index[0])  # a unit of zone 1
    page.mouse.click(*unit_point(page, code))
    wait_for_query(page, "zone=1")
    wait_until_ready(page)
    assert "lang=en" in page.url
    assert f"ward={ward}" in page.url
    row = ZONES.loc[1]
    card = page.locator(".st-key-zone-card")
    card.wait_for()
    assert t("zones.card_title", zone=row["name_en"], role=row["role_en"]) in card.inner_text()
    assert page.locator(WARD_CARD).count() == 1
    assert page.get_by_role("radio", name=row["name_en"], exact=True).is_checked()
    # Zone 1 in its full colour, the others faded.
    colours = zone_colours()
    faded = {2: colours[2], 3: colours[3]}
    image, counts = wait_for_colours(page, faded, present=False, least=200, scope=STATIC)
    assert all(n <= 200 for n in counts.values()), counts
    assert count(image, colours[1]) > 200
    image.save(ARTIFACTS / f"zones-light-zone1-{width}.png")
    screenshot(page, f"zones-light-zone1-{width}x{height}")
    no_traceback(page)
    assert page.outside_requests == []


def test_a_unit_of_the_light_map_is_chosen_from_the_keyboard(page, server):
    open_app(page, server, "zones", lang="en")
    links = page.locator(f"{STATIC} a")
    links.nth(1).focus()
    page.keyboard.press("Shift+Tab")  # moved by the keyboard: :focus-visible applies
    first = links.first
    assert first.evaluate("e => e === document.activeElement")
    # The focused unit turns dark (its outline would be clipped with the link's box).
    assert first.evaluate("e => getComputedStyle(e).backgroundColor") == "rgba(17, 17, 17, 0.85)"
    zone = parse_qs(first.get_attribute("href").removeprefix("?"))["zone"][0]
    page.keyboard.press("Enter")
    wait_for_query(page, f"zone={zone}")
    page.locator(".st-key-zone-card").wait_for()
    no_traceback(page)


def test_hostile_zone_and_ward_values_never_reach_the_light_maps_links(page, server):
    open_app(page, server, "zones", lang="vi", zone="%3Cb%3E2", ward="%22%3E%3Cscript%3E")
    hrefs = page.locator(f"{STATIC} a").evaluate_all(
        "links => links.map(e => e.getAttribute('href'))"
    )
    assert len(hrefs) == len(DISTRICTS)
    assert all(re.fullmatch(r"\?lang=vi&zone=[0-9]", href) for href in hrefs), hrefs
    no_traceback(page)

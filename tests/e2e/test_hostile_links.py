"""Links made to attack a reader: markup in a URL parameter stays text.

Each case is a (page, parameter) pair a link can carry; the page must fall back to its
defaults (Vietnamese), say so in a notice, run no script and add no element. Pages that
gain parameters of their own add their pairs to PARAMS.
"""

from __future__ import annotations

import json
from urllib.parse import quote

import pytest

from components.chart_view import LIVE_NAME_JS
from components.navigation import PAGES
from core.i18n import Translator
from tests.e2e.conftest import no_traceback, open_app

# Each hostile value sets window.__pwned if it ever runs, or plants a link if it is ever
# read as Markdown or HTML.
HOSTILE_VALUES = {
    "script": "<script>window.__pwned=1</script>",
    "img-onerror": "<img src=x onerror=window.__pwned=1>",
    "markdown-js-link": "[vi](javascript:window.__pwned=1)",
    "markdown-phishing-link": "[Đăng nhập lại](https://evil.example/login)",
}
VALUES = [pytest.param(value, id=name) for name, value in HOSTILE_VALUES.items()]
# (page url_path, query parameter) pairs a link may carry today.
PARAMS = [pytest.param(info.url_path, "lang", id=f"{info.section}-lang") for info in PAGES]

# The app's own scripts are not injections: the one that sets <html lang>
# (components/html_lang.py, whose body is only a language code of the app's) and the one
# that names a what-if chart while a slider moves (components/chart_view.py, its two
# values JSON strings that cannot end the script); every other script is.
LIVE_NAME_START = LIVE_NAME_JS.split("%s")[0]
INJECTED = (
    """() => {
    const main = document.querySelector('[data-testid="stMain"]');
    return [...main.querySelectorAll(
        'script, iframe, object, embed, svg[onload], img[src="x"], [onerror], [onload],'
        + ' a[href^="javascript:" i]')]
        .filter(node => !node.closest('.st-key-html-lang'))
        .filter(node => !(node.tagName === 'SCRIPT' && node.textContent.startsWith("""
    + json.dumps(LIVE_NAME_START)
    + """)))
        .map(node => node.outerHTML.slice(0, 200));
}"""
)


def images_settled(page) -> None:
    """Every image has loaded or failed: a browser fires an image's load or error handler in
    the same task that completes it, so a planted onerror has run by now."""
    page.wait_for_function("() => [...document.images].every(image => image.complete)")


@pytest.mark.parametrize("value", VALUES)
@pytest.mark.parametrize(("path", "param"), PARAMS)
def test_hostile_link_renders_defaults_and_stays_text(page, server, path, param, value):
    open_app(page, server, path, **{param: quote(value, safe="")})
    vi = Translator("vi")
    section = next(info.section for info in PAGES if info.url_path == path)

    assert page.locator("h1").first.inner_text().strip() == vi(f"{section}.title")
    opening = vi("common.notice_language", value="\x00").split("\x00")[0].rstrip("(«“ ")
    notice = page.locator('[data-testid="stAlert"]').filter(has_text=opening)
    assert notice.count() == 1, "no notice that the link's value was not used"
    # The value is quoted as text: a link in it would send readers wherever it says.
    assert notice.locator("a, img, script").count() == 0

    images_settled(page)
    assert page.evaluate("() => typeof window.__pwned") == "undefined"
    assert page.evaluate(INJECTED) == []
    no_traceback(page)


# Page state a link may carry besides the language: each is validated where it is read.
# `view` is the open tab of the pages split into lazy tabs (components/tabs.py).
STATE_PARAMS = [
    ("economy", "g"),
    ("economy", "basis"),
    ("economy", "view"),
    ("economy", "seed"),
    ("economy", "draws"),
    ("economy", "vintage"),
    ("economy", "s1"),
    ("it-park", "view"),
    ("zones", "zone"),
    ("zones", "layers"),
    ("zones", "ward"),
    ("zones", "map"),
    ("tasks", "q"),
    ("present", "step"),
    ("present", "seed"),
    ("present", "draws"),
    ("present", "vintage"),
    ("present", "s1"),
    ("tracker", "status"),
    ("tracker", "category"),
    ("tracker", "target"),
]


@pytest.mark.parametrize(
    "value",
    [HOSTILE_VALUES["script"], HOSTILE_VALUES["img-onerror"]],
    ids=["script", "img-onerror"],
)
@pytest.mark.parametrize(("path", "param"), STATE_PARAMS, ids=lambda v: str(v))
def test_hostile_page_state_stays_text(page, server, path, param, value):
    open_app(page, server, path, lang="vi", **{param: quote(value, safe="")})
    section = next(info.section for info in PAGES if info.url_path == path)
    assert page.locator("h1").first.inner_text().strip() == Translator("vi")(f"{section}.title")
    images_settled(page)
    assert page.evaluate("() => typeof window.__pwned") == "undefined"
    assert page.evaluate(INJECTED) == []
    no_traceback(page)


@pytest.mark.parametrize("path", ["economy", "it-park", "tracker"])
def test_hostile_view_is_quoted_in_the_notice(page, server, path):
    """An unknown tab is named in the notice as plain text, and the default tab opens."""
    value = HOSTILE_VALUES["markdown-phishing-link"]
    open_app(page, server, path, lang="vi", view=quote(value, safe=""))
    section = next(info.section for info in PAGES if info.url_path == path)
    vi = Translator("vi")
    opening = vi("common.notice_view", value="\x00", choices="", shown="").split("\x00")[0]
    notice = page.locator('[data-testid="stAlert"]').filter(has_text=opening.rstrip("(«“ "))
    assert notice.count() == 1, "no notice that the link's view was not used"
    assert notice.locator("a, img, script").count() == 0
    assert "evil.example" in notice.inner_text()  # quoted, not linked
    default = {"economy": "targets", "it_park": "site", "tracker": "status"}[section]
    selected = page.locator(f'.st-key-{section}-tabs [role="tab"][aria-selected="true"]')
    assert selected.inner_text().strip() == vi(f"{section}.view.{default}")
    assert page.evaluate(INJECTED) == []
    no_traceback(page)

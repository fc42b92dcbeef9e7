"""Meeting mode: the plan as a sequence of screens for a projector.

Switched on by the sidebar toggle or by ``?present=1`` in a link; the router then
changes to the presentation page, carrying the language, the what-if scenario and the
simulation's link keys (Streamlit clears the URL on a page change). The step lives in
the URL (``?present=1&step=3``) so a presenter can reload or share the exact screen.

The chrome is hidden with one static CSS block (no data or URL text in it).
"""

from __future__ import annotations

import re

import streamlit as st

from components.context import LANGUAGE_KEY
from components.navigation import page_of
from components.page_parts import link_value
from core.i18n import Translator
from core.scenario import notice_value

PRESENT_PARAM = "present"
STEP_PARAM = "step"
SECTION = "present"
ON_KEY = "present-on"  # plain session key: the toggle's value survives page changes
TOGGLE_KEY = "present-toggle"
RETURN_KEY = "present-return"  # the page the presentation was started from
# The what-if parameters a presentation carries (core.scenario names: g, gYYYY, d, …).
SCENARIO_PARAM = re.compile(r"^(g|d|fx|p|basis|ext|g50|g\d{4})$")
_STEP = re.compile(r"[+-]?[0-9]{1,3}")


def parse_present(raw: list[str]) -> tuple[bool | None, str | None]:
    """(wanted, rejected value): "1" on, "0" off, absent None; anything else rejected."""
    if not raw:
        return None, None
    value = raw[-1].strip()
    if value in ("1", "0"):
        return value == "1", None
    return None, notice_value(raw[-1])


def parse_step(raw: list[str], total: int) -> tuple[int, tuple[str, str] | None]:
    """The 1-based step a link asks for, and a notice (kind, value) if it was not usable:
    "invalid" (not a plain whole number) → step 1, "clamped" (out of range) → nearest."""
    if not raw:
        return 1, None
    value = raw[-1].strip()
    if not _STEP.fullmatch(value):
        return 1, ("invalid", notice_value(raw[-1]))
    step = int(value)
    if 1 <= step <= total:
        return step, None
    return min(max(step, 1), total), ("clamped", notice_value(raw[-1]))


def carried_params(extra: dict[str, str] | None = None) -> dict[str, str]:
    """The language and scenario of this URL (or of the economy page's last state), and
    its simulation keys (seed, draws, vintage, saved scenarios): unchanged, the next
    page reads them as already seen, so nothing the reader chose is read again or lost."""
    from components.likelihood_ui import LINK_KEYS

    params = {
        name: st.query_params.get(name) or ""
        for name in st.query_params
        if SCENARIO_PARAM.match(name)
    }
    if not params:
        from components.scenario_ui import STORE

        params = dict(st.session_state.get(STORE) or {})
    simulation = {
        name: st.query_params.get(name) or "" for name in st.query_params if name in LINK_KEYS
    }
    params[LANGUAGE_KEY] = st.session_state.get(LANGUAGE_KEY, "vi")
    return {**params, **simulation, **(extra or {})}


# ---- routing (called by app.py on every run) ------------------------------------------


def _toggled() -> None:
    st.session_state[ON_KEY] = bool(st.session_state[TOGGLE_KEY])


def sidebar_toggle(t: Translator) -> None:
    st.session_state[TOGGLE_KEY] = bool(st.session_state.get(ON_KEY, False))
    st.sidebar.toggle(
        t("present.toggle"), key=TOGGLE_KEY, on_change=_toggled, help=t("present.toggle_help")
    )


def is_presentation(page) -> bool:
    """Whether ``page`` (what st.navigation returned) is the presentation."""
    return page.url_path == page_of(SECTION).url_path


def route(page, t: Translator) -> None:
    """Go to the presentation when the link or the toggle asks for it."""
    if is_presentation(page):
        return
    wanted, rejected = parse_present(st.query_params.get_all(PRESENT_PARAM))
    if rejected is not None:
        shown = link_value(rejected) if rejected.strip() else t("present.empty")
        st.warning(t("present.notice_present", value=shown), icon="ℹ️")
        if PRESENT_PARAM in st.query_params:
            del st.query_params[PRESENT_PARAM]
    if wanted is False:
        st.session_state[ON_KEY] = False
        del st.query_params[PRESENT_PARAM]
        return
    if wanted or st.session_state.get(ON_KEY):
        st.session_state[ON_KEY] = True
        st.session_state[RETURN_KEY] = page.url_path
        extra = {PRESENT_PARAM: "1"}
        step = st.query_params.get_all(STEP_PARAM)
        if step:
            extra[STEP_PARAM] = step[-1]
        st.switch_page(page_of(SECTION).path, query_params=carried_params(extra))


EXIT_KEY = "present-exit-asked"


def _exit() -> None:
    st.session_state[ON_KEY] = False
    st.session_state[EXIT_KEY] = True


def exit_presentation() -> None:
    """Back to the page the presentation was started from (the overview by default)."""
    from components.navigation import PAGES

    back = st.session_state.pop(RETURN_KEY, "")
    page = next((p for p in PAGES if p.url_path == back and p.section != SECTION), PAGES[0])
    params = (
        carried_params()
        if page.section == "economy"
        else {LANGUAGE_KEY: st.session_state.get(LANGUAGE_KEY, "vi")}
    )
    st.query_params.clear()  # no ?present=1 left to bring the reader straight back
    st.switch_page(page.path, query_params=params)


# ---- the presentation page's chrome --------------------------------------------------

# Static: no data or URL text is ever placed in it.
CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stExpandSidebarButton"], [data-testid="stSidebarCollapseButton"],
[data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"],
[data-testid="stStatusWidget"] { display: none !important; }
[data-testid="stMainBlockContainer"] {
  max-width: 100% !important; padding: 0.6rem 2.2rem 0.4rem 2.2rem !important; }
[data-testid="stMainBlockContainer"] [data-testid="stVerticalBlock"] { gap: 0.7rem; }
.st-key-present-bar h1 { font-size: 1.2rem !important; padding: 0 !important;
  font-weight: 600; color: #444; }
.st-key-present-bar button p, .st-key-present-bar [data-testid="stMarkdownContainer"] p {
  font-size: 1.15rem !important; }
[class*="st-key-present-slide"] h2 { font-size: 2.5rem !important; line-height: 1.2;
  padding: 0.2rem 0 0.3rem 0 !important; }
[class*="st-key-present-slide"] [data-testid="stMarkdownContainer"] p,
[class*="st-key-present-slide"] [data-testid="stMarkdownContainer"] li {
  font-size: 1.5rem !important; line-height: 1.4; }
[class*="st-key-present-slide"] [data-testid="stCaptionContainer"],
[class*="st-key-present-slide"] [data-testid="stCaptionContainer"] p {
  font-size: 1.2rem !important; line-height: 1.35; }
[class*="st-key-present-slide"] [data-testid="stMetricValue"] {
  font-size: 3.2rem !important; line-height: 1.15; }
[class*="st-key-present-slide"] [data-testid="stMetricValue"] p {
  font-size: inherit !important; line-height: inherit; }
[class*="st-key-present-slide"] [data-testid="stMetricLabel"] p {
  font-size: 1.35rem !important; }
[class*="st-key-present-slide"] [data-testid="stMetricDelta"] div {
  font-size: 1.3rem !important; }
[class*="st-key-present-task"] [data-testid="stMarkdownContainer"] p {
  font-size: 1.6rem !important; }
[class*="st-key-present-task"] { padding: 0.45rem 1rem !important; }
[class*="st-key-present-slide"] .map-legend { font-size: 1.5rem; line-height: 1.3; }
[class*="st-key-present-slide"] .map-legend small { font-size: 0.875em; }
/* Charts and the map fill the screen (components/slides.py): the chart's box in vh, the
   map drawn twice, for 1280 × 720 and for 1600 × 900 and up. */
.st-key-present-chart { min-height: max(300px, calc(100vh - 270px)) !important; }
.st-key-present-map-large { display: none !important; }
/* Three cards beside the chart and the assumptions below them fit 720 px. */
.st-key-present-figures [data-testid="stMetricValue"] { font-size: 2.7rem !important; }
@media (min-width: 1600px) and (min-height: 900px) {
  .st-key-present-chart { min-height: calc(100vh - 330px) !important; }
  .st-key-present-map-small { display: none !important; }
  .st-key-present-map-large { display: flex !important; }
  [class*="st-key-present-slide"] .map-legend { font-size: 2rem; }
  [class*="st-key-present-slide"] h2 { font-size: 3.3rem !important; }
  [class*="st-key-present-slide"] [data-testid="stMarkdownContainer"] p,
  [class*="st-key-present-slide"] [data-testid="stMarkdownContainer"] li {
    font-size: 2rem !important; }
  [class*="st-key-present-slide"] [data-testid="stCaptionContainer"],
  [class*="st-key-present-slide"] [data-testid="stCaptionContainer"] p {
    font-size: 1.5rem !important; }
  [class*="st-key-present-slide"] [data-testid="stMetricValue"] { font-size: 4.4rem !important; }
  [class*="st-key-present-slide"] [data-testid="stMetricValue"] p {
    font-size: inherit !important; }
  [class*="st-key-present-slide"] [data-testid="stMetricLabel"] p { font-size: 1.8rem !important; }
  [class*="st-key-present-task"] [data-testid="stMarkdownContainer"] p {
    font-size: 2.1rem !important; }
  .st-key-present-bar h1 { font-size: 1.5rem !important; }
  .st-key-present-bar button p, .st-key-present-bar [data-testid="stMarkdownContainer"] p {
    font-size: 1.4rem !important; }
}
@media (max-width: 640px) {
  [data-testid="stMainBlockContainer"] { padding: 0.5rem 0.9rem !important; }
  [class*="st-key-present-slide"] h2 { font-size: 1.9rem !important; }
  [class*="st-key-present-slide"] [data-testid="stMetricValue"] {
    font-size: 2.5rem !important; }
}
</style>
"""


def _go(step: int) -> None:
    st.query_params[STEP_PARAM] = str(step)


def chrome(t: Translator, step: int, total: int, labels: list[str]):
    """The CSS and the top bar: title, Previous/Next, step, exit. Returns whether exit
    was clicked, and a slot in the bar for the page's download button."""
    st.html(CSS)
    with st.container(key="present-bar", horizontal=True, vertical_alignment="center", gap="small"):
        st.title(t("present.title"), anchor=False, width="stretch")
        st.button(
            t("present.prev"),
            key="present-prev",
            on_click=_go,
            args=(step - 1,),
            disabled=step <= 1,
            shortcut="left",
        )
        st.markdown(t("present.counter", step=step, total=total), width="content")
        st.button(
            t("present.next"),
            key="present-next",
            on_click=_go,
            args=(step + 1,),
            disabled=step >= total,
            type="primary",
            shortcut="right",
        )
        slot = st.container(width="content")
        st.button(t("present.exit"), key="present-exit", on_click=_exit, icon=":material/close:")
    return bool(st.session_state.pop(EXIT_KEY, False)), slot

"""Router of the Bình Dương plan explorer: page set-up, language, navigation, sidebar."""

import streamlit as st

from components import present
from components.context import translator
from components.html_lang import html_lang
from components.language import choose_language, language_switch, show_language_notice
from components.legacy_pages import leave_legacy_pages_mode
from components.navigation import st_pages

st.set_page_config(
    page_title="Quy hoạch tỉnh Bình Dương 2021–2030",
    page_icon="🏙️",  # an emoji favicon is drawn locally; a Material one is fetched online
    layout="wide",
)

leave_legacy_pages_mode()  # this run is routed; pages/ is not a legacy folder
choose_language()
t = translator()
html_lang(t.lang)  # <html lang> for screen readers (Streamlit serves "en")
page = st.navigation(st_pages(t))
# The presentation hides the sidebar: its widgets would only cost the browser drawing.
if not present.is_presentation(page):
    language_switch()
    present.sidebar_toggle(t)
    st.sidebar.caption(t("common.merger_short"))
show_language_notice(t)
present.route(page, t)  # ?present=1 or the toggle: on to the presentation page
page.run()

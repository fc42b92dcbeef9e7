"""The explorer's pages, in reading order: one place that names their files and URLs."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from core.i18n import Translator


@dataclass(frozen=True)
class PageInfo:
    section: str  # catalog section holding the page's text
    path: str
    icon: str
    url_path: str  # empty for the home page, which lives at "/"
    views: tuple[str, ...] = ()  # lazy tabs (?view=…), the first one opens by default


PAGES = (
    PageInfo("overview", "pages/overview.py", ":material/home:", ""),
    PageInfo(
        "economy",
        "pages/economy.py",
        ":material/trending_up:",
        "economy",
        ("targets", "structure", "whatif"),
    ),
    PageInfo(
        "tracker", "pages/tracker.py", ":material/fact_check:", "tracker", ("status", "commitments")
    ),
    PageInfo("tasks", "pages/tasks.py", ":material/checklist:", "tasks"),
    PageInfo("zones", "pages/zones.py", ":material/map:", "zones"),
    PageInfo(
        "it_park",
        "pages/it_park.py",
        ":material/memory:",
        "it-park",
        ("site", "timeline", "quotes", "digital"),
    ),
    PageInfo("sources", "pages/sources.py", ":material/menu_book:", "sources"),
    PageInfo("present", "pages/present.py", ":material/co_present:", "present"),
)


def page_of(section: str) -> PageInfo:
    return next(page for page in PAGES if page.section == section)


def st_pages(t: Translator) -> list:
    return [
        st.Page(
            page.path,
            title=t(f"nav.{page.section}"),
            icon=page.icon,
            url_path=page.url_path or None,
            default=index == 0,
        )
        for index, page in enumerate(PAGES)
    ]


def link_to(section: str, t: Translator, query_params: dict | None = None) -> None:
    """A link to another page that keeps the language (the URL is cleared on page change)."""
    params = {"lang": t.lang, **(query_params or {})}
    page = page_of(section)
    st.page_link(page.path, label=t(f"nav.{section}"), icon=page.icon, query_params=params)

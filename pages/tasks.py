"""5 nhiệm vụ trọng tâm / Five key tasks: the article's words, places and plan indicators."""

import pandas as pd
import streamlit as st

from components.context import translator
from components.data_ui import require, try_table
from components.navigation import link_to
from components.page_parts import (
    download_csv,
    escape_markdown,
    link_value,
    page_header,
    source_footer,
)
from components.quotes import quotation
from core.i18n import Translator
from core.targets import target_text
from core.tasks import (
    indicator_ids,
    matching_tasks,
    mentions_connectivity,
    target_years,
    used_indicator_ids,
)
from core.text import QUERY_MAX_LENGTH, clean_query


def announced(quotes: pd.DataFrame | None, t: Translator) -> None:
    """The article's announcement of the tasks, like each task's words: the reader's
    language, the other a click away."""
    if quotes is None:
        return
    labels = (t("tasks.quote_label"), t("tasks.translation_label"))
    for row in quotes[quotes["page"] == "tasks"].itertuples():
        quotation(f"**{t('tasks.announced_label')}**", [row.quote_vi], [row.quote_en], labels, t)


def search_box(t: Translator) -> str:
    """The filter's text, cleaned. Bound to ?q= in the URL, so a filtered view can be shared."""
    raw_query = st.text_input(
        t("tasks.filter_label"),
        key="q",
        bind="query-params",
        max_chars=QUERY_MAX_LENGTH,
        placeholder=t("tasks.filter_placeholder"),
        type="search",
        live=True,
    )
    return clean_query(raw_query)


def places_text(row, t: Translator) -> str:
    """The places the task names, as a headed Markdown list ('' when it names none)."""
    places = t.pick(row.places_vi, row.places_en)
    if not isinstance(places, str):
        return ""
    items = "\n".join(
        f"- {escape_markdown(place.strip())}" for place in places.split(";") if place.strip()
    )
    return f"**{t('tasks.places_label')}**\n\n{items}"


def indicators_text(row, target: pd.DataFrame, t: Translator) -> str:
    """The plan indicators the task names, with their targets in the reader's format."""
    ids = indicator_ids(row.indicator_ids, target)
    if not ids:
        return f":small[{t('tasks.no_indicators')}]"
    years = ", ".join(str(year) for year in target_years(ids, target))
    items = "\n".join(
        "- "
        + t(
            "tasks.indicator_line",
            name=escape_markdown(
                t.pick(target.loc[i, "indicator_vi"], target.loc[i, "indicator_en"])
            ),
            target=escape_markdown(target_text(target.loc[i], t)),
        )
        for i in ids
    )
    return f"**{t('tasks.indicators_label', year=years)}**\n\n{items}"


def task_card(row, target: pd.DataFrame, t: Translator) -> None:
    """One task: its title and summary, the article's words in the reader's language (the
    other behind a toggle), its places and indicators."""
    with st.container(border=True, key=f"task-{row.id}"):
        st.subheader(
            t(
                "tasks.task_heading",
                number=row.id,
                title=escape_markdown(t.pick(row.title_vi, row.title_en)),
            )
        )
        lead = escape_markdown(t.pick(row.summary_vi, row.summary_en))
        if row.reading == "editorial":  # st.badge's own Markdown, in the same element
            badge = t("tasks.editorial_badge").replace("[", "\\[").replace("]", "\\]")
            lead = f":orange-badge[:material/edit_note: {badge}]\n\n{lead}"
        labels = (t("tasks.quote_label"), t("tasks.translation_label"))
        quotation(lead, [row.quote_vi], [row.quote_en], labels, t)
        indicators = indicators_text(row, target, t)
        # Places and indicators in one element, unless the link to the connectivity
        # layer goes between them.
        if mentions_connectivity(row.quote_vi):
            st.markdown(
                "\n\n".join(filter(None, [places_text(row, t), t("tasks.connectivity_link")]))
            )
            link_to("zones", t, {"layers": "connectivity"})
            st.markdown(indicators)
        else:
            st.markdown("\n\n".join(filter(None, [places_text(row, t), indicators])))


t = translator()
page_header(t, "tasks")
tasks, targets = require(t, "key_tasks", "plan_targets")
target = targets.set_index("id")
announced(try_table(t, "quotes"), t)
if (tasks["reading"] == "editorial").any():
    st.info(t("tasks.editorial_note"), icon=":material/edit_note:")
query = search_box(t)
shown = matching_tasks(query, tasks, target)
if query:
    st.caption(t("tasks.shown", shown=len(shown), total=len(tasks)))
if not shown:
    st.info(t("tasks.no_match", query=link_value(query, limit=60)), icon=":material/search_off:")
for row in shown:
    task_card(row, target, t)
source_footer(
    t,
    list(tasks["source"]) + list(target.loc[used_indicator_ids(tasks), "source"]),
    note_key="tasks.sources_note",
)
download_csv(t, tasks, "key_tasks", key="download-key_tasks")

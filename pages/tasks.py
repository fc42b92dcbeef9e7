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
from core.targets import target_text
from core.text import QUERY_MAX_LENGTH, clean_query, fold, matches

# The task naming seaports, airports and border gates links to the map's connectivity layer.
CONNECTIVITY_WORDS = ("cang bien", "cang hang khong", "cua khau")
SEARCHED = (
    "title_vi",
    "title_en",
    "summary_vi",
    "summary_en",
    "quote_vi",
    "quote_en",
    "places_vi",
    "places_en",
)


def blockquote(text: str) -> str:
    return "\n".join(f"> {escape_markdown(line)}  " for line in str(text).split("\n"))


def indicator_names(ids: object, targets: pd.DataFrame) -> list[str]:
    """Both languages' names of a task's indicators, so a search can find them."""
    return [
        name
        for target_id in str(ids).split(";")
        if target_id in targets.index
        for name in targets.loc[target_id, ["indicator_vi", "indicator_en"]]
    ]


t = translator()
page_header("tasks")
tasks, targets = require("key_tasks", "plan_targets")
target = targets.set_index("id")
quotes = try_table("quotes")

if quotes is not None:
    for row in quotes[quotes["page"] == "tasks"].itertuples():
        st.markdown(f"**{t('tasks.announced_label')}**")
        st.markdown(blockquote(row.quote_vi))
        if t.lang != "vi":
            st.caption(escape_markdown(row.quote_en))
if (tasks["reading"] == "editorial").any():
    st.info(t("tasks.editorial_note"), icon=":material/edit_note:")

# Bound to ?q= in the URL, so a filtered view can be shared; the value is re-cleaned here.
raw_query = st.text_input(
    t("tasks.filter_label"),
    key="q",
    bind="query-params",
    max_chars=QUERY_MAX_LENGTH,
    placeholder=t("tasks.filter_placeholder"),
    type="search",
    live=True,
)
query = clean_query(raw_query)
shown = [
    row
    for row in tasks.itertuples()
    if matches(
        query,
        *(getattr(row, column) for column in SEARCHED),
        *indicator_names(row.indicator_ids, target),
    )
]
if query:
    st.caption(t("tasks.shown", shown=len(shown), total=len(tasks)))
if not shown:
    st.info(t("tasks.no_match", query=link_value(query, limit=60)), icon=":material/search_off:")

for row in shown:
    with st.container(border=True, key=f"task-{row.id}"):
        st.subheader(
            t(
                "tasks.task_heading",
                number=row.id,
                title=escape_markdown(t.pick(row.title_vi, row.title_en)),
            )
        )
        if row.reading == "editorial":
            st.badge(t("tasks.editorial_badge"), icon=":material/edit_note:", color="orange")
        st.markdown(escape_markdown(t.pick(row.summary_vi, row.summary_en)))

        original, translation = st.columns(2, gap="large")
        with original:
            st.markdown(f"**{t('tasks.quote_label')}**")
            st.markdown(blockquote(row.quote_vi))
        with translation:
            st.markdown(f"**{t('tasks.translation_label')}**")
            st.markdown(blockquote(row.quote_en))

        places = t.pick(row.places_vi, row.places_en)
        if isinstance(places, str):
            st.markdown(f"**{t('tasks.places_label')}**")
            st.markdown(
                "\n".join(
                    f"- {escape_markdown(place.strip())}"
                    for place in places.split(";")
                    if place.strip()
                )
            )
        if any(word in fold(row.quote_vi) for word in CONNECTIVITY_WORDS):
            st.markdown(t("tasks.connectivity_link"))
            link_to("zones", t, {"layers": "connectivity"})

        ids = [i for i in str(row.indicator_ids).split(";") if i in target.index]
        years = ", ".join(str(year) for year in sorted(set(target.loc[ids, "year"])))
        if ids:
            st.markdown(f"**{t('tasks.indicators_label', year=years)}**")
            st.markdown(
                "\n".join(
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
            )
        else:
            st.caption(t("tasks.no_indicators"))
        if isinstance(row.note, str):
            with st.expander(t("tasks.data_note")):
                st.caption(escape_markdown(row.note))

used_targets = [i for cell in tasks["indicator_ids"].dropna() for i in cell.split(";")]
source_footer(
    list(tasks["source"]) + list(target.loc[used_targets, "source"]), note_key="tasks.sources_note"
)
download_csv(tasks, "key_tasks", key="download-key_tasks")

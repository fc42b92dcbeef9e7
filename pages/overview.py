"""Tổng quan / Overview: the plan on one screen, and the way into every page."""

from contextlib import suppress

import streamlit as st

from components.context import translator
from components.data_ui import require, try_table
from components.navigation import PAGES, link_to
from components.page_parts import download_csv, page_header, source_footer
from components.scenario_ui import baseline_of
from components.tracker_view import status_list
from core.economy import HEADLINE_TARGETS, latest_notes
from core.i18n import format_iso_date
from core.targets import target_figure, target_text
from core.tracker import status_counts, track

t = translator()
page_header(t, "overview")
sources, targets, goals = require(t, "sources", "plan_targets", "plan_goals")

decision = sources.set_index("id").loc["qd_790_2024"]
st.markdown(
    t(
        "overview.decision",
        number=decision["document_number"],
        date=format_iso_date(decision["date"], t.lang),
    )
)
st.info(t("overview.merger_notice"), icon=":material/info:")

goal = goals.set_index("id")
target = targets.set_index("id")
st.subheader(t("overview.targets_heading"))
cards = HEADLINE_TARGETS
outturn = try_table(t, "economy_outturn")
notes = {}
# Should the model reject the outturn, the cards still show the targets (the economy page
# says why).
if outturn is not None:
    with suppress(ValueError):
        notes = latest_notes(cards, outturn, targets, baseline_of(outturn, targets), t)
for column, target_id in zip(st.columns(len(cards)), cards, strict=True):
    row = target.loc[target_id]
    help_text = t.pick(row["indicator_vi"], row["indicator_en"]) + ": " + target_text(row, t)
    if target_id == "population_total":
        parts = target.loc[["population_official", "population_converted"], "value_min"]
        help_text += ". " + t(
            "overview.population_help",
            official=t.number(parts.iloc[0], 2),
            converted=t.number(parts.iloc[1], 2),
        )
    with column.container(border=True, height="stretch", key=f"overview-card-{target_id}"):
        st.metric(t(f"overview.card.{target_id}"), target_figure(row, t), help=help_text)
        if target_id in notes:
            st.caption(notes[target_id])
city = goal.loc["city_status_2030"]
st.success(
    f"**{t('overview.status_label')}:** {t.pick(city['text_vi'], city['text_en'])}. "
    + t("overview.status_help"),
    icon=":material/flag:",
)

# Is it on track? The tracker's counts (its page says why, should the outturn be unusable).
if outturn is not None:
    st.subheader(t("overview.tracker_heading"))
    counts = status_counts(track(targets, outturn))
    with st.container(key="overview-tracker"):
        status_list(counts, t("overview.tracker_heading"), t)
        st.caption(t("overview.tracker_caption", count=t.number(sum(counts.values()))))
        link_to("tracker", t)

st.subheader(t("overview.goal_heading"))
for goal_id in ("general_2030", "vision_2050"):
    row = goal.loc[goal_id]
    st.markdown(f"**{row['horizon']}** — {t.pick(row['text_vi'], row['text_en'])}")
source_footer(
    t,
    list(target.loc[list(cards), "source"]) + list(goals["source"]),
    note_key="overview.vision_note",
)
download_csv(t, targets, "plan_targets", key="download-plan-targets")

st.subheader(t("overview.explore_heading"))
columns = st.columns(2)
for index, page in enumerate(PAGES[1:]):
    with columns[index % 2].container(border=True):
        link_to(page.section, t)
        st.caption(t(f"overview.blurb.{page.section}"))

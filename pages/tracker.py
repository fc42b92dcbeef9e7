"""Theo dõi mục tiêu / Plan tracker: every quantified target against its required path,
and where each commitment the plan names stands now.

Every figure comes from core/tracker.py; this page only formats and arranges it. The
filters live in widget keys; a link may set them (``?status=behind&category=economy
&target=<id>``) on the page's first run, and the current choice is written back to the
URL on every run, so the view can be shared.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components.context import translator
from components.data_ui import require, try_table
from components.html_table import html_table
from components.navigation import page_of
from components.page_parts import (
    download_csv,
    escape_markdown,
    link_value,
    page_header,
    source_footer,
)
from components.tabs import lazy_tabs
from components.tracker_charts import (
    chart_frame,
    status_label,
    target_names,
    years_text,
)
from components.tracker_view import status_list, strip_with_table
from core.i18n import Translator, format_iso_date
from core.narrative import glossary
from core.targets import target_text
from core.tracker import (
    DISPLAY_DECIMALS,
    STATUSES,
    THRESHOLDS,
    TrackedTarget,
    commitment_groups,
    outturn_quality,
    parse_link,
    shown_base,
    status_counts,
    track,
    tracked_frame,
)

STATUS_KEY = "tracker-statuses"
CATEGORY_KEY = "tracker-categories"
TARGET_KEY = "tracker-target"
VIEWS = page_of("tracker").views


def state_from_link(target_ids: list[str], categories: list[str], t: Translator) -> list[str]:
    """On the page's first run, set the filters from the link; notices for what it rejected."""
    if STATUS_KEY in st.session_state:
        return []
    params = st.query_params
    link = parse_link(
        params.get_all("status"),
        params.get_all("target"),
        target_ids,
        params.get_all("category"),
        categories,
    )
    st.session_state[STATUS_KEY] = list(link.statuses)
    st.session_state[CATEGORY_KEY] = list(link.categories)
    st.session_state[TARGET_KEY] = link.target
    shown = {
        "status": [t(f"tracker.status.{s}") for s in link.statuses],
        "category": [t(f"tracker.category.{c}") for c in link.categories],
    }
    choices = {"status": STATUSES, "category": categories}
    notices = []
    for name, value in link.rejected:
        if name == "target":
            notices.append(t("tracker.notice_target", value=link_value(value)))
        else:
            notices.append(
                t(
                    f"tracker.notice_{name}",
                    value=link_value(value),
                    choices=", ".join(choices[name]),
                    shown=", ".join(shown[name]) or t("tracker.all"),
                )
            )
    return notices


def write_link(statuses: list[str], categories: list[str], target: str | None) -> None:
    """Keep the URL on the current choice (repeated parameters for several values)."""
    wanted = {"status": statuses, "category": categories, "target": [target] if target else []}
    for name, values in wanted.items():
        if not values:
            if name in st.query_params:
                del st.query_params[name]
        elif st.query_params.get_all(name) != values:
            st.query_params[name] = values


def definition(t: Translator) -> None:
    """The statuses and thresholds, once, from THRESHOLDS."""
    behind = t.number(THRESHOLDS.behind_years)
    far = t.number(THRESHOLDS.far_behind_years)
    tolerance = t.number(THRESHOLDS.about_tolerance * 100)
    with st.expander(t("tracker.definition_heading"), icon=":material/rule:", expanded=True):
        lines = {
            "on_track": t("tracker.definition_on_track", behind=behind),
            "behind": t("tracker.definition_behind", behind=behind, far=far),
            "far_behind": t("tracker.definition_far_behind", far=far),
            "no_data": t("tracker.definition_no_data"),
        }
        # One element, not three: each costs the browser its own drawing.
        statuses = "\n".join(f"- **{status_label(s, t)}:** {lines[s]}" for s in STATUSES)
        about = t("tracker.definition_about", tolerance=tolerance)
        st.markdown(f"{t('tracker.definition')}\n\n{statuses}\n\n{about}")


def counts(tracked: list[TrackedTarget], t: Translator) -> None:
    st.subheader(t("tracker.counts_heading"))
    status_list(status_counts(tracked), t("tracker.counts_heading"), t)
    st.caption(t("tracker.counts_caption", count=t.number(len(tracked))))


def filters(categories: list[str], t: Translator) -> tuple[list[str], list[str]]:
    """(categories, statuses) chosen; empty means all."""
    left, right = st.columns(2)
    chosen_categories = left.multiselect(
        t("tracker.category_label"),
        categories,
        format_func=lambda c: t(f"tracker.category.{c}"),
        key=CATEGORY_KEY,
        placeholder=t("tracker.filter_placeholder"),
    )
    chosen_statuses = right.multiselect(
        t("tracker.status_label"),
        list(STATUSES),
        format_func=lambda s: status_label(s, t),
        key=STATUS_KEY,
        placeholder=t("tracker.filter_placeholder"),
    )
    return chosen_categories, chosen_statuses


def value_text(value: float | None, unit: str, t: Translator) -> str:
    if value is None:
        return "—"
    return t(f"targets.unit.{unit}", v=t.number(value, DISPLAY_DECIMALS[unit]))


def reading_text(item: TrackedTarget, t: Translator) -> str:
    if item.reading == "about_target":
        return t(
            "tracker.reading.about_target",
            aim=value_text(item.aim, item.unit, t) if item.aim is not None else "—",
            tolerance=t.number(THRESHOLDS.about_tolerance * 100),
        )
    if item.reading == "composition":
        way = {1: "rise", -1: "fall", 0: "hold"}[item.direction]
        return t(f"tracker.reading.composition_{way}")
    return t(f"tracker.reading.{item.reading or 'as_stated'}")


def base_text(item: TrackedTarget, t: Translator) -> str:
    """'2020: 6.506 USD/người'; the year alone where the base is an index, not a value."""
    if item.base_year is None:
        return "—"
    base = shown_base(item)
    if base is None:
        return str(item.base_year)
    return t("tracker.year_value", year=item.base_year, value=value_text(base, item.unit, t))


def table_frame(tracked: list[TrackedTarget], rows: dict[str, dict], t: Translator) -> pd.DataFrame:
    """The status table in the reader's language and number format. No sources column:
    ids mean nothing to readers and public labels are too long for a cell; the footer
    under the table cites them, a target's details its own, the CSV keeps the ids."""

    def cells(item: TrackedTarget) -> dict[str, str]:
        row = rows[item.target_id]
        quality = outturn_quality(item) or (("published",) if item.outturn_year else ())
        return {
            "indicator": t.pick(row["indicator_vi"], row["indicator_en"]),
            "target": target_text(row, t),
            "base": base_text(item, t),
            "outturn": value_text(item.outturn_value, item.unit, t),
            "outturn_year": str(item.outturn_year) if item.outturn_year else "—",
            "quality": ", ".join(t(f"tracker.quality.{q}") for q in quality) or "—",
            "required": value_text(item.required_value, item.unit, t),
            "status": status_label(item.status, t),
            "years_short": years_text(item, THRESHOLDS, t),
            "path": t(f"tracker.path.{item.path_kind}") if item.base_year else "—",
            "reading": reading_text(item, t),
        }

    frame = pd.DataFrame([cells(item) for item in tracked])
    return frame.rename(columns={name: t(f"tracker.col.{name}") for name in frame.columns})


def target_detail(item: TrackedTarget, name: str, t: Translator) -> None:
    """One target opened: its required path year by year beside the outturn year."""
    with st.container(border=True, key="tracker-detail"):
        st.markdown(f"#### {escape_markdown(name)} · {status_label(item.status, t)}")
        if item.base_year is None:
            st.markdown(t("tracker.detail_no_data"))
        else:
            path = pd.DataFrame(
                {
                    t("tracker.detail_year"): [str(year) for year, _ in item.path()],
                    t("tracker.detail_required"): [
                        t.number(value, DISPLAY_DECIMALS[item.unit]) for _, value in item.path()
                    ],
                }
            )
            caption = t("tracker.detail_path", kind=t(f"tracker.path.{item.path_kind}"))
            numbers = (t("tracker.detail_required"),)
            st.html(html_table(path, caption, numbers, note=caption))
            st.markdown(
                f"**{t('tracker.detail_outturn')}** ({item.outturn_year}): "
                f"{value_text(item.outturn_value, item.unit, t)} · {reading_text(item, t)}"
            )
            if item.on_index:
                st.caption(t("tracker.detail_growth_note"))
        source_footer(t, item.sources)


def status_section(tracked: list[TrackedTarget], targets: pd.DataFrame, t: Translator) -> None:
    """Filters, chart, the opened target and the table, then the CSV."""
    rows = {row["id"]: row for row in targets.to_dict("records")}
    names = target_names(targets, t)
    categories = list(dict.fromkeys(targets["category"]))
    chosen_categories, chosen_statuses = filters(categories, t)
    shown = [
        item
        for item in tracked
        if (not chosen_categories or item.category in chosen_categories)
        and (not chosen_statuses or item.status in chosen_statuses)
    ]
    chosen = st.selectbox(
        t("tracker.target_label"),
        list(rows),
        format_func=names.get,
        key=TARGET_KEY,
        index=None,
        placeholder=t("tracker.target_placeholder"),
    )
    write_link(chosen_statuses, chosen_categories, chosen)
    st.caption(t("tracker.shown_count", shown=t.number(len(shown)), count=t.number(len(tracked))))
    if chosen is not None:
        target_detail(next(i for i in tracked if i.target_id == chosen), names[chosen], t)
    if not shown:
        st.info(t("tracker.nothing_shown"), icon=":material/filter_alt_off:")
        return
    strip_with_table(chart_frame(shown, names, chosen, THRESHOLDS, t), status_counts(shown), t)
    st.caption(
        t(
            "tracker.chart.caption",
            behind=t.number(THRESHOLDS.behind_years),
            far=t.number(THRESHOLDS.far_behind_years),
        )
    )
    st.subheader(t("tracker.table_heading"))
    # A real table, not a data grid: read cell by cell by a screen reader, long cells
    # wrapped, and no grid code or canvas drawing on the page's first view.
    note = f"{glossary(t)} {t('tracker.table_caption')}"
    st.html(html_table(table_frame(shown, rows, t), t("tracker.table_heading"), note=note))
    source_footer(t, (";".join(item.sources) for item in shown))
    download_csv(t, tracked_frame(shown), "plan-tracker", key="download-tracker")


def commitment_card(row: dict, t: Translator) -> None:
    """The status, then its date and sources in one caption."""
    st.markdown(escape_markdown(t.pick(row["status_vi"], row["status_en"])))
    as_of = t("tracker.as_of", date=format_iso_date(row["as_of"], t.lang))
    source_footer(t, [row["source"]], lead=as_of)


def commitments_section(t: Translator) -> None:
    """Each commitment with its date, status and source; disagreeing sources side by side."""
    st.subheader(t("tracker.commitments_heading"))
    st.markdown(t("tracker.commitments_intro"))
    commitments = try_table(t, "commitments")
    if commitments is None:
        return
    for group in commitment_groups(commitments):
        first = group[0]
        name = escape_markdown(t.pick(first["name_vi"], first["name_en"]))
        with st.container(border=True, key=f"commitment-{first['id']}"):
            if len(group) == 1:
                kind = t(f"tracker.kind.{first['kind']}")
                st.markdown(f"**{name}** · {kind}")
                commitment_card(first, t)
                continue
            st.warning(t("tracker.conflict_heading", name=name), icon=":material/compare_arrows:")
            st.caption(t("tracker.conflict_note"))
            for column, row in zip(st.columns(len(group)), group, strict=True):
                with column:
                    commitment_card(row, t)
    download_csv(t, commitments, "commitments", key="download-commitments")


t = translator()
page_header(t, "tracker")
targets, outturn = require(t, "plan_targets", "economy_outturn")
tracked = track(targets, outturn)
notices = state_from_link(list(targets["id"]), list(dict.fromkeys(targets["category"])), t)
for notice in notices:
    st.info(notice, icon=":material/link_off:")
# Lazy tabs: the status view's chart and table need not wait for ten commitment cards.
tabs = lazy_tabs("tracker", VIEWS, t)
if tabs["status"].open:
    with tabs["status"]:
        definition(t)
        counts(tracked, t)
        status_section(tracked, targets, t)
if tabs["commitments"].open:
    with tabs["commitments"]:
        commitments_section(t)

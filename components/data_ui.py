"""Cached access to the curated data, and the messages shown when a file is damaged.

Loads are cached per data folder, so a rerun never re-reads a file. A damaged file
stops only the page that needs it, with a message naming the file, line, column and
problem; the sidebar and the other pages keep working. Each function takes the
reader's Translator first (``require(t, "zones", "districts")``), like the parts in
components.page_parts: the message depends only on the arguments, not on session state.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

from core.data import DataError, data_dir, load_geojson, load_table
from core.i18n import Translator


@st.cache_data(show_spinner=False)
def _cached_table(table: str, folder: str) -> pd.DataFrame:
    return load_table(table, Path(folder))


@st.cache_data(show_spinner=False)
def _cached_geojson(table: str, folder: str) -> dict:
    return load_geojson(table, Path(folder))


def try_table(t: Translator, table: str) -> pd.DataFrame | None:
    """The validated table, or None after telling the reader what is wrong with it."""
    try:
        return _cached_table(table, str(data_dir()))
    except DataError as error:
        show_data_error(t, error)
        return None


@st.cache_resource(show_spinner=False)
def _indexed_table(table: str, folder: str, column: str) -> pd.DataFrame:
    return _cached_table(table, folder).set_index(column)


def try_indexed(t: Translator, table: str, column: str) -> pd.DataFrame | None:
    """``try_table`` indexed by ``column``, for look-ups made many times a run (every
    source footer): built once and shared, not copied per call. Callers must not modify it."""
    try:
        return _indexed_table(table, str(data_dir()), column)
    except DataError as error:
        show_data_error(t, error)
        return None


def try_geojson(t: Translator, table: str) -> dict | None:
    try:
        return _cached_geojson(table, str(data_dir()))
    except DataError as error:
        show_data_error(t, error)
        return None


def require(t: Translator, *tables: str) -> list[pd.DataFrame]:
    """Every table a page cannot do without; stops the page (not the app) if one is damaged."""
    frames = [try_table(t, table) for table in tables]
    if any(frame is None for frame in frames):
        st.stop()
    return frames


def show_data_error(t: Translator, error: DataError) -> None:
    first = error.problems[0]
    lines = []
    for problem in error.problems[:8]:
        where = []
        if problem.line is not None:
            where.append(t("common.data_error.line", line=problem.line))
        if problem.column:
            where.append(t("common.data_error.column", column=problem.column))
        text = t(f"common.data_error.{problem.kind}")
        location = f" ({', '.join(where)})" if where else ""
        shown = problem.detail.replace("`", "'")
        detail = f": `{shown}`" if shown else ""
        lines.append(f"- {text}{location}{detail}")
    if len(error.problems) > 8:
        lines.append(t("common.data_error.more", count=len(error.problems) - 8))
    st.error(
        t("common.data_error.heading", file=first.file)
        + "\n\n"
        + "\n".join(lines)
        + "\n\n"
        + t("common.data_error.advice"),
        icon="⚠️",
    )

"""The five key tasks (key_tasks.csv): their search and the plan indicators each names."""

from __future__ import annotations

import pandas as pd

from core.text import filter_rows, fold

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


def indicator_ids(cell: object, targets: pd.DataFrame) -> list[str]:
    """The ids in a task's ``indicator_ids`` cell (``a;b``) that name a plan target
    (``targets`` indexed by id)."""
    return [target_id for target_id in str(cell).split(";") if target_id in targets.index]


def indicator_names(cell: object, targets: pd.DataFrame) -> list[str]:
    """Both languages' names of a task's indicators, so a search can find them."""
    return [
        name
        for target_id in indicator_ids(cell, targets)
        for name in targets.loc[target_id, ["indicator_vi", "indicator_en"]]
    ]


def matching_tasks(query: str, tasks: pd.DataFrame, targets: pd.DataFrame) -> list:
    """The tasks (as namedtuples) whose text or indicator names match the query."""
    return filter_rows(
        query,
        tasks.itertuples(),
        SEARCHED,
        extra=lambda row: indicator_names(row.indicator_ids, targets),
    )


def target_years(ids: list[str], targets: pd.DataFrame) -> list[int]:
    """The distinct years the indicators are due, earliest first."""
    return sorted({int(year) for year in targets.loc[ids, "year"]})


def used_indicator_ids(tasks: pd.DataFrame) -> list[str]:
    """Every indicator id the tasks name, in order (for their sources)."""
    return [i for cell in tasks["indicator_ids"].dropna() for i in cell.split(";")]


def mentions_connectivity(quote: str) -> bool:
    """Whether a task's words name seaports, airports or border gates."""
    return any(word in fold(quote) for word in CONNECTIVITY_WORDS)

"""The five tasks' search, the one the tasks page runs, and the indicators each names."""

from __future__ import annotations

import pandas as pd

from core.data import load_table
from core.tasks import (
    SEARCHED,
    indicator_ids,
    indicator_names,
    matching_tasks,
    mentions_connectivity,
    target_years,
    used_indicator_ids,
)
from core.text import fold
from tests.conftest import DATA

TASKS = load_table("key_tasks", DATA)
TARGETS = load_table("plan_targets", DATA).set_index("id")


def numbers(rows) -> list[int]:
    return [int(row.id) for row in rows]


def test_search_ignores_diacritics_and_case():
    for query in ("do thi", "đô thị", "ĐÔ THỊ"):
        assert numbers(matching_tasks(query, TASKS, TARGETS)) == [4, 5]
    assert numbers(matching_tasks("", TASKS, TARGETS)) == [1, 2, 3, 4, 5]


def test_search_finds_a_task_by_the_name_of_its_indicator():
    task = TASKS.set_index("id").loc[2]
    own_text = " ".join(fold(task[column]) for column in SEARCHED if isinstance(task[column], str))
    name = next(
        n for n in indicator_names(task["indicator_ids"], TARGETS) if fold(n) not in own_text
    )
    assert 2 in numbers(matching_tasks(name, TASKS, TARGETS))


def test_unknown_or_missing_indicator_ids_are_skipped():
    assert indicator_ids("growth_2021_2030;no_such_target", TARGETS) == ["growth_2021_2030"]
    assert indicator_ids(float("nan"), TARGETS) == []
    assert indicator_names(float("nan"), TARGETS) == []


def test_target_years_are_distinct_and_sorted():
    ids = ["growth_2021_2030", "urbanisation", "growth_2021_2030"]
    years = target_years(ids, TARGETS)
    assert years == sorted(set(years))
    assert years == sorted({int(TARGETS.loc[i, "year"]) for i in ids})


def test_used_indicator_ids_skip_tasks_without_indicators():
    tasks = pd.DataFrame({"indicator_ids": ["a;b", None, "c"]})
    assert used_indicator_ids(tasks) == ["a", "b", "c"]


def test_the_connectivity_task_is_found_by_its_words():
    mentions = [int(row.id) for row in TASKS.itertuples() if mentions_connectivity(row.quote_vi)]
    assert mentions == [1]
    assert not mentions_connectivity("Xanh hóa nền kinh tế")

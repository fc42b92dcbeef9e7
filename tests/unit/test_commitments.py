"""Where each commitment stands: dated, sourced, and conflicts shown as conflicts."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from core.data import DataError, load_table
from tests.conftest import DATA

ISO_DAY_OR_MONTH = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
# The commitments issue 15 names; each must have a row.
NAMED = {
    "city_status",
    "it_park",
    "cai_mep_thi_vai",
    "can_gio",
    "tan_son_nhat",
    "long_thanh",
    "moc_bai",
    "hoa_lu",
    "provincial_plan",
}


@pytest.fixture(scope="module")
def commitments() -> pd.DataFrame:
    return load_table("commitments", DATA)


def test_every_named_commitment_has_a_row(commitments):
    assert set(commitments["id"]) >= NAMED


def test_every_commitment_has_an_as_of_date_and_resolving_sources(commitments):
    sources = load_table("sources", DATA).set_index("id")
    for row in commitments.itertuples():
        assert ISO_DAY_OR_MONTH.match(row.as_of), row.id
        assert "2011" <= row.as_of[:4] <= "2026", row.id
        for source in row.source.split(";"):
            entry = sources.loc[source]
            assert pd.notna(entry["url"]) or pd.notna(entry["document_number"]), source


def test_status_text_is_in_both_languages(commitments):
    for row in commitments.itertuples():
        assert row.status_vi != row.status_en
        # Vietnamese text with its diacritics, not a transliteration.
        assert re.search(r"[ăâđêôơưàáạảãèéẹẻẽìíịỉĩòóọỏõùúụủũỳýỵỷỹ]", row.status_vi.lower())


def test_conflicts_name_two_sources_and_each_other(commitments):
    by_id = commitments.set_index("id")
    conflicts = commitments[commitments["conflict_with"].notna()]
    assert len(conflicts) >= 2  # Long Thành on 19/12/2025, both sides
    for row in conflicts.itertuples():
        other = by_id.loc[row.conflict_with]
        assert other["conflict_with"] == row.id
        mine, theirs = set(row.source.split(";")), set(other["source"].split(";"))
        assert mine - theirs
        assert theirs - mine


@pytest.mark.parametrize(
    ("change", "column"),
    [
        # one-sided: the partner does not name it back
        (
            lambda frame: frame.assign(
                conflict_with=frame["conflict_with"].where(
                    frame["id"] != "long_thanh_commercial_2026", ""
                )
            ),
            "conflict_with",
        ),
        # both sides on the same sources: no disagreement shown
        (
            lambda frame: frame.assign(
                source=frame["source"].where(
                    frame["id"] != "long_thanh_commercial_2026",
                    frame.set_index("id").loc["long_thanh", "source"],
                )
            ),
            "source",
        ),
        # names a row that does not exist
        (
            lambda frame: frame.assign(
                conflict_with=frame["conflict_with"].where(frame["id"] != "hoa_lu", "nowhere")
            ),
            "conflict_with",
        ),
    ],
)
def test_a_broken_conflict_is_reported_by_line_and_column(data_copy, change, column):
    path = data_copy / "commitments.csv"
    change(pd.read_csv(path, dtype=str, keep_default_na=False)).to_csv(path, index=False)
    with pytest.raises(DataError) as caught:
        load_table("commitments", data_copy)
    problems = caught.value.problems
    assert problems
    assert {(p.file, p.column) for p in problems} == {("commitments.csv", column)}
    assert all(p.line is not None for p in problems)


def test_the_after_merger_events_are_on_the_timeline():
    timeline = load_table("timeline", DATA)
    after = timeline[timeline["date"] > "2025-07-01"]
    assert {"2025-07-25", "2025-08-08"} <= set(after["date"])
    assert set(after["kind"]) <= {"plan", "it_park", "digital", "admin"}

"""The tracker: each comparator and unit kind against a status computed by hand, the
real data (one changed cell flips one status; no outturn means no_data), the link."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from core.data import load_table
from core.tracker import (
    DISPLAY_DECIMALS,
    STATUSES,
    THRESHOLDS,
    Outturn,
    commitment_groups,
    commitments_as_events,
    outturn_measures,
    outturn_quality,
    parse_link,
    shown_base,
    status_counts,
    status_for,
    track,
    tracked_frame,
)
from tests.conftest import DATA

MEASURES = {"t": Outturn("x"), "g": Outturn("growth", average_growth=True)}


def target(comparator: str, low: float, high: float | None = None, unit: str = "percent"):
    return pd.DataFrame(
        [
            {
                "id": "t",
                "category": "economy",
                "comparator": comparator,
                "value_min": low,
                "value_max": low if high is None else high,
                "unit": unit,
                "year": 2030,
                "source": "s_target",
            }
        ]
    )


def outturn(base: float, latest: float, column: str = "x") -> pd.DataFrame:
    """Two outturn years, 2020 (the base) and 2024."""
    return pd.DataFrame(
        {
            "year": [2020, 2024],
            column: [base, latest],
            "status": ["actual", "estimate"],
            "derived_columns": [None, None],
            "source": ["s2020", "s2024"],
        }
    )


def one(targets: pd.DataFrame, years: pd.DataFrame):
    [tracked] = track(targets, years, measures=MEASURES)
    return tracked


# Each case worked by hand: (target, base 2020, outturn 2024, status, years short).
CASES = {
    # about 10,000 USD → aims at 9,500 (5 % tolerance); the path grows ×1.9 in 10 years,
    # so 5,000 · 1.9^0.2 in 2024 is 4 − 2 = 2 years of progress short.
    "about_level_behind": (
        target("about", 10_000, unit="usd_per_person"),
        5000,
        5000 * 1.9**0.2,
        "behind",
        2.0,
    ),
    "about_level_on_track": (
        target("about", 10_000, unit="usd_per_person"),
        5000,
        5000 * 1.9**0.35,
        "on_track",
        0.5,
    ),
    "about_level_far_behind": (
        target("about", 10_000, unit="usd_per_person"),
        5000,
        5000,
        "far_behind",
        4.0,
    ),
    # exact 3.0 million from 2.0: ×1.5 in 10 years; 2.0 · 1.5^0.15 is 2.5 years short.
    "exact_people_behind": (
        target("exact", 3.0, unit="million_people"),
        2.0,
        2.0 * 1.5**0.15,
        "behind",
        2.5,
    ),
    "exact_people_ahead": (target("exact", 3.0, unit="million_people"), 2.0, 2.9, "on_track", 0.0),
    # above 90 % from 80 %: +1 point a year; 2024 needs 84, 81.5 is 2.5 years short.
    "above_percent_behind": (target("above", 90), 80, 81.5, "behind", 2.5),
    # below 1 % from 3 %: −0.2 a year; 2024 needs 2.2; still 3.0 is 4 years short.
    "below_percent_far_behind": (target("below", 1.0), 3.0, 3.0, "far_behind", 4.0),
    "below_percent_on_path": (target("below", 1.0), 3.0, 2.2, "on_track", 0.0),
    # range 88–90 % from 80 %: aims at 88, +0.8 a year; 2024 needs 83.2; 82.8 is 0.5 short.
    "range_percent_on_track": (target("range", 88, 90), 80, 82.8, "on_track", 0.5),
    # range from above it: aims at 90, −0.5 a year; 2024 needs 93, 94.25 is 2.5 years short.
    "range_from_above_behind": (target("range", 88, 90), 95, 94.25, "behind", 2.5),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_status_of_each_comparator_and_unit_kind_matches_the_hand_computation(case):
    targets, base, latest, status, years = CASES[case]
    tracked = one(targets, outturn(base, latest))
    assert tracked.status == status
    assert tracked.years_short == pytest.approx(years, abs=1e-9)
    assert (tracked.base_year, tracked.outturn_year) == (2020, 2024)
    assert tracked.sources == ("s_target", "s2020", "s2024")
    readings = {"about": "about_target", "range": "range_bound"}
    assert tracked.reading == readings.get(targets.loc[0, "comparator"])


@pytest.mark.parametrize(
    ("growth", "status", "years"),
    [
        # about 10 %/yr → path at 9.5 %; 4 years at g are 4·(ln 1.095 − ln(1+g)) / ln 1.095 short.
        (10.0, "on_track", 0.0),
        (5.0, "behind", 4 * (1 - math.log(1.05) / math.log(1.095))),
        (2.0, "far_behind", 4 * (1 - math.log(1.02) / math.log(1.095))),
    ],
)
def test_average_growth_is_read_on_the_real_index(growth, status, years):
    targets = target("about", 10, unit="percent_per_year").assign(id="g")
    years_frame = pd.DataFrame(
        {
            "year": range(2020, 2025),
            "growth": [6.9] + [growth] * 4,
            "status": "estimate",
            "derived_columns": None,
            "source": "s",
        }
    )
    tracked = one(targets, years_frame)
    assert (tracked.status, tracked.path_kind, tracked.reading) == (
        status,
        "compound",
        "about_target",
    )
    assert tracked.years_short == pytest.approx(years)
    assert tracked.outturn_value == pytest.approx(growth)
    assert tracked.required_value == pytest.approx(9.5)
    assert tracked.outturn_derived


def test_paths_compound_for_levels_and_step_linearly_for_percentages():
    level = one(target("exact", 3.0, unit="million_people"), outturn(2.0, 2.5))
    share = one(target("exact", 60), outturn(70, 68))
    assert (level.path_kind, share.path_kind) == ("compound", "linear")
    assert level.path()[0] == (2020, 2.0)
    assert level.path()[-1][1] == pytest.approx(3.0)
    assert level.path()[5][1] == pytest.approx(2.0 * 1.5**0.5)
    assert [value for _, value in share.path()] == pytest.approx([70 - k for k in range(11)])
    assert share.direction == -1  # a share that must fall, read by its direction
    assert share.status == "behind"  # 68 where 66 was due: 2 years of −1 short


def test_a_target_without_outturn_has_no_status_and_no_path():
    tracked = one(target("exact", 60).assign(id="unmeasured"), outturn(70, 68))
    assert tracked.status == "no_data"
    assert (tracked.outturn_value, tracked.required_value, tracked.path()) == (None, None, [])


def test_one_figure_is_no_trend():
    years = outturn(70, 68)
    years.loc[1, "x"] = None
    assert one(target("exact", 60), years).status == "no_data"


@pytest.mark.parametrize(
    ("years_short", "status"),
    [(0.0, "on_track"), (1.0, "on_track"), (1.01, "behind"), (3.0, "behind"), (3.01, "far_behind")],
)
def test_threshold_boundaries(years_short, status):
    assert (THRESHOLDS.behind_years, THRESHOLDS.far_behind_years) == (1.0, 3.0)
    assert status_for(years_short) == status


# --- the real data ---------------------------------------------------------------------


def real(folder=DATA):
    return track(load_table("plan_targets", folder), load_table("economy_outturn", folder))


def test_every_target_is_tracked_once_with_a_status_and_sources():
    targets = load_table("plan_targets", DATA)
    tracked = real()
    assert [item.target_id for item in tracked] == list(targets["id"])
    assert all(item.status in STATUSES and item.sources for item in tracked)
    assert sum(status_counts(tracked).values()) == len(targets)
    assert list(status_counts(tracked)) == list(STATUSES)


def test_no_data_rows_are_the_targets_without_outturn():
    outturn_frame = load_table("economy_outturn", DATA)
    targets = load_table("plan_targets", DATA)
    measured = {
        target_id
        for target_id, spec in outturn_measures(targets).items()
        if outturn_frame[spec.column].notna().sum() >= 2 or spec.average_growth
    }
    unmeasured = [target_id for target_id in targets["id"] if target_id not in measured]
    assert status_counts(real())["no_data"] == len(unmeasured)
    assert unmeasured  # the plan's social and environmental targets have no outturn here


def test_changing_one_outturn_cell_flips_exactly_that_status(data_copy):
    before = {item.target_id: item.status for item in real()}
    assert before["grdp_per_capita_usd"] != "on_track"
    path = data_copy / "economy_outturn.csv"
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    due = next(item for item in real() if item.target_id == "grdp_per_capita_usd").required_value
    frame.loc[frame["year"] == "2024", "grdp_per_capita_usd"] = str(round(due + 1))
    frame.to_csv(path, index=False)
    after = {item.target_id: item.status for item in real(data_copy)}
    changed = {key for key in before if before[key] != after[key]}
    assert changed == {"grdp_per_capita_usd"}
    assert after["grdp_per_capita_usd"] == "on_track"


def test_the_frame_has_one_row_per_target_and_joined_sources():
    tracked = real()
    frame = tracked_frame(tracked)
    assert len(frame) == len(tracked)
    assert frame.loc[0, "sources"] == ";".join(tracked[0].sources)


# --- the link ----------------------------------------------------------------------------

IDS = ("growth_2021_2030", "share_services")


@pytest.mark.parametrize(
    ("status", "target", "statuses", "chosen", "rejected"),
    [
        ([], [], (), None, ()),
        (["behind,far_behind"], ["share_services"], ("behind", "far_behind"), "share_services", ()),
        (["far_behind, BEHIND"], [], ("behind", "far_behind"), None, ()),
        (["behind,<script>"], [], ("behind",), None, (("status", "behind,<script>"),)),
        (["<script>alert(1)</script>"], [], (), None, (("status", "<script>alert(1)</script>"),)),
        (["behind", "on_track"], [], ("on_track", "behind"), None, ()),
        (["behind", "<b>"], [], ("behind",), None, (("status", "behind,<b>"),)),
        (["behind," * 40], [], (), None, (("status", "behind," * 40),)),
        ([""], [""], (), None, (("status", ""), ("target", ""))),
        ([], ["nope](http://x)"], (), None, (("target", "nope](http://x)"),)),
    ],
)
def test_link_values_are_validated_with_notices(status, target, statuses, chosen, rejected):
    link = parse_link(status, target, IDS)
    assert (link.statuses, link.target, link.rejected) == (statuses, chosen, rejected)


@pytest.mark.parametrize(
    ("raw", "chosen", "rejected"),
    [
        ([], (), ()),
        (["economy"], ("economy",), ()),
        (["society", "Economy"], ("economy", "society"), ()),
        (["economy,nope"], ("economy",), (("category", "economy,nope"),)),
        (["<img src=x>"], (), (("category", "<img src=x>"),)),
    ],
)
def test_category_links_keep_known_categories_in_file_order(raw, chosen, rejected):
    link = parse_link([], [], IDS, raw, ("economy", "society"))
    assert (link.categories, link.rejected) == (chosen, rejected)


# --- what the page shows ---------------------------------------------------------------


def test_growth_has_no_base_value_and_marks_its_derived_outturn():
    by_id = {item.target_id: item for item in real()}
    growth = by_id["growth_2021_2030"]
    assert shown_base(growth) is None  # the index, not a rate
    assert outturn_quality(growth)[-1] == "derived"
    assert shown_base(by_id["grdp_per_capita_usd"]) == by_id["grdp_per_capita_usd"].base_value
    assert outturn_quality(by_id["population_total"]) == ()  # no outturn, no marks
    assert set(DISPLAY_DECIMALS) >= {item.unit for item in by_id.values()}


def commitments(*rows: tuple[str, str | None]) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {"id": key, "conflict_with": other, "as_of": "2025-12", "kind": "airport"}
            | {f"{c}_{lang}": key for c in ("name", "status") for lang in ("vi", "en")}
            | {"source": f"src_{key}"}
            for key, other in rows
        ]
    )


def test_sources_that_disagree_come_together_once_in_file_order():
    frame = commitments(("a", None), ("b", "d"), ("c", None), ("d", "b"))
    groups = [tuple(row["id"] for row in group) for group in commitment_groups(frame)]
    assert groups == [("a",), ("b", "d"), ("c",)]


def test_commitments_become_timeline_rows_dated_as_of():
    events = commitments_as_events(commitments(("a", None), ("b", "a")))
    assert list(events["date"]) == ["2025-12", "2025-12"]
    assert set(events["kind"]) == {"commitment"}
    assert list(events["outcome_en"]) == ["a", "b"]
    assert list(events["conflict_with"].fillna("")) == ["", "a"]


def test_the_real_commitments_keep_every_row_and_the_long_thanh_conflict():
    frame = load_table("commitments", DATA)
    groups = commitment_groups(frame)
    assert sum(len(group) for group in groups) == len(frame)
    assert ("long_thanh", "long_thanh_commercial_2026") in [
        tuple(row["id"] for row in group) for group in groups
    ]


def test_the_outturn_of_each_target_is_named_in_its_row():
    """Adding a target with an outturn is one row of plan_targets.csv: the tracker reads
    which column measures it, its scale and (by unit) whether it is an average growth."""
    targets = load_table("plan_targets", DATA)
    outturn = load_table("economy_outturn", DATA)
    measures = outturn_measures(targets)
    assert measures["population_official"] == Outturn("population_thousand", scale=0.001)
    assert measures["growth_2021_2030"].average_growth
    assert all(spec.column in outturn.columns for spec in measures.values())
    extra = pd.concat(
        [targets, targets[targets["id"] == "share_services"].assign(id="services_again")]
    )
    assert outturn_measures(extra)["services_again"] == measures["share_services"]

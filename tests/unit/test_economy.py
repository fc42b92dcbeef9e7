"""core.economy: the figures the economy page and the slides show beside the plan.

Expected values are computed from the data files here, not copied from them, so the
tests follow an update of economy_outturn.csv or plan_targets.csv."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from core import economy
from core.data import load_table
from core.i18n import Translator
from core.model import BASE_YEAR, Baseline, plan_defaults, project, run, summarize
from core.schemas import SHARE_COLUMNS, SHARE_TARGET_IDS
from tests.conftest import DATA
from tests.plan_data import PLAN, PLAN_TABLE

OUTTURN = load_table("economy_outturn", DATA)
BASELINE = Baseline.from_outturn(OUTTURN, PLAN)


def test_quality_marks_derived_estimate_and_published():
    frame = pd.DataFrame(
        {
            "year": [2020, 2021, 2022],
            "status": ["actual", "estimate", "actual"],
            "derived_columns": [None, None, "grdp_per_capita_usd"],
        }
    )
    quality = economy.outturn_quality(
        frame, [(2020, "grdp_per_capita_usd", "derived")], "grdp_per_capita_usd"
    )
    assert quality == {2020: "derived", 2021: "estimate", 2022: "derived"}
    assert economy.outturn_quality(frame, [], "population_thousand") == {
        2020: "published",
        2021: "estimate",
        2022: "published",
    }
    assert set(economy.outturn_quality(frame, [], "x", recomputed=True).values()) == {"derived"}


def test_growth_to_date_is_the_geometric_mean_of_the_actual_years():
    growth = economy.growth_to_date(OUTTURN, BASELINE)
    rates = [a.real_growth_pct for a in BASELINE.years if a.year > BASE_YEAR]
    mean = (math.prod(1 + g / 100 for g in rates) ** (1 / len(rates)) - 1) * 100
    assert growth.average_pct == pytest.approx(mean)
    assert (growth.first_year, growth.last_year) == (BASE_YEAR + 1, BASELINE.last_year)
    assert growth.quality in economy.QUALITIES


def test_progress_rows_follow_the_shown_targets_and_the_data():
    rows = {row.target_id: row for row in economy.progress_rows(OUTTURN, PLAN_TABLE, BASELINE)}
    assert list(rows) == [shown.target_id for shown in economy.shown_targets(PLAN_TABLE)]
    usd = OUTTURN.dropna(subset=["grdp_per_capita_usd"]).iloc[-1]
    per_capita = rows["grdp_per_capita_usd"]
    assert per_capita.value == float(usd["grdp_per_capita_usd"])
    assert per_capita.period == str(int(usd["year"]))
    assert per_capita.progress_pct == pytest.approx(per_capita.value / PLAN.per_capita_usd * 100)
    for row in rows.values():
        assert (row.value is None) == math.isnan(row.progress_pct) == (row.quality is None)
    assert rows["digital_economy_share"].value is None  # no outturn column for it yet


def test_the_legend_follows_the_qualities_the_bars_show():
    rows = economy.progress_rows(OUTTURN, PLAN_TABLE, BASELINE)
    published = {row.quality == "published" for row in rows if row.quality is not None}
    # The data today: every latest outturn is a year-end estimate or computed from one.
    assert (economy.quality_mix(rows) == "none_published") == (published == {False})

    def with_qualities(*qualities):
        return [economy.Progress("x", "pct", 1, 1.0, "2024", q, 1.0, 1.0, "s") for q in qualities]

    assert economy.quality_mix(with_qualities("published", "estimate", None)) == "mixed"
    assert economy.quality_mix(with_qualities("published", None)) == "all_published"
    assert economy.quality_mix(with_qualities("estimate", "derived")) == "none_published"
    assert economy.quality_mix(with_qualities(None)) == "none_published"


def test_structure_rows_are_the_latest_shares_and_the_targets():
    rows = economy.structure_rows(OUTTURN, PLAN_TABLE)
    latest = OUTTURN.dropna(subset=list(SHARE_COLUMNS)).iloc[-1]
    now = [row.share_pct for row in rows if row.period == "now"]
    assert now == [float(latest[column]) for column in SHARE_COLUMNS]
    goals = PLAN_TABLE.set_index("id").loc[list(SHARE_TARGET_IDS), "value_min"]
    assert [row.share_pct for row in rows if row.period == "target"] == list(goals)


def test_year_notes_mark_scenario_years_and_the_total_basis():
    result = run(BASELINE, plan_defaults(BASELINE))
    notes = economy.year_notes(result.projection, OUTTURN, BASELINE, "total")
    kinds = list(result.projection["kind"])
    assert len(notes) == len(kinds)
    for kind, parts in zip(kinds, notes, strict=True):
        if kind == "scenario":
            assert parts == [economy.Note("scenario_note")]
        else:
            assert economy.Note("total_basis") in parts
    for year, column, method in BASELINE.filled:
        assert economy.Note(method, column) in notes[year - BASE_YEAR]


def test_a_scenario_runs_once_for_projection_and_summary():
    scenario = plan_defaults(BASELINE)
    result = run(BASELINE, scenario)
    pd.testing.assert_frame_equal(result.projection, project(BASELINE, scenario))
    assert result.summary == summarize(BASELINE, scenario)
    assert result.summary.per_capita_target_usd == PLAN.per_capita_usd


def test_latest_notes_serve_the_overview_and_the_targets_slide():
    """One function for both: the slide's shares and the overview's population card."""
    outturn = load_table("economy_outturn", DATA)
    targets = load_table("plan_targets", DATA)
    baseline = Baseline.from_outturn(outturn, PLAN)
    ids = ["grdp_per_capita_usd", "population_total", "digital_economy_share"]
    notes = economy.latest_notes(ids, outturn, targets, baseline, Translator("vi"))
    assert notes["grdp_per_capita_usd"] == "Thực hiện gần nhất: 7.498 USD (2024)"
    assert notes["population_total"].startswith("Thực hiện gần nhất, dân số chính thức: 2,87")
    assert notes["digital_economy_share"] == "Chưa có số liệu thực hiện"

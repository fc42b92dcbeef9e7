"""Chart descriptions (screen-reader labels) in both languages and number formats."""

from __future__ import annotations

from dataclasses import replace

import pytest

from core import chart_text
from core.data import load_table
from core.i18n import Translator
from core.likelihood import Band, FirstYearRange, Outcome, Swing, SwingRange, Tornado
from core.model import BASE_YEAR, TARGET_YEAR, Baseline, plan_defaults, run
from tests.conftest import DATA
from tests.plan_data import PLAN

VI, EN = Translator("vi"), Translator("en")


def test_per_capita_below_the_target_in_vietnamese_numbers():
    text = chart_text.per_capita(VI, 2030, 10_363.4, 15_800)
    assert text == (
        "GRDP bình quân đầu người năm 2030 theo kịch bản: 10.363 USD, thấp hơn mục tiêu 15.800 USD"
    )


def test_per_capita_below_the_target_in_english_numbers():
    text = chart_text.per_capita(EN, 2030, 10_363.4, 15_800)
    assert text == (
        "GRDP per capita in 2030 in the scenario: 10,363 USD, below the target of 15,800 USD"
    )


@pytest.mark.parametrize(
    ("value", "word_vi", "word_en"),
    [(16_250.0, "cao hơn", "above"), (15_800.2, "bằng", "equal to")],
)
def test_per_capita_says_above_or_equal(value, word_vi, word_en):
    assert f"{word_vi} mục tiêu 15.800" in chart_text.per_capita(VI, 2030, value, 15_800)
    assert f"{word_en} the target of 15,800" in chart_text.per_capita(EN, 2030, value, 15_800)


def test_index_uses_one_decimal_in_each_language():
    assert chart_text.index(VI, 2030, 2020, 222.46, 259.37) == (
        "Chỉ số GRDP thực năm 2030 (2020 = 100): kịch bản 222,5, lộ trình quy hoạch 259,4"
    )
    assert chart_text.index(EN, 2030, 2020, 222.46, 259.37) == (
        "Real GRDP index in 2030 (2020 = 100): scenario 222.5, plan path 259.4"
    )


def test_distance_lists_each_target_and_says_when_data_is_missing():
    rows = [("GRDP/người", 65.4, "10.363 USD"), ("Dân số", None, "—")]
    assert chart_text.distance(VI, 2030, rows) == (
        "Mức đạt so với mục tiêu năm 2030: GRDP/người 65% mục tiêu (10.363 USD); "
        "Dân số chưa có số liệu"
    )
    rows = [("GRDP per capita", 65.4, "10,363 USD"), ("Population", None, "—")]
    assert chart_text.distance(EN, 2030, rows) == (
        "Progress towards the 2030 targets: GRDP per capita 65% of target (10,363 USD); "
        "Population no data yet"
    )


def test_structure_reads_every_period_and_sector():
    periods = {"2024": {"Công nghiệp": 63.26, "Dịch vụ": 26.5}, "2030": {"Công nghiệp": 61.0}}
    assert chart_text.structure(VI, periods) == (
        "Cơ cấu GRDP theo ngành: 2024: Công nghiệp 63,3%; Dịch vụ 26,5%; 2030: Công nghiệp 61,0%"
    )
    periods = {"2024": {"Industry": 63.26}}
    assert chart_text.structure(EN, periods) == "GRDP by sector: 2024: Industry 63.3%"


def test_zone_share_in_both_languages():
    shares_vi = {"Khu vực 1": 5.75, "Khu vực 2": 40.0}
    assert chart_text.zone_share(VI, "Diện tích", shares_vi) == (
        "Diện tích: Khu vực 1 5,8%; Khu vực 2 40,0%"
    )
    assert chart_text.zone_share(EN, "Area", {"Zone 1": 5.75}) == "Area: Zone 1 5.8%"


def test_zone_map_names_each_zones_units_and_the_chosen_ward():
    units = {"Khu vực 1": ["Dĩ An", "Thuận An"], "Khu vực 2": ["Thủ Dầu Một"]}
    assert chart_text.zone_map(VI, "Bản đồ", units, None) == (
        "Bản đồ. Khu vực 1: Dĩ An, Thuận An; Khu vực 2: Thủ Dầu Một."
    )
    assert chart_text.zone_map(EN, "Map", {"Zone 2": ["Thủ Dầu Một"]}, "Phú Lợi Ward") == (
        "Map. Zone 2: Thủ Dầu Một. Outlined: Phú Lợi Ward, the chosen ward or commune."
    )


def test_location_map_says_the_place_when_known():
    assert chart_text.location_map(EN, None) == EN("it_park.map_alt")
    assert chart_text.location_map(EN, "Hòa Phú") == (
        EN("it_park.map_alt") + " The IT park is located in: Hòa Phú."
    )


def test_timeline_counts_events_with_grouped_numbers():
    kinds = {"Quy hoạch": 1200, "Khu CNTT": 3}
    assert chart_text.timeline(VI, "3/8/2024", "5/2025", kinds) == (
        "Dòng thời gian: 1.203 sự kiện, từ 3/8/2024 đến 5/2025; Quy hoạch 1.200; Khu CNTT 3"
    )
    assert chart_text.timeline(EN, "3 August 2024", "May 2025", {"Plan": 1200}) == (
        "Timeline: 1,200 events, from 3 August 2024 to May 2025; Plan 1,200"
    )


# ---- from the model's results and the drawn rows (what the pages pass) ------------------

BASELINE = Baseline.from_outturn(load_table("economy_outturn", DATA), PLAN)
DEFAULT = run(BASELINE, plan_defaults(BASELINE))
FASTER = run(BASELINE, replace(plan_defaults(BASELINE), growth_pct=12.0))


def test_scenario_index_reads_the_result_and_follows_the_growth():
    plan = DEFAULT.projection.set_index("year").loc[TARGET_YEAR, "plan_index"]
    for t in (VI, EN):
        text = chart_text.scenario_index(t, DEFAULT)
        opening = t("a11y.chart.index", year=TARGET_YEAR, base=BASE_YEAR, scenario="\x00", plan="")
        assert text.startswith(opening.split("\x00")[0])
        assert t.number(DEFAULT.summary.real_index_2030, 1) in text
        assert text.endswith(t.number(plan, 1))
    faster = chart_text.scenario_index(VI, FASTER)
    assert faster != chart_text.scenario_index(VI, DEFAULT)
    assert faster.endswith(VI.number(plan, 1))  # the plan's path does not move


def test_scenario_per_capita_reads_the_result_against_the_plans_target():
    summary = DEFAULT.summary
    text = chart_text.scenario_per_capita(VI, DEFAULT)
    assert f"{VI.number(round(summary.per_capita_2030_usd))} USD" in text
    assert text.endswith(f"{VI.number(PLAN.per_capita_usd)} USD")
    assert chart_text.scenario_per_capita(VI, FASTER) != text


def test_timeline_events_counts_each_lane_in_order():
    dates = ["3/8/2024", "5/2025", "26/12/2025"]
    kinds = ["Quy hoạch", "Sáp nhập", "Quy hoạch"]
    assert chart_text.timeline_events(VI, dates, kinds) == (
        "Dòng thời gian: 3 sự kiện, từ 3/8/2024 đến 26/12/2025; Quy hoạch 2; Sáp nhập 1"
    )


# ---- the tracker and likelihood charts ------------------------------------------------


def test_tracker_counts_each_status_in_order_with_the_readers_numbers():
    counts = {"on_track": 1200, "behind": 2, "far_behind": 0, "no_data": 13}
    assert chart_text.tracker(VI, counts) == (
        "Tình trạng của 1.215 mục tiêu đang hiển thị so với lộ trình cần đạt: "
        "Đúng tiến độ 1.200; Chậm 2; Chậm nhiều 0; Chưa có số liệu trích dẫn được 13"
    )
    assert chart_text.tracker(EN, counts) == (
        "Status of the 1,215 targets shown against their required path: "
        "On track 1,200; Behind 2; Far behind 0; No citable data 13"
    )


def _outcome(gap: float, growth: float) -> Outcome:
    return Outcome(growth, 200.0, 10_000.0, gap, 3_000.0, None, PLAN)


def _tornado(*swings: tuple[float, float]) -> Tornado:
    span = SwingRange(2.5, 8.0, "observed", clipped=False)
    rows = tuple(
        Swing("growth", 7.0, span, _outcome(low, 6.5), _outcome(high, 9.25)) for low, high in swings
    )
    return Tornado(rows, _outcome(-1234.4, 8.28), FirstYearRange(2032, 2030, None))


def test_tornado_says_the_scenarios_gap_and_the_widest_bar():
    shown = _tornado((8929.2, 6459.0))
    assert chart_text.tornado(VI, shown, "per_capita") == (
        "Khoảng cách còn thiếu so với mục tiêu GRDP bình quân đầu người năm 2030 theo kịch bản: "
        "−1.234 USD; giả định tác động mạnh nhất là Tăng trưởng GRDP thực, thay đổi 2.470 USD "
        "(từ 8.929 đến 6.459 USD)"
    )
    assert chart_text.tornado(EN, shown, "growth") == (
        "Average growth 2021–2030 in the scenario: 8.28% a year; the assumption that moves it "
        "most is Real GRDP growth, by 2.75 points (from 6.50 to 9.25% a year)"
    )


def test_tornado_without_a_moving_bar_says_so():
    assert chart_text.tornado(EN, _tornado((500.0, 500.0)), "per_capita").endswith(
        "; no assumption moves it across its range"
    )
    assert chart_text.tornado(VI, _tornado(), "per_capita").endswith(
        "; không giả định nào làm thay đổi con số này trong khoảng của nó"
    )


def test_fan_reads_the_median_and_band_of_the_target_year():
    band = Band(
        (2029, TARGET_YEAR, 2031),
        (1.0, 9_868.4, 1.0),
        (2.0, 10_492.0, 2.0),
        (3.0, 10_993.0, 3.0),
        (2.0, 10_423.0, 2.0),
    )
    assert chart_text.fan(VI, band, "per_capita") == (
        "GRDP bình quân đầu người năm 2030 qua các lần mô phỏng: trung vị 10.492 USD; "
        "80% số lần nằm trong khoảng 9.868 đến 10.993 USD"
    )
    assert chart_text.fan(EN, band, "index") == (
        "Real GRDP index in 2030 across the draws: median 10,492.0; "
        "80% of the draws between 9,868.4 and 10,993.0"
    )

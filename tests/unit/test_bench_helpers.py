"""The benchmark's pure helpers: byte counting, budgets, and the results file it edits.

No timing here: the benchmark measures and prints; tests never assert on speed.
"""

from __future__ import annotations

import base64

import pytest

from benchmarks import bench_app, probes, report


def test_binary_frames_count_decoded_bytes():
    payload = base64.b64encode(bytes(range(10))).decode()
    assert probes.frame_bytes(payload, opcode=2) == 10
    assert probes.frame_bytes("", opcode=2) == 0


def test_text_frames_count_utf8_bytes():
    assert probes.frame_bytes("Bình", opcode=1) == len("Bình".encode())


def test_static_files_are_the_frameworks():
    assert probes.is_static("http://127.0.0.1:8501/static/js/index.js")
    assert probes.is_static("http://127.0.0.1:8501/economy/static/css/a.css?v=1")
    assert not probes.is_static("http://127.0.0.1:8501/_stcore/host-config")
    assert not probes.is_static("http://127.0.0.1:8501/media/abc.png?static/")


def test_budget_verdicts():
    assert report.ratio(250, 100) == 2.5
    assert report.ratio(1, 0) is None
    assert report.ratio(None, 1) is None
    assert report.within(2.5, 2.5) is True
    assert report.within(2.6, 2.5) is False
    assert report.within(None, 2.5) is None
    assert [report.verdict(v) for v in (True, False, None)] == ["PASS", "FAIL", "n/a"]


def test_section_is_created_in_an_empty_file():
    text = report.replace_section("", "## Benchmark\n\nfigures\n")
    assert text.startswith("# Performance results\n\n## Benchmark\n\nfigures\n")


def test_only_the_benchmark_section_is_replaced():
    document = (
        "# Performance results\n\n## Benchmark\n\nold\n\n### Per page\n\nold too\n\n"
        "## Load test\n\nkept\n"
    )
    text = report.replace_section(document, "## Benchmark\n\nnew\n\n### Per page\n\nnew too\n")
    assert "old" not in text
    assert "## Benchmark\n\nnew\n\n### Per page\n\nnew too\n\n## Load test\n\nkept\n" in text
    assert text.count("## Benchmark") == 1


def test_section_is_appended_after_other_sections():
    text = report.replace_section("# R\n\n## Load test\n\nkept\n", "## Benchmark\n\nnew\n")
    assert text == "# R\n\n## Load test\n\nkept\n\n## Benchmark\n\nnew\n"


def test_last_section_is_replaced_to_the_end():
    text = report.replace_section(
        "# R\n\n## Load test\n\nkept\n\n## Benchmark\n\nold\n", "## Benchmark\n\nnew\n"
    )
    assert text == "# R\n\n## Load test\n\nkept\n\n## Benchmark\n\nnew\n"


def test_every_page_and_tab_is_measured_against_the_floor_loaded_the_same_way():
    from components.navigation import PAGES

    views = bench_app.explorer_views(PAGES)
    names = [name for name, _, _ in views]
    assert names[0] == "overview"
    assert "economy·whatif" in names
    assert "it_park·digital" in names
    assert len(names) == len(PAGES) + sum(len(page.views) - 1 for page in PAGES if page.views)
    assert ("economy·structure", "economy", "&view=structure") in views
    assert bench_app.floor_for("") == report.FLOOR
    assert bench_app.floor_for("economy") == report.FLOOR_BELOW_ROOT


def fake_measurements(page_render_ms: float) -> report.Measurements:
    """One page against the floor, each loaded twice; only the page's render varies."""

    def loads(render_ms: float) -> list[probes.Load]:
        return [probes.Load(render_ms, 50.0, 4096, 512, 2048) for _ in range(2)]

    run = probes.SliderRun(to_result_ms=[40.0], bytes_per_rerun=[1024])
    targets = [
        (report.FLOOR, "http://127.0.0.1:1/", None),
        (report.FLOOR_BELOW_ROOT, "http://127.0.0.1:1/floor", None),
        ("overview", "http://127.0.0.1:2/?lang=vi", report.FLOOR),
    ]
    warm = {report.FLOOR: loads(100), report.FLOOR_BELOW_ROOT: loads(200)}
    warm["overview"] = loads(page_render_ms)
    return report.Measurements(
        targets=targets,
        cold={name: runs[0] for name, runs in warm.items()},
        cold_phone={name: runs[0] for name, runs in warm.items()},
        warm=warm,
        floor_slider=run,
        econ_slider=run,
        econ_memory=probes.Memory(100.0, 110.0, 200.0, 10),
        floor_memory=probes.Memory(90.0, 91.0, 100.0, 10),
        script_ms={"overview": 30.0},
        lang="vi",
        warm_loads=2,
        slider_presses=1,
    )


def test_report_names_the_figure_over_its_budget_and_why():
    text, failures = report.build_report(fake_measurements(page_render_ms=300))
    assert text.startswith("## Benchmark\n")
    assert "| Render `overview`, warm p90 of 2 | 300 ms | 100 ms | 3.00× |" in text
    assert "| `overview` | 300 / 300 / 300 ms | 1.0 | 300 ms | 300 ms | 6 KB | 30 ms |" in text
    assert "| Server memory per extra session (1 → 10 on economy·whatif) | 10.0 MB |" in text
    assert len(failures) == 1
    assert failures[0].startswith("Render `overview`, warm p90 of 2 = 300 ms (budget ≤ 2×")
    assert "of which the server script ≈ 30 ms" in failures[0]
    assert "### Over budget" in text


def test_report_within_budget_says_so():
    text, failures = report.build_report(fake_measurements(page_render_ms=190))
    assert failures == []
    assert text.rstrip().endswith("All budgets pass.")


def test_p90_is_the_nearest_rank_so_one_slow_load_in_ten_shows():
    loads = [100.0] * 8 + [900.0, 5000.0]
    assert report.percentile(loads, 90) == 900.0
    assert report.percentile(loads, 100) == 5000.0
    assert report.percentile([7.0], 90) == 7.0
    assert report.percentile([], 90) is None


def test_cold_phone_zones_is_judged_against_the_cold_phone_overview():
    measured = fake_measurements(page_render_ms=150)
    measured.cold_phone["zones"] = probes.Load(250.0, 50.0, 4_000_000, 1024, 1024 * 1024)
    text, failures = report.build_report(measured)
    assert "| Cold phone visit `zones`, first zones drawn | 250 ms | 150 ms | 1.67× |" in text
    assert len(failures) == 1
    assert failures[0].startswith("Cold phone visit `zones`, all bytes loaded = 4,931 KB")


def slider_measurements(econ_ms: float, econ_kb: float) -> report.Measurements:
    measured = fake_measurements(page_render_ms=150)
    measured.floor_slider = probes.SliderRun(to_result_ms=[40.0], bytes_per_rerun=[1024])
    measured.econ_slider = probes.SliderRun(
        to_result_ms=[econ_ms], bytes_per_rerun=[int(econ_kb * 1024)]
    )
    return measured


def test_the_slider_is_held_to_three_times_the_floors_and_under_150_ms():
    """Issues 14 and 19 (the newest) replace issue 8's 6×."""
    text, failures = report.build_report(slider_measurements(econ_ms=120, econ_kb=30))
    assert "| Slider → updated result, median of 1 | 120 ms | 40 ms | 3.00× |" in text
    assert "≤ 3× floor and < 150 ms (issues 14, 19) | PASS |" in text
    assert failures == []
    _, failures = report.build_report(slider_measurements(econ_ms=121, econ_kb=30))
    assert [f.split(" = ")[0] for f in failures] == ["Slider → updated result, median of 1"]


def test_bytes_per_slider_move_may_grow_20_kb_over_those_before_the_likelihood_section():
    text, failures = report.build_report(slider_measurements(econ_ms=100, econ_kb=54.2))
    assert "| Slider move, WebSocket bytes per rerun, median of 1 | 54.2 KB | 1.0 KB |" in text
    assert "≤ 34.2 KB before the likelihood section + 20 KB (issue 14) | PASS |" in text
    assert failures == []
    _, failures = report.build_report(slider_measurements(econ_ms=100, econ_kb=54.3))
    assert failures[0].startswith("Slider move, WebSocket bytes per rerun, median of 1 = 54.3 KB")


def test_zones_units_layer_data_and_the_ward_lookup_are_judged_as_issue_16_asks():
    measured = fake_measurements(page_render_ms=150)
    measured.cold["zones"] = probes.Load(900.0, 50.0, 4096, 512, 60 * 1024)
    measured.zones_units = probes.Load(900.0, 50.0, 4096, 512, 150 * 1024)
    # The floor at /floor renders in 200 ms warm (median): 2× is 400 ms.
    measured.ward_search_ms = [390.0, 400.0, 900.0, 100.0, 380.0]
    text, failures = report.build_report(measured)
    assert (
        "| Ward lookup `zones`: name + Enter → card drawn, median of 5 | 390 ms | 200 ms |" in text
    )
    assert len(failures) == 1  # 150 KB is not under 150 KB
    assert failures[0].startswith("Map data `zones` with the 2025 units layer")
    assert failures[0].endswith("without the layer 60 KB")
    measured.zones_units = probes.Load(900.0, 50.0, 4096, 512, 149 * 1024)
    measured.ward_search_ms = [401.0] * 5
    _, failures = report.build_report(measured)
    assert len(failures) == 1
    assert failures[0].startswith("Ward lookup `zones`: name + Enter → card drawn, median of 5")


def test_only_runs_the_probes_and_views_named():
    views = ["tracker", "it_park·timeline"]
    assert bench_app.only_probes(["--only", "slider,zones"], views) == ("slider", "zones")
    assert bench_app.only_probes(["--only", "it_park:timeline"], views) == ("it_park·timeline",)
    assert bench_app.only_probes([], views) is None
    for wrong in (["--only"], ["--only", "slider,maps"]):
        with pytest.raises(SystemExit, match="slider, zones, tracker, it_park·timeline"):
            bench_app.only_probes(wrong, views)

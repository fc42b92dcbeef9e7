"""The benchmark's pure helpers: byte counting, budgets, and the results file it edits.

No timing here: the benchmark measures and prints; tests never assert on speed.
"""

from __future__ import annotations

import base64

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

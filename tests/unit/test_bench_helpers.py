"""The benchmark's pure helpers: byte counting, budgets, and the results file it edits.

No timing here: the benchmark measures and prints; tests never assert on speed.
"""

from __future__ import annotations

import base64
import importlib.util
import sys

from tests.conftest import REPO

_spec = importlib.util.spec_from_file_location("bench_app", REPO / "benchmarks" / "bench_app.py")
bench = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("bench_app", bench)  # dataclasses look their module up
_spec.loader.exec_module(bench)


def test_binary_frames_count_decoded_bytes():
    payload = base64.b64encode(bytes(range(10))).decode()
    assert bench.frame_bytes(payload, opcode=2) == 10
    assert bench.frame_bytes("", opcode=2) == 0


def test_text_frames_count_utf8_bytes():
    assert bench.frame_bytes("Bình", opcode=1) == len("Bình".encode())


def test_static_files_are_the_frameworks():
    assert bench.is_static("http://127.0.0.1:8501/static/js/index.js")
    assert bench.is_static("http://127.0.0.1:8501/economy/static/css/a.css?v=1")
    assert not bench.is_static("http://127.0.0.1:8501/_stcore/host-config")
    assert not bench.is_static("http://127.0.0.1:8501/media/abc.png?static/")


def test_budget_verdicts():
    assert bench.ratio(250, 100) == 2.5
    assert bench.ratio(1, 0) is None
    assert bench.ratio(None, 1) is None
    assert bench.within(2.5, 2.5) is True
    assert bench.within(2.6, 2.5) is False
    assert bench.within(None, 2.5) is None
    assert [bench.verdict(v) for v in (True, False, None)] == ["PASS", "FAIL", "n/a"]


def test_section_is_created_in_an_empty_file():
    text = bench.replace_section("", "## Benchmark\n\nfigures\n")
    assert text.startswith("# Performance results\n\n## Benchmark\n\nfigures\n")


def test_only_the_benchmark_section_is_replaced():
    document = (
        "# Performance results\n\n## Benchmark\n\nold\n\n### Per page\n\nold too\n\n"
        "## Load test\n\nkept\n"
    )
    text = bench.replace_section(document, "## Benchmark\n\nnew\n\n### Per page\n\nnew too\n")
    assert "old" not in text
    assert "## Benchmark\n\nnew\n\n### Per page\n\nnew too\n\n## Load test\n\nkept\n" in text
    assert text.count("## Benchmark") == 1


def test_section_is_appended_after_other_sections():
    text = bench.replace_section("# R\n\n## Load test\n\nkept\n", "## Benchmark\n\nnew\n")
    assert text == "# R\n\n## Load test\n\nkept\n\n## Benchmark\n\nnew\n"


def test_last_section_is_replaced_to_the_end():
    text = bench.replace_section(
        "# R\n\n## Load test\n\nkept\n\n## Benchmark\n\nold\n", "## Benchmark\n\nnew\n"
    )
    assert text == "# R\n\n## Load test\n\nkept\n\n## Benchmark\n\nnew\n"


def test_every_page_and_tab_is_measured_against_the_floor_loaded_the_same_way():
    from components.navigation import PAGES

    views = bench.explorer_views(PAGES)
    names = [name for name, _, _ in views]
    assert names[0] == "overview"
    assert "economy·whatif" in names
    assert "it_park·digital" in names
    assert len(names) == len(PAGES) + sum(len(page.views) - 1 for page in PAGES if page.views)
    assert ("economy·structure", "economy", "&view=structure") in views
    assert bench.floor_for("") == bench.FLOOR
    assert bench.floor_for("economy") == bench.FLOOR_BELOW_ROOT

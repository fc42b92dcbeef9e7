"""Fixtures shared by every layer of tests: the repo root and a disposable copy of data/."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import settings

# The machines that run the suite are shared and noisy: judge properties, not speed.
settings.register_profile("shared-machine", deadline=None)
settings.load_profile("shared-machine")

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "data"
E2E = REPO / "tests" / "e2e"


@pytest.hookimpl(tryfirst=True)  # before tests/e2e/conftest.py looks for the marker
def pytest_collection_modifyitems(items):
    """Everything under tests/e2e is a browser test: `pytest -m "not e2e"` leaves it out."""
    for item in items:
        if E2E in item.path.parents:
            item.add_marker(pytest.mark.e2e)


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A copy of data/ that a test may damage; the real folder is never written."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target, ignore=shutil.ignore_patterns("raw"))
    return target


def font_sizes(node: object) -> list[float]:
    """Every numeric font size set anywhere in a Vega-Lite spec (axes, legends, marks)."""
    if isinstance(node, list):
        return [size for item in node for size in font_sizes(item)]
    if not isinstance(node, dict):
        return []
    keys = ("fontSize", "labelFontSize", "titleFontSize", "subtitleFontSize")
    own = [node[key] for key in keys if isinstance(node.get(key), int | float)]
    return own + [size for value in node.values() for size in font_sizes(value)]

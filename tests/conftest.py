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


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A copy of data/ that a test may damage; the real folder is never written."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target, ignore=shutil.ignore_patterns("raw"))
    return target

"""The layer rule, enforced: core/ is plain Python, below the views.

core/ imports neither Streamlit nor anything from components/ or pages/, so every
figure it computes can be tested alone and reused by the PDF brief and the slides.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import REPO

FORBIDDEN = ("streamlit", "components", "pages")
CORE_MODULES = sorted((REPO / "core").rglob("*.py"))


def imported_modules(source: str) -> list[str]:
    """Every module an import statement names (absolute imports only)."""
    names = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


def forbidden_imports(source: str) -> list[str]:
    return [name for name in imported_modules(source) if name.split(".")[0] in FORBIDDEN]


def test_the_check_sees_every_form_of_import():
    source = (
        "import streamlit as st\n"
        "from streamlit.runtime import x\n"
        "import components.cards\n"
        "from pages import zones\n"
        "def f():\n    import streamlit\n"
        "import pandas, core.geo\n"
    )
    assert forbidden_imports(source) == [
        "streamlit",
        "streamlit.runtime",
        "components.cards",
        "pages",
        "streamlit",
    ]


def test_core_has_modules_to_check():
    assert REPO / "core" / "geo.py" in CORE_MODULES


@pytest.mark.parametrize("path", CORE_MODULES, ids=lambda path: path.name)
def test_core_imports_no_streamlit_and_no_views(path: Path):
    assert forbidden_imports(path.read_text(encoding="utf-8")) == []

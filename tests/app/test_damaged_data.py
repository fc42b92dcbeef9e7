"""A damaged deployment: the page that needs a broken file says so clearly, the others work."""

from __future__ import annotations

import pandas as pd
import pytest

from components.navigation import PAGES
from core.i18n import Translator
from tests.app.conftest import run_page

VI = Translator("vi")


def error_texts(at) -> list[str]:
    return [error.value for error in at.error]


def test_missing_zones_file_stops_only_the_pages_that_need_it(damaged_data):
    (damaged_data / "zones.csv").unlink()
    zones = run_page("pages/zones.py")
    assert not zones.exception
    [message] = error_texts(zones)
    assert "**zones.csv**" in message
    assert VI("common.data_error.missing_file") in message
    for page in ("pages/overview.py", "pages/economy.py", "pages/sources.py"):
        at = run_page(page)
        assert not at.exception, page
        assert error_texts(at) == [], page


def test_a_broken_value_is_named_by_line_and_column(damaged_data):
    path = damaged_data / "economy_outturn.csv"
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame.loc[1, "grdp_growth_real_pct"] = "fast"
    frame.to_csv(path, index=False)
    at = run_page("pages/economy.py", "en")
    assert not at.exception
    [message] = error_texts(at)
    assert "**economy_outturn.csv**" in message
    assert "line 3" in message
    assert "grdp_growth_real_pct" in message
    assert run_page("pages/tasks.py", "en").error.len == 0


def test_broken_map_file_keeps_the_zones_page_readable(damaged_data):
    (damaged_data / "geo" / "districts.geojson").write_text("{broken", encoding="utf-8")
    at = run_page("pages/zones.py")
    assert not at.exception
    assert any("districts.geojson" in message for message in error_texts(at))
    assert at.title[0].value == VI("zones.title")


@pytest.mark.parametrize("info", PAGES, ids=lambda info: info.section)
def test_missing_sources_file_never_shows_a_traceback(damaged_data, info):
    (damaged_data / "sources.csv").unlink()
    at = run_page(info.path)
    assert not at.exception
    titles = [title.value for title in at.title]
    assert VI(f"{info.section}.title") in titles or any(
        "sources.csv" in message for message in error_texts(at)
    )

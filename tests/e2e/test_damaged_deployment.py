"""A broken deployment in the real browser: clear messages where data is damaged, the
rest of the explorer working, and never a traceback."""

from __future__ import annotations

import pytest

from core.i18n import Translator
from tests.e2e.conftest import Server, no_traceback, open_app, screenshot

# One worker runs the whole module, so its module-scoped servers start once (--dist loadgroup).
pytestmark = pytest.mark.xdist_group("damaged-deployment")

VI = Translator("vi")
ERROR = '[data-testid="stAlertContentError"]'


@pytest.fixture(scope="module")
def damaged_server(tmp_path_factory):
    import shutil

    from tests.conftest import DATA

    folder = tmp_path_factory.mktemp("damaged") / "data"
    shutil.copytree(DATA, folder, ignore=shutil.ignore_patterns("raw"))
    (folder / "zones.csv").unlink()
    (folder / "geo" / "districts.geojson").write_text("{broken", encoding="utf-8")
    running = Server(env={"PLAN_DATA_DIR": str(folder)})
    yield running
    running.stop()


def test_the_page_needing_the_damaged_file_says_which_file(page, damaged_server):
    open_app(page, damaged_server, "zones", lang="vi")
    assert page.locator("h1").first.inner_text().strip() == VI("zones.title")
    message = page.locator(ERROR).first.inner_text()
    assert "zones.csv" in message
    assert VI("common.data_error.missing_file") in message
    no_traceback(page)
    screenshot(page, "damaged-zones-vi")


@pytest.mark.parametrize("path", ["", "economy", "tasks", "sources"])
def test_pages_that_do_not_need_it_still_work(page, damaged_server, path):
    open_app(page, damaged_server, path, lang="vi")
    assert page.locator(ERROR).count() == 0
    no_traceback(page)

"""Every quotation in the data is the founding article's own text, character for character."""

from __future__ import annotations

import pandas as pd
import pytest

from tests.conftest import DATA

ARTICLE = (DATA / "raw" / "planning_article_vi.txt").read_text(encoding="utf-8")
# (file, column); key_tasks quotes may hold several sentences, one per line.
QUOTED_COLUMNS = [
    ("key_tasks", "quote_vi"),
    ("zones", "quote_vi"),
    ("plan_goals", "quote_vi"),
    ("quotes", "quote_vi"),
]


def quotations() -> list[tuple[str, str]]:
    found = []
    for table, column in QUOTED_COLUMNS:
        frame = pd.read_csv(
            DATA / f"{table}.csv", dtype=str, keep_default_na=False, encoding="utf-8"
        )
        for number, cell in enumerate(frame[column], start=2):
            for line in cell.split("\n"):
                if line.strip():
                    found.append((f"{table}.csv line {number}", line))
    return found


QUOTATIONS = quotations()


def test_there_are_quotations_to_check():
    tables = {label.split(".csv")[0] for label, _ in QUOTATIONS}
    assert tables == {"key_tasks", "zones", "plan_goals", "quotes"}


@pytest.mark.parametrize(("where", "quote"), QUOTATIONS, ids=[w for w, _ in QUOTATIONS])
def test_quotation_is_in_the_article(where, quote):
    assert quote in ARTICLE, f"{where}: not found verbatim in planning_article_vi.txt"


def test_quotes_file_cites_the_article():
    frame = pd.read_csv(DATA / "quotes.csv", dtype=str, keep_default_na=False)
    assert (frame["source"].str.split(";").map(lambda ids: "s0_article" in ids)).all()

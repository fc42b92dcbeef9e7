"""The plan's figures as the app reads them, for tests to compare with instead of copies
typed by hand: change data/plan_targets.csv and the tests follow."""

from __future__ import annotations

from core.data import load_table
from core.plan import PlanTargets
from tests.conftest import DATA

PLAN_TABLE = load_table("plan_targets", DATA)
PLAN = PlanTargets.from_table(PLAN_TABLE)

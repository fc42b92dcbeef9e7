"""Interface text and number formats for Vietnamese (default) and English.

Each language has one catalog: the TOML files in ``core/locales/<lang>/``, one file
per page or shared area. A key is ``<file>.<key>`` (``economy.title``). Keeping the
files apart lets each page own its text without touching the others'.

A catalog never types a plan figure (tests/unit/test_catalog_figures.py checks): the
plan's years are placeholders every string may use (``PLAN_YEARS``), and the plan's
targets are placeholders a translator fills once it knows them (``with_plan``), from
the ``PlanTargets`` read from data/plan_targets.csv.
"""

from __future__ import annotations

import math
import tomllib
from dataclasses import dataclass, replace
from datetime import date
from functools import cache, lru_cache
from pathlib import Path

from babel.dates import format_date
from babel.numbers import format_decimal

from core.plan import BASE_YEAR, HORIZON_YEAR, TARGET_YEAR, PlanTargets

LANGUAGES = ("vi", "en")
DEFAULT_LANGUAGE = "vi"
LOCALES_DIR = Path(__file__).parent / "locales"
_BABEL_LOCALE = {"vi": "vi_VN", "en": "en_US"}

#: The plan's years, as catalog placeholders (written as years: no thousands separator).
PLAN_YEARS: dict[str, int] = {
    "base_year": BASE_YEAR,
    "plan_start_year": BASE_YEAR + 1,
    "target_year": TARGET_YEAR,
    "after_target_year": TARGET_YEAR + 1,
    "horizon_year": HORIZON_YEAR,
}


def parse_language(raw: object) -> str | None:
    """The language a URL value names, or None when it names none we have."""
    if isinstance(raw, list):
        raw = raw[-1] if raw else None
    if isinstance(raw, str) and raw.strip().lower() in LANGUAGES:
        return raw.strip().lower()
    return None


@cache
def catalog(lang: str) -> dict[str, str]:
    """Every key of one language, flattened to ``file.key`` -> text."""
    entries: dict[str, str] = {}
    for path in sorted((LOCALES_DIR / lang).glob("*.toml")):
        with path.open("rb") as handle:
            _flatten(path.stem, tomllib.load(handle), entries)
    return entries


def _flatten(prefix: str, table: dict, into: dict[str, str]) -> None:
    for key, value in table.items():
        name = f"{prefix}.{key}"
        if isinstance(value, dict):
            _flatten(name, value, into)
        else:
            into[name] = value


@dataclass(frozen=True)
class Translator:
    lang: str
    #: The plan's targets for the ``plan_*`` placeholders; None until a page has loaded them.
    plan: PlanTargets | None = None

    def __call__(self, key: str, **values: object) -> str:
        """The text for ``key``; a missing key shows itself rather than crashing a page."""
        text = catalog(self.lang).get(key)
        if text is None:
            return key
        figures = {} if self.plan is None else _plan_figures(self.lang, self.plan)
        return text.format(**PLAN_YEARS, **figures, **values)

    def with_plan(self, plan: PlanTargets) -> Translator:
        """This translator, filling the plan's targets into the catalogs' placeholders."""
        return replace(self, plan=plan)

    def plan_figures(self) -> dict[str, str]:
        """The plan's targets as the catalogs' ``plan_*`` placeholders, in this language."""
        return {} if self.plan is None else dict(_plan_figures(self.lang, self.plan))

    def number(self, value: float | None, decimals: int = 0) -> str:
        return format_number(value, self.lang, decimals)

    def pick(self, vi: str, en: str) -> str:
        """Choose between a data file's Vietnamese and English columns."""
        return vi if self.lang == "vi" else en


@cache
def _plan_figures(lang: str, plan: PlanTargets) -> dict[str, str]:
    """Formatted once per language and plan: every catalog string takes them, a few
    hundred times a rerun of the what-if tab (shared: callers must not change it)."""

    def shown(value: float) -> str:
        return format_number(value, lang, decimals_needed(value))

    return {
        "plan_growth": shown(plan.growth_pct),
        "plan_per_capita": shown(plan.per_capita_usd),
        "plan_population": shown(plan.population_total_thousand / 1000),
        "plan_population_official": shown(plan.population_official_thousand / 1000),
        "plan_population_converted": shown(plan.population_converted_thousand / 1000),
    }


MINUS = "\u2212"  # "−", the one minus sign of the text


def format_number(value: float | None, lang: str, decimals: int = 0) -> str:
    """15.800 / 4,04 in Vietnamese; 15,800 / 4.04 in English; an em dash when unknown.
    A negative number takes the minus sign "−" (U+2212), not Babel's ASCII hyphen: one
    minus sign throughout the text (issue 18)."""
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return "—"
    # The sign is in the key: 0.0 == -0.0, but -0.0 (rounded from below) reads "−0".
    return _formatted(value, math.copysign(1.0, value), lang, decimals)


@lru_cache(maxsize=4096)
def _formatted(value: float, _sign: float, lang: str, decimals: int) -> str:
    """Babel takes ~40 µs a number, and a rerun writes the same numbers again (slider
    labels, cards, the ledger): each is formatted once."""
    pattern = "#,##0" + ("." + "0" * decimals if decimals > 0 else "")
    return format_decimal(value, format=pattern, locale=_BABEL_LOCALE[lang]).replace("-", MINUS)


def decimals_needed(value: float, most: int = 2) -> int:
    """How many decimals show a curated value as published (4.04 -> 2, 15800 -> 0)."""
    for decimals in range(most + 1):
        if abs(round(value, decimals) - value) < 1e-9:
            return decimals
    return most


def format_iso_date(iso: str, lang: str) -> str:
    """'2024-08-03' -> '3/8/2024' (vi) or '3 August 2024' (en); partial dates stay partial."""
    parts = [int(part) for part in iso.split("-")]
    if len(parts) == 3:
        day = date(*parts)
        return (
            f"{day.day}/{day.month}/{day.year}"
            if lang == "vi"
            else format_date(day, format="d MMMM y", locale=_BABEL_LOCALE[lang])
        )
    if len(parts) == 2:
        return (
            f"{parts[1]}/{parts[0]}"
            if lang == "vi"
            else format_date(
                date(parts[0], parts[1], 1), format="MMMM y", locale=_BABEL_LOCALE[lang]
            )
        )
    return str(parts[0])

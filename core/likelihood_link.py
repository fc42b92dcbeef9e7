"""The likelihood view's link keys, validated (issue 14). Plain Python.

    seed     seed of the simulation             integer 0..2**31-1       default 2024
    draws    number of simulated draws           integer 100..5000        default 1000
    vintage  which outturn figures               revised | first          default revised
    s1 s2 s3 saved scenarios to compare, each    "<scenario>~<name>"

A saved scenario is its ``core.scenario.to_query`` values as ``key:value`` pairs
joined by commas, then "~" and the name (optional, at most 40 characters), e.g.

    s1=g:8,d:0.2,fx:1,p:3.4,basis:official,ext:0,g50:6~Chậm

Every value is written out, so a link keeps its meaning when the defaults move
(another vintage, new data). Each pair is validated by ``core.scenario.parse``.

``parse_link`` never raises and follows ``core.scenario.parse``: a malformed value
takes the default with a Notice of kind "invalid"; a number out of range is
clamped with kind "clamped"; a saved scenario that cannot be read is dropped
("invalid", replacement ""), and so is any s4, s5, … (at most three are kept).
A notice's param names the key, and for a value inside a saved scenario the key
and the pair ("s1.g"). Notices carry data only; the UI writes the text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from core.likelihood import (
    DEFAULT_DRAWS,
    DEFAULT_SEED,
    MAX_DRAWS,
    MAX_SEED,
    MIN_DRAWS,
    VINTAGES,
    Vintage,
)
from core.model import Baseline, Scenario
from core.scenario import Notice, last_value, notice_value, param_specs, parse, to_query

SAVED_KEYS = ("s1", "s2", "s3")
SAVED_NAME_MAX_CHARS = 40
#: Longer saved-scenario values are rejected unread (all pairs of a full scenario
#: with six per-year overrides and a 40-character name fit in about 150).
SAVED_MAX_CHARS = 400
NAME_SEPARATOR = "~"
PAIR_SEPARATOR = ","
KEY_SEPARATOR = ":"
DEFAULT_VINTAGE: Vintage = "revised"

_INTEGER = re.compile(r"[+-]?\d{1,12}", re.ASCII)
_SAVED_KEY = re.compile(r"s\d{1,6}", re.ASCII)
_ASCII_SPACE = " \t\n\r\f\v"


@dataclass(frozen=True)
class SavedScenario:
    name: str  # may be empty: the UI then numbers it
    scenario: Scenario


@dataclass(frozen=True)
class LinkState:
    seed: int = DEFAULT_SEED
    draws: int = DEFAULT_DRAWS
    vintage: Vintage = DEFAULT_VINTAGE
    saved: tuple[SavedScenario, ...] = ()

    def __post_init__(self) -> None:
        if not (0 <= self.seed <= MAX_SEED and MIN_DRAWS <= self.draws <= MAX_DRAWS):
            raise ValueError(f"seed {self.seed} or draws {self.draws} out of range")
        if self.vintage not in VINTAGES or len(self.saved) > len(SAVED_KEYS):
            raise ValueError(f"vintage {self.vintage!r} or {len(self.saved)} saved scenarios")


def _integer(key: str, raw: str, low: int, high: int, default: int) -> tuple[int, Notice | None]:
    text = raw.strip(_ASCII_SPACE)
    if not _INTEGER.fullmatch(text):
        return default, Notice(key, notice_value(raw), "invalid", str(default))
    value = int(text)
    if not low <= value <= high:
        clamped = min(max(value, low), high)
        return clamped, Notice(key, notice_value(raw), "clamped", str(clamped))
    return value, None


def _vintage(raw: str) -> tuple[Vintage, Notice | None]:
    value = raw.strip(_ASCII_SPACE).lower()
    if value in VINTAGES:
        return value, None  # type: ignore[return-value]
    return DEFAULT_VINTAGE, Notice("vintage", notice_value(raw), "invalid", DEFAULT_VINTAGE)


def encode_saved(saved: SavedScenario) -> str:
    pairs = PAIR_SEPARATOR.join(
        f"{k}{KEY_SEPARATOR}{v}" for k, v in to_query(saved.scenario).items()
    )
    return f"{pairs}{NAME_SEPARATOR}{saved.name}" if saved.name else pairs


def _clean_name(key: str, raw: str) -> tuple[str, list[Notice]]:
    name = "".join(c for c in raw if c.isprintable()).strip()
    if len(name) > SAVED_NAME_MAX_CHARS or name != raw.strip():
        name = name[:SAVED_NAME_MAX_CHARS]
        return name, [Notice(f"{key}.name", notice_value(raw), "clamped", name)]
    return name, []


def decode_saved(
    key: str, raw: str, baseline: Baseline
) -> tuple[SavedScenario | None, list[Notice]]:
    """One saved scenario from its link value, or None (with a notice) if unreadable."""
    dropped = Notice(key, notice_value(raw), "invalid", "")
    if not raw or len(raw) > SAVED_MAX_CHARS:
        return None, [dropped]
    body, _, raw_name = raw.partition(NAME_SEPARATOR)
    known = {spec.name for spec in param_specs(baseline)}
    values: dict[str, str] = {}
    notices: list[Notice] = []
    for pair in body.split(PAIR_SEPARATOR) if body else ():
        name, separator, value = pair.partition(KEY_SEPARATOR)
        if not separator or name not in known or name in values:
            notices.append(Notice(key, notice_value(pair), "invalid", ""))
            continue
        values[name] = value
    if notices and not values:
        return None, [dropped]
    scenario, scenario_notices = parse(values, baseline)
    name, name_notices = _clean_name(key, raw_name)
    notices += [
        Notice(f"{key}.{n.param}", n.value, n.kind, n.replacement) for n in scenario_notices
    ]
    return SavedScenario(name, scenario), notices + name_notices


def parse_link(
    params: Mapping[str, str | list[str]], baseline: Baseline
) -> tuple[LinkState, list[Notice]]:
    """The likelihood keys of a link, and the notices (in key order). Never raises."""
    readers = {
        "seed": lambda raw: _integer("seed", raw, 0, MAX_SEED, DEFAULT_SEED),
        "draws": lambda raw: _integer("draws", raw, MIN_DRAWS, MAX_DRAWS, DEFAULT_DRAWS),
        "vintage": _vintage,
    }
    values: dict[str, object] = {}
    notices: list[Notice] = []
    for key, read in readers.items():
        if (raw := last_value(params.get(key))) is not None:
            values[key], notice = read(raw)
            notices += [notice] if notice else []
    saved = []
    for key in SAVED_KEYS:
        if (raw := last_value(params.get(key))) is not None:
            entry, entry_notices = decode_saved(key, raw, baseline)
            saved += [entry] if entry else []
            notices += entry_notices
    extra = sorted(k for k in params if _SAVED_KEY.fullmatch(k) and k not in SAVED_KEYS)
    notices += [Notice(k, notice_value(last_value(params[k]) or ""), "invalid", "") for k in extra]
    return LinkState(saved=tuple(saved), **values), notices  # type: ignore[arg-type]


def to_link_query(state: LinkState) -> dict[str, str]:
    """Every key in link form; s1.. only for the saved scenarios there are."""
    query = {"seed": str(state.seed), "draws": str(state.draws), "vintage": state.vintage}
    for key, saved in zip(SAVED_KEYS, state.saved, strict=False):
        query[key] = encode_saved(saved)
    return query

"""Scenario <-> URL query parameters, with validation (plain Python).

Every slider value lives in the URL under a short, stable name:

    g      real GRDP growth %, scenario years up to 2030     -5..20, step 0.1
    gYYYY  per-year override of g (YYYY = last actual year + 1 .. 2030),
           present only when set                               -5..20, step 0.1
    d      GRDP deflator %                                     -5..15, step 0.1
    fx     VND/USD change %, + = VND weakens                   -10..15, step 0.1
    p      official population growth %                        -5..10, step 0.1
    basis  per-capita basis: official | total
    ext    extend the projection to 2050: 0 | 1
    g50    real GRDP growth % 2031–2050 (an assumption)        -5..15, step 0.1

Defaults come from ``core.model.plan_defaults(baseline)`` (clipped into the
ranges). ``parse`` never raises: a missing parameter silently takes its
default; a malformed number takes the default and yields a Notice of kind
"invalid", a value outside a choice's list kind "not_a_choice"; an out-of-range
number is clamped and yields kind "clamped". Numbers are rounded to the step.
Unknown keys (including g2019, g2031, gfoo) are ignored. Notices carry data only;
the UI writes the text (and must escape the raw value, which can be arbitrary user
text such as HTML).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from core.model import BASES, TARGET_YEAR, Baseline, Scenario, plan_defaults

NOTICE_VALUE_MAX_CHARS = 40
#: Longer raw values are rejected without being parsed.
MAX_NUMBER_CHARS = 32

# Plain ASCII decimal numbers only: no Unicode digits, no "_", no nan/inf.
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d{1,4})?", re.ASCII)
_ASCII_SPACE = " \t\n\r\f\v"

NoticeKind = Literal["invalid", "not_a_choice", "clamped"]


@dataclass(frozen=True)
class ParamSpec:
    """One URL parameter. kind "number" uses min/max/step; "choice" uses choices."""

    name: str
    field: str  # Scenario attribute ("growth_by_year" for per-year overrides)
    kind: Literal["number", "choice"]
    default: str  # as it appears in the URL
    min: float | None = None
    max: float | None = None
    step: float | None = None
    choices: tuple[str, ...] = ()
    year: int | None = None  # per-year overrides only

    @property
    def decimals(self) -> int:
        """Decimal places implied by the step (0.1 -> 1)."""
        if self.step is None:
            return 0
        return max(0, -math.floor(math.log10(self.step) + 1e-9))


@dataclass(frozen=True)
class Notice:
    """A parameter that could not be used as given.

    value: the raw value, truncated to 40 characters ("…" marks a cut) and
    with control characters replaced by U+FFFD — NOT HTML-escaped.
    replacement: the value used instead, formatted as in the URL.
    """

    param: str
    value: str
    kind: NoticeKind
    replacement: str


GROWTH_RANGE = (-5.0, 20.0)
RANGES: dict[str, tuple[float, float]] = {
    "g": GROWTH_RANGE,
    "d": (-5.0, 15.0),
    "fx": (-10.0, 15.0),
    "p": (-5.0, 10.0),
    "g50": (-5.0, 15.0),
}
STEP = 0.1
EXT_CHOICES = ("0", "1")


def override_years(baseline: Baseline) -> range:
    """Years that accept a gYYYY override: last actual year + 1 .. 2030."""
    return range(baseline.last_year + 1, TARGET_YEAR + 1)


def format_number(value: float, decimals: int = 1) -> str:
    """Compact URL form: 8.5 -> "8.5", 10.0 -> "10", -0.0 -> "0"."""
    s = f"{round(value, decimals) + 0.0:.{decimals}f}"
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def param_specs(baseline: Baseline) -> tuple[ParamSpec, ...]:
    """The declared table of URL parameters, defaults from ``plan_defaults``.

    Order matters: "g" comes before the gYYYY overrides. A gYYYY default is
    the default of g; an absent gYYYY means "not set: follow g".
    """
    dflt = plan_defaults(baseline)

    def num(name: str, field: str, value: float, year: int | None = None) -> ParamSpec:
        lo, hi = RANGES["g" if year is not None else name]
        return ParamSpec(
            name=name,
            field=field,
            kind="number",
            default=format_number(min(max(value, lo), hi)),
            min=lo,
            max=hi,
            step=STEP,
            year=year,
        )

    specs = [num("g", "growth_pct", dflt.growth_pct)]
    specs += [
        num(f"g{y}", "growth_by_year", dflt.growth_pct, year=y) for y in override_years(baseline)
    ]
    specs += [
        num("d", "deflator_pct", dflt.deflator_pct),
        num("fx", "fx_change_pct", dflt.fx_change_pct),
        num("p", "population_growth_pct", dflt.population_growth_pct),
        ParamSpec("basis", "basis", "choice", dflt.basis, choices=BASES),
        ParamSpec(
            "ext",
            "extend_to_2050",
            "choice",
            "1" if dflt.extend_to_2050 else "0",
            choices=EXT_CHOICES,
        ),
        num("g50", "growth_2031_2050_pct", dflt.growth_2031_2050_pct),
    ]
    return tuple(specs)


def notice_value(raw: str) -> str:
    """A link value as a notice shows it: unprintable characters replaced, long ones cut."""
    cleaned = "".join(c if c.isprintable() else "\ufffd" for c in raw)
    if len(cleaned) > NOTICE_VALUE_MAX_CHARS:
        return cleaned[: NOTICE_VALUE_MAX_CHARS - 1] + "…"
    return cleaned


def _parse_number(raw: str) -> float | None:
    text = raw.strip(_ASCII_SPACE)
    if not text or len(text) > MAX_NUMBER_CHARS or not _NUMBER.fullmatch(text):
        return None
    v = float(text)
    return v if math.isfinite(v) else None


def last_value(value: object) -> str | None:
    """Streamlit gives the last value of a repeated key; accept lists too."""
    if isinstance(value, str):
        return value
    if isinstance(value, Sequence):
        return last_value(value[-1]) if len(value) else None
    if value is None:
        return None
    return str(value)


def _parse_one(spec: ParamSpec, raw: str) -> tuple[str, Notice | None]:
    """Validated URL form of one present parameter, and a Notice if needed."""
    if spec.kind == "choice":
        value = raw.strip(_ASCII_SPACE).lower()
        if value in spec.choices:
            return value, None
        return spec.default, Notice(spec.name, notice_value(raw), "not_a_choice", spec.default)
    v = _parse_number(raw)
    if v is None:
        return spec.default, Notice(spec.name, notice_value(raw), "invalid", spec.default)
    assert spec.min is not None
    assert spec.max is not None
    v = round(v, spec.decimals)
    if v < spec.min or v > spec.max:
        clamped = format_number(min(max(v, spec.min), spec.max), spec.decimals)
        return clamped, Notice(spec.name, notice_value(raw), "clamped", clamped)
    return format_number(v, spec.decimals), None


def parse(
    params: Mapping[str, str | list[str]], baseline: Baseline
) -> tuple[Scenario, list[Notice]]:
    """Scenario from query parameters, and the notices (in table order). Never raises."""
    texts: dict[str, str] = {}
    notices: list[Notice] = []
    for spec in param_specs(baseline):
        raw = last_value(params.get(spec.name)) if spec.name in params else None
        if raw is None:
            text = spec.default
        else:
            text, notice = _parse_one(spec, raw)
            if notice is not None and spec.year is not None and notice.kind == "invalid":
                # A malformed override is dropped: the year follows g.
                text = texts["g"]
                notice = Notice(notice.param, notice.value, "invalid", text)
                raw = None
            if notice is not None:
                notices.append(notice)
        if spec.year is None or raw is not None:
            texts[spec.name] = text
    return scenario_from(param_specs(baseline), texts), notices


def scenario_from(specs: Iterable[ParamSpec], values: Mapping[str, object]) -> Scenario:
    """The scenario of values by parameter name (URL text or widget state); a per-year
    override only where its name is given. The one place a ParamSpec meets its field."""
    fields: dict[str, object] = {}
    overrides: dict[int, float] = {}
    for spec in specs:
        if spec.name not in values:
            continue
        value = values[spec.name]
        if spec.year is not None:
            overrides[spec.year] = float(value)  # type: ignore[arg-type]
        elif spec.kind == "number":
            fields[spec.field] = float(value)  # type: ignore[arg-type]
        elif spec.field == "extend_to_2050":
            fields[spec.field] = value is True or value == "1"
        else:
            fields[spec.field] = str(value)
    return Scenario(growth_by_year=overrides, **fields)  # type: ignore[arg-type]


def field_value(spec: ParamSpec, scenario: Scenario) -> object:
    """The scenario's value of one parameter (a per-year one: the growth that year)."""
    if spec.year is not None:
        return scenario.growth_for(spec.year)
    return getattr(scenario, spec.field)


def to_query(scenario: Scenario) -> dict[str, str]:
    """Every value in compact URL form; per-year overrides only when set."""
    q = {"g": format_number(scenario.growth_pct)}
    for year, pct in scenario.growth_by_year:  # type: ignore[misc]
        q[f"g{year}"] = format_number(pct)
    q.update(
        {
            "d": format_number(scenario.deflator_pct),
            "fx": format_number(scenario.fx_change_pct),
            "p": format_number(scenario.population_growth_pct),
            "basis": scenario.basis,
            "ext": "1" if scenario.extend_to_2050 else "0",
            "g50": format_number(scenario.growth_2031_2050_pct),
        }
    )
    return q

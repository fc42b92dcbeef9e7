"""What each chart says, as one sentence in the reader's language and number format.

A screen reader announces a Vega chart by the spec's top-level ``description`` (Vega-Embed
sets it as the chart's ``aria-label``; without it the reader hears "Vega visualization").
These functions build that sentence from the figures the chart draws, so it changes when
a slider moves: ``spec["description"] = chart_text.per_capita(t, 2030, value, target)``.
Plain values in, text out: the numbers come from the model, not from here.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

from core.i18n import Translator
from core.likelihood import BAND, Band, TargetId, Tornado
from core.likelihood_text import PERIOD, lever_name
from core.model import ScenarioResult
from core.plan import BASE_YEAR, TARGET_YEAR


def _joined(t: Translator, parts: Iterable[str]) -> str:
    return t("a11y.chart.separator").join(parts)


def _shares(t: Translator, shares: Mapping[str, float], decimals: int) -> str:
    return _joined(
        t,
        (
            t("a11y.chart.share_item", name=name, share=t.number(share, decimals))
            for name, share in shares.items()
        ),
    )


def index(t: Translator, year: int, base_year: int, scenario: float, plan: float) -> str:
    """The real GRDP index chart: the scenario and the plan's path in the last year."""
    return t(
        "a11y.chart.index",
        year=year,
        base=base_year,
        scenario=t.number(scenario, 1),
        plan=t.number(plan, 1),
    )


def per_capita(t: Translator, year: int, value: float, target: float) -> str:
    """GRDP per capita in the scenario's last year against the plan's target (whole USD)."""
    shown, goal = round(value), round(target)
    kind = "below" if shown < goal else "above" if shown > goal else "equal"
    return t(
        f"a11y.chart.per_capita_{kind}",
        year=year,
        value=t.number(shown),
        target=t.number(goal),
    )


def scenario_index(t: Translator, result: ScenarioResult) -> str:
    """``index`` of a computed scenario: its index and the plan path's in the target year."""
    plan = result.projection.set_index("year").loc[TARGET_YEAR, "plan_index"]
    return index(t, TARGET_YEAR, BASE_YEAR, result.summary.real_index_2030, float(plan))


def scenario_per_capita(t: Translator, result: ScenarioResult) -> str:
    """``per_capita`` of a computed scenario against the plan's target."""
    summary = result.summary
    return per_capita(t, TARGET_YEAR, summary.per_capita_2030_usd, summary.per_capita_target_usd)


def distance(t: Translator, year: int, rows: Iterable[tuple[str, float | None, str]]) -> str:
    """The target-distance bars: (indicator, outturn as % of target or None, value label)."""
    items = [
        t("a11y.chart.distance_missing", indicator=name)
        if progress is None
        else t(
            "a11y.chart.distance_item",
            indicator=name,
            progress=t.number(progress),
            value=label,
        )
        for name, progress, label in rows
    ]
    return t("a11y.chart.distance", year=year, items=_joined(t, items))


def structure(t: Translator, periods: Mapping[str, Mapping[str, float]]) -> str:
    """The sector-structure bars: period -> sector -> share of GRDP in %."""
    parts = [
        t("a11y.chart.structure_period", period=period, shares=_shares(t, shares, 1))
        for period, shares in periods.items()
    ]
    return t("a11y.chart.structure", periods=_joined(t, parts))


def zone_share(t: Translator, title: str, shares: Mapping[str, float]) -> str:
    """The zones page's share bars: zone name -> share of the province in %."""
    return t("a11y.chart.zone_share", title=title, items=_shares(t, shares, 1))


def zone_map(
    t: Translator, title: str, units_by_zone: Mapping[str, Sequence[str]], ward: str | None
) -> str:
    """The static zones map: which units each zone colours, and the chosen ward if any."""
    items = _joined(
        t,
        (
            t(
                "a11y.chart.zone_map_item",
                zone=zone,
                units=t("a11y.chart.name_separator").join(units),
            )
            for zone, units in units_by_zone.items()
        ),
    )
    text = t("a11y.chart.zone_map", title=title, items=items)
    return text + (" " + t("a11y.chart.zone_map_ward", ward=ward) if ward else "")


def location_map(t: Translator, place: str | None) -> str:
    """The IT park's location map: what it highlights, and the place in words when known."""
    text = t("it_park.map_alt")
    return text + (" " + t("a11y.map.it_park_place", place=place) if place else "")


def timeline(t: Translator, first: str, last: str, kinds: Mapping[str, int]) -> str:
    """The IT-park timeline: its date range (already formatted) and events per lane."""
    count = sum(kinds.values())
    lanes = _joined(
        t,
        (t("a11y.chart.timeline_kind", kind=kind, count=t.number(n)) for kind, n in kinds.items()),
    )
    return t("a11y.chart.timeline", count=t.number(count), first=first, last=last, kinds=lanes)


def timeline_events(t: Translator, dates: Sequence[str], kinds: Iterable[str]) -> str:
    """``timeline`` of the events as drawn: date labels in order, each event's lane."""
    return timeline(t, dates[0], dates[-1], Counter(kinds))


def _signed(t: Translator, value: float, decimals: int = 0) -> str:
    """A number with the typographic minus sign (a gap below zero: the target is passed)."""
    return t.number(value, decimals).replace("-", "−")


def status_items(t: Translator, counts: Mapping[str, int]) -> str:
    """'On track 5; Behind 2; …': each tracker status with its count, in the given order."""
    return _joined(
        t,
        (
            t("a11y.chart.status_item", status=t(f"tracker.status.{status}"), count=t.number(n))
            for status, n in counts.items()
        ),
    )


def tracker(t: Translator, counts: Mapping[str, int]) -> str:
    """The tracker's status chart: how many of the targets drawn have each status."""
    return t(
        "a11y.chart.tracker",
        count=t.number(sum(counts.values())),
        items=status_items(t, counts),
    )


def tornado(t: Translator, shown: Tornado, by: TargetId) -> str:
    """The tornado: the scenario's figure, then the widest bar (its lever and swing)."""
    per_capita = by == "per_capita"
    decimals = 0 if per_capita else 2

    def value(outcome) -> str:
        return _signed(t, outcome.gap_usd if per_capita else outcome.avg_growth_pct, decimals)

    kind = "per_capita" if per_capita else "growth"
    current = t(
        f"a11y.chart.tornado_{kind}", year=TARGET_YEAR, period=PERIOD, value=value(shown.current)
    )
    top = shown.rows[0] if shown.rows else None
    swing = (top.gap_swing_usd if per_capita else top.growth_swing_pp) if top else 0.0
    if top is None or round(swing, decimals) == 0:
        return current + t("a11y.chart.separator") + t("a11y.chart.tornado_none")
    return (
        current
        + t("a11y.chart.separator")
        + t(
            f"a11y.chart.tornado_top_{kind}",
            lever=lever_name(top.lever, t),
            swing=t.number(swing, decimals),
            low=value(top.low),
            high=value(top.high),
        )
    )


def fan(t: Translator, band: Band, measure: str) -> str:
    """The fan chart in the target year: the median and the band between the outer
    percentiles (``BAND``); ``measure`` is "per_capita" (whole USD) or "index"."""
    at = band.years.index(TARGET_YEAR)
    decimals = 0 if measure == "per_capita" else 1
    return t(
        f"a11y.chart.fan_{measure}",
        year=TARGET_YEAR,
        median=t.number(band.p50[at], decimals),
        bottom=t.number(band.p10[at], decimals),
        top=t.number(band.p90[at], decimals),
        **BAND,
    )

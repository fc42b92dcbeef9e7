"""Altair builders for the economy page, sized and coloured for a projector.

Pure functions of small frames and a Translator: no Streamlit calls, so the same
chart goes to the page and, on a download click, to vl_convert for PNG/SVG.
Fonts are at least 14 px, lines thick, colours from the Okabe–Ito palette (safe
for the common colour-vision deficiencies); every legend label is translated.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

import altair as alt
import pandas as pd

from core.i18n import Translator
from core.model import PLAN_PER_CAPITA_USD_2030, Baseline, Scenario, project

FONT_DIR = Path(__file__).resolve().parent.parent / "assets" / "fonts"
EXPORT_FONT = "DejaVu Sans"  # bundled: full Vietnamese coverage on any machine

# Okabe–Ito.
BLUE, ORANGE, SKY, GREEN, YELLOW, NAVY, VERMILION, PURPLE, BLACK = (
    "#0072B2",
    "#E69F00",
    "#56B4E9",
    "#009E73",
    "#F0E442",
    "#0072B2",
    "#D55E00",
    "#CC79A7",
    "#000000",
)
GREY = "#767676"
INK = "#111111"
SAVED_COLOURS = (GREEN, PURPLE, ORANGE)
SECTOR_COLOURS = (BLUE, ORANGE, GREEN, GREY)
FONT = 16
LINE = 4
WIDTH = "container"
BAR = 28  # px: the bar of each target row
HEIGHT = 320  # px: the plot; its legend adds below

#: Quality of an outturn point: published as is, a published estimate, or derived.
QUALITIES = ("published", "estimate", "derived")


NUMBER_LOCALES = {
    "vi": {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["", " ₫"]},
    "en": {"decimal": ".", "thousands": ",", "grouping": [3], "currency": ["$", ""]},
}


def projector(chart: alt.TopLevelMixin, t: Translator) -> dict:
    """The chart as a spec: large type everywhere, the reader's number format, no border."""
    spec = (
        chart.configure(font="sans-serif", locale={"number": NUMBER_LOCALES[t.lang]})
        .configure_axis(
            labelFontSize=FONT,
            titleFontSize=FONT,
            labelLimit=260,
            gridOpacity=0.5,
            labelColor=INK,
            titleColor=INK,
        )
        .configure_legend(
            # Below the plot: on a phone a legend at the right leaves the plot a sliver.
            labelFontSize=FONT,
            titleFontSize=FONT,
            orient="bottom",
            direction="vertical",
            symbolStrokeWidth=LINE,
            symbolSize=260,
            labelLimit=300,
            titleLimit=300,
            labelColor=INK,
            titleColor=INK,
        )
        .configure_title(fontSize=FONT + 2, anchor="start")
        .configure_header(
            labelFontSize=FONT,
            titleFontSize=FONT,
        )
        .configure_view(strokeWidth=0)
        .to_dict()
    )
    # Several legends below a chart stack instead of standing in a row wider than a phone
    # (a Vega setting Altair's schema does not list, so it is set on the spec).
    spec["config"]["legend"]["layout"] = {"bottom": {"direction": "vertical", "anchor": "start"}}
    # The plot keeps its height and the legend adds to it (Streamlit's default, "fit",
    # would squeeze the plot to make room for a legend below it).
    spec["autosize"] = {"type": "fit-x", "contains": "padding"}
    return spec


LINES = "lines"  # dataset name of the line charts
ROWS = "rows"  # dataset name of the bar charts


def _line_styles(kinds: tuple[str, ...]) -> tuple[list[str], list[list[int]]]:
    """Colour and dash per series: outturn, the user's scenario, saved ones, the plan."""
    colours, dashes, saved = [], [], 0
    for index, kind in enumerate(kinds):
        if kind == "main":
            colours.append(BLUE if index == 0 else VERMILION)
            dashes.append([1, 0])
        elif kind == "plan":
            colours.append(BLACK)
            dashes.append([10, 6])
        else:
            colours.append(SAVED_COLOURS[saved % len(SAVED_COLOURS)])
            dashes.append([4, 3])
            saved += 1
    return colours, dashes


def line_frame(
    projection: pd.DataFrame,
    column: str,
    label_actual: str,
    label_scenario: str,
    quality: Mapping[int, str] | None = None,
) -> pd.DataFrame:
    """Actual and scenario years as two series that meet at the last actual year."""
    rows = []
    actual = projection[projection["kind"] == "actual"]
    last = int(actual["year"].max())
    for row in projection.itertuples(index=False):
        value = getattr(row, column)
        if pd.isna(value):
            continue
        if row.kind == "actual":
            rows.append((row.year, value, label_actual, (quality or {}).get(row.year, "")))
        if row.kind == "scenario" or row.year == last:
            rows.append((row.year, value, label_scenario, ""))
    return pd.DataFrame(rows, columns=["year", "value", "series", "quality"])


def _lines(
    names: tuple[str, ...],
    kinds: tuple[str, ...],
    y_title: str,
    t: Translator,
    decimals: int,
    y_zero: bool,
) -> alt.LayerChart:
    colours, dashes = _line_styles(kinds)
    base = alt.Chart(alt.NamedData(name=LINES)).encode(
        x=alt.X(
            "year:O",
            title=t("economy.chart.year"),
            axis=alt.Axis(labelAngle=0, labelOverlap="greedy"),
        ),
        y=alt.Y(
            "value:Q", title=y_title, scale=alt.Scale(zero=y_zero), axis=alt.Axis(format=",.0f")
        ),
        color=alt.Color(
            "series:N",
            scale=alt.Scale(domain=list(names), range=colours),
            title=None,
            sort=list(names),
            legend=alt.Legend(symbolType="stroke", symbolSize=500, symbolStrokeWidth=LINE),
        ),
        strokeDash=alt.StrokeDash(
            "series:N",
            scale=alt.Scale(domain=list(names), range=dashes),
            title=None,
            sort=list(names),
        ),
    )
    lines = base.mark_line(strokeWidth=LINE)
    quality_names = [t(f"economy.quality.{q}") for q in QUALITIES]
    tooltip = [
        alt.Tooltip("series:N", title=t("economy.chart.series")),
        alt.Tooltip("year:O", title=t("economy.chart.year")),
        alt.Tooltip("value:Q", title=y_title, format=f",.{decimals}f"),
    ]
    points = (
        base.transform_filter("datum.quality != ''")
        .mark_point(size=150, strokeWidth=3)
        .encode(
            shape=alt.Shape(
                "quality:N",
                title=t("economy.chart.quality"),
                scale=alt.Scale(domain=quality_names, range=["circle", "circle", "diamond"]),
                legend=alt.Legend(symbolStrokeColor=INK, symbolStrokeWidth=2.5),
            ),
            fill=alt.Fill(
                "quality:N",
                title=t("economy.chart.quality"),
                scale=alt.Scale(domain=quality_names, range=[BLUE, "white", "white"]),
                legend=alt.Legend(symbolStrokeColor=INK, symbolStrokeWidth=2.5),
            ),
            # Only outturn points carry a quality; a stroke by quality draws the legend outlines.
            stroke=alt.Stroke(
                "quality:N",
                title=t("economy.chart.quality"),
                scale=alt.Scale(domain=quality_names, range=[BLUE] * 3),
            ),
            strokeDash=alt.value([1, 0]),
            tooltip=[*tooltip, alt.Tooltip("quality:N", title=t("economy.chart.quality"))],
        )
    )
    hover = base.mark_point(size=60, opacity=0).encode(tooltip=tooltip)
    return alt.layer(lines, hover, points)


@lru_cache(maxsize=64)
def index_template(names: tuple[str, ...], kinds: tuple[str, ...], t: Translator) -> dict:
    """Real GRDP index (2020 = 100): outturn, the plan's 10 %/yr path, scenarios.

    Data: dataset ``lines`` (year, value, series, quality); series ``names`` in
    order, with kinds "main" (outturn, the user's scenario), "saved" or "plan".
    """
    chart = _lines(names, kinds, t("economy.chart.index_axis"), t, 1, False)
    return projector(
        chart.properties(title=t("economy.chart.index_title"), width=WIDTH, height=HEIGHT), t
    )


@lru_cache(maxsize=64)
def per_capita_template(
    names: tuple[str, ...], kinds: tuple[str, ...], target: float, t: Translator
) -> dict:
    """GRDP per capita (USD) against the plan's 2030 target line (dataset ``lines``)."""
    lines = _lines(names, kinds, t("economy.chart.per_capita_axis"), t, 0, True)
    rule_data = alt.InlineData(
        values=[{"value": target, "label": t("economy.chart.target_line", value=t.number(target))}]
    )
    rule = (
        alt.Chart(rule_data)
        .mark_rule(color=BLACK, strokeWidth=3, strokeDash=[10, 6])
        .encode(y="value:Q")
    )
    label = (
        alt.Chart(rule_data)
        .mark_text(align="left", dx=6, dy=-12, fontSize=FONT, fontWeight="bold", color=BLACK)
        .encode(y="value:Q", x=alt.value(0), text="label:N")
    )
    chart = alt.layer(lines, rule, label)
    return projector(
        chart.properties(title=t("economy.chart.per_capita_title"), width=WIDTH, height=HEIGHT), t
    )


@lru_cache(maxsize=16)
def structure_template(sectors: tuple[str, ...], periods: tuple[str, ...], t: Translator) -> dict:
    """Sector shares of GRDP now and in 2030: one stacked bar per period.

    Data: dataset ``rows`` (period, sector, share in %, order 0..3).
    """
    base = alt.Chart(alt.NamedData(name=ROWS)).encode(
        y=alt.Y("period:N", title=None, sort=list(periods)),
        x=alt.X(
            "share:Q",
            title=t("economy.chart.share_axis"),
            stack="zero",
            scale=alt.Scale(domain=[0, 100]),
        ),
        order=alt.Order("order:Q"),
    )
    bars = base.mark_bar(size=46, stroke="white", strokeWidth=2).encode(
        color=alt.Color(
            "sector:N",
            title=None,
            sort=list(sectors),
            scale=alt.Scale(domain=list(sectors), range=list(SECTOR_COLOURS)),
            legend=alt.Legend(orient="bottom", columns=2),
        ),
        tooltip=[
            alt.Tooltip("period:N", title=t("economy.chart.period")),
            alt.Tooltip("sector:N", title=t("economy.chart.sector")),
            alt.Tooltip("share:Q", title=t("economy.chart.share_axis"), format=".1f"),
        ],
    )
    text = base.mark_text(
        color="white", fontSize=FONT, fontWeight="bold", dx=-4, align="right"
    ).encode(
        text=alt.Text("share:Q", format=".0f"),
        x=alt.X("share:Q", stack="zero"),
        opacity=alt.condition("datum.share >= 5", alt.value(1), alt.value(0)),
    )
    chart = alt.layer(bars, text).properties(
        title=t("economy.chart.structure_title"), width=WIDTH, height={"step": 64}
    )
    return projector(chart, t)


@lru_cache(maxsize=16)
def distance_template(indicators: tuple[str, ...], t: Translator) -> dict:
    """Each 2030 target beside its latest outturn, as a share of the way to the target.

    Data: dataset ``rows`` (indicator, progress = outturn / target × 100 or null,
    shown = progress capped for drawing, label, quality label, published flag).
    """
    order = list(indicators)
    # Each indicator's name sits above its bar, not in an axis at the left: a phone has
    # no room for both the long names and the bars side by side.
    base = alt.Chart(alt.NamedData(name=ROWS)).encode(
        y=alt.Y("indicator:N", sort=order, title=None, axis=None),
    )
    track = base.mark_bar(color="#ececec", size=BAR).encode(x=alt.datum(100))
    bars = (
        base.transform_filter("isValid(datum.progress)")
        .mark_bar(size=BAR, stroke=BLUE, strokeWidth=3)
        .encode(
            x=alt.X(
                "shown:Q",
                title=t("economy.chart.progress_axis"),
                scale=alt.Scale(domain=[0, 150], nice=False),
            ),
            fill=alt.condition("datum.published", alt.value(SKY), alt.value("white")),
            strokeDash=alt.condition("datum.published", alt.value([1, 0]), alt.value([6, 3])),
            tooltip=[
                alt.Tooltip("indicator:N", title=t("economy.chart.indicator")),
                alt.Tooltip("label:N", title=t("economy.chart.value")),
                alt.Tooltip("quality:N", title=t("economy.chart.quality")),
            ],
        )
    )
    target = base.mark_tick(color=BLACK, thickness=4, size=BAR + 8).encode(x=alt.datum(100))
    names = base.mark_text(
        align="left",
        baseline="bottom",
        dy=-(BAR // 2 + 6),
        fontSize=FONT,
        fontWeight="bold",
        color=INK,
    ).encode(x=alt.datum(0), text="indicator:N")
    text = base.mark_text(align="left", dx=10, fontSize=FONT, color=BLACK).encode(
        x=alt.datum(0), text="label:N"
    )
    chart = alt.layer(track, bars, target, names, text).properties(
        title=t("economy.chart.progress_title"), width=WIDTH, height={"step": BAR + 44}
    )
    return projector(chart, t)


def with_data(template: dict, name: str, frame: pd.DataFrame) -> dict:
    """A cached template with this run's rows as its named dataset (no validation)."""
    return {**template, "datasets": {**template.get("datasets", {}), name: frame}}


def _records(frame: pd.DataFrame) -> list[dict]:
    return json.loads(frame.to_json(orient="records"))


def export_spec(spec: dict, width: int = 1000) -> str:
    """Standalone Vega-Lite JSON (data inline, fixed width) for vl_convert."""
    out = dict(spec)
    out["datasets"] = {
        name: _records(value) if isinstance(value, pd.DataFrame) else value
        for name, value in spec.get("datasets", {}).items()
    }
    if out.get("width") == "container":
        out["width"] = width
    out.setdefault("background", "white")
    return json.dumps(out, ensure_ascii=False)


@lru_cache(maxsize=32)
def _png(spec: str) -> bytes:
    import vl_convert as vlc

    return vlc.vegalite_to_png(spec, scale=2)


@lru_cache(maxsize=32)
def _svg(spec: str) -> bytes:
    import vl_convert as vlc

    return vlc.vegalite_to_svg(spec).encode("utf-8")


@lru_cache(maxsize=1)
def register_fonts() -> None:
    """Let vl_convert use the bundled DejaVu Sans (full Vietnamese) on any machine."""
    import vl_convert as vlc

    vlc.register_font_directory(str(FONT_DIR))


def print_png(
    spec: dict, width: int, height: int | None = None, legend: str | None = "bottom"
) -> bytes:
    """A chart as PNG for print (the PDF brief): the bundled font, a given size, the
    legend moved (``None`` keeps it), drawn offline."""
    register_fonts()
    out = json.loads(export_spec(sized(spec, height) if height else spec, width))
    config = out.setdefault("config", {})
    config["font"] = EXPORT_FONT
    if legend:
        # Side by side: the printed chart is short and wide enough for the legends in a row.
        config["legend"] = {
            **config.get("legend", {}),
            "orient": legend,
            "direction": "vertical",
            "layout": {legend: {"direction": "horizontal", "anchor": "start"}},
        }
    return _png(json.dumps(out, ensure_ascii=False))


def to_png(spec: dict) -> bytes:
    """PNG at twice the size, built offline on demand; repeated clicks are free."""
    return _png(export_spec(spec))


def to_svg(spec: dict) -> bytes:
    return _svg(export_spec(spec))


# ---- the scenario's two charts ---------------------------------------------------


def scenario_series(
    projection: pd.DataFrame,
    column: str,
    name: str | None,
    quality: dict[int, str] | None,
    t: Translator,
) -> pd.DataFrame:
    """Outturn and scenario lines (``name`` None), or one saved scenario's line."""
    if name is None:
        labelled = {year: t(f"economy.quality.{q}") for year, q in (quality or {}).items()}
        return line_frame(
            projection, column, t("economy.chart.actual"), t("economy.chart.yours"), labelled
        )
    frame = line_frame(projection, column, "", name)
    return frame[frame["series"] == name]


def scenario_specs(
    outturn: pd.DataFrame,
    baseline: Baseline,
    scenario: Scenario,
    t: Translator,
    kept: Sequence[tuple[str, Scenario]] = (),
) -> tuple[dict, dict]:
    """The real GRDP index chart and the per-capita chart of a scenario, with any saved
    scenarios (name, scenario) drawn beside it: the economy page, the presentation and
    the PDF brief all draw these two."""
    projection = project(baseline, scenario)
    recomputed = scenario.basis == "total"
    growth_q = outturn_quality(outturn, baseline.filled, "grdp_growth_real_pct")
    usd_q = outturn_quality(outturn, baseline.filled, "grdp_per_capita_usd", recomputed)
    index_frames = [scenario_series(projection, "real_index", None, growth_q, t)]
    usd_frames = [scenario_series(projection, "per_capita_usd", None, usd_q, t)]
    names = [t("economy.chart.actual"), t("economy.chart.yours")]
    reserved = {*names, t("economy.chart.plan_path")}
    for name, other in kept:
        shown = name if name not in reserved else f"{name} ({len(names) - 1})"
        reserved.add(shown)
        names.append(shown)
        other_projection = project(baseline, replace(other, extend_to_2050=scenario.extend_to_2050))
        index_frames.append(scenario_series(other_projection, "real_index", shown, None, t))
        usd_frames.append(scenario_series(other_projection, "per_capita_usd", shown, None, t))
    kinds = ("main", "main", *("saved",) * len(kept))
    plan = (
        projection.loc[projection["plan_index"].notna(), ["year", "plan_index"]]
        .rename(columns={"plan_index": "value"})
        .assign(series=t("economy.chart.plan_path"), quality="")
    )
    index = with_data(
        index_template((*names, t("economy.chart.plan_path")), (*kinds, "plan"), t),
        LINES,
        pd.concat([*index_frames, plan], ignore_index=True),
    )
    per_capita = with_data(
        per_capita_template(tuple(names), kinds, PLAN_PER_CAPITA_USD_2030, t),
        LINES,
        pd.concat(usd_frames, ignore_index=True),
    )
    return index, per_capita


def sized(spec: dict, height: int, legend: str | None = None) -> dict:
    """The same chart at another height, for a slide or print, which have less room than
    the page; the legend moved to ``legend`` if given. The page's autosize is dropped, so
    each renderer sizes it its own way (Streamlit fits it whole, print pads the plot)."""
    out = {key: value for key, value in spec.items() if key != "autosize"} | {"height": height}
    if legend:
        config = spec.get("config", {})
        out["config"] = {**config, "legend": {**config.get("legend", {}), "orient": legend}}
    return out


# ---- the zones as a static map (for print: pydeck needs a browser) -------------


def _rewound(geometry: dict) -> dict:
    """Rings in the winding d3 (Vega) expects: exterior clockwise, holes anticlockwise.
    GeoJSON's right-hand rule is the opposite, which d3 reads as "the rest of the globe"."""

    def area(ring: list) -> float:
        pairs = itertools.pairwise(ring)
        return sum(x0 * y1 - x1 * y0 for (x0, y0, *_), (x1, y1, *_) in pairs)

    def polygon(rings: list) -> list:
        return [
            ring if (area(ring) < 0) == (index == 0) else ring[::-1]
            for index, ring in enumerate(rings)
        ]

    if geometry["type"] == "Polygon":
        return {"type": "Polygon", "coordinates": polygon(geometry["coordinates"])}
    if geometry["type"] == "MultiPolygon":
        return {
            "type": "MultiPolygon",
            "coordinates": [polygon(rings) for rings in geometry["coordinates"]],
        }
    return geometry


def zone_map_spec(
    districts_geo: dict,
    districts: pd.DataFrame,
    zones: pd.DataFrame,
    t: Translator,
    width: int = 460,
    height: int = 480,
) -> dict:
    """The nine units filled in their zone's colour and named, as a Vega-Lite map."""
    from core.geo import representative_point

    zone_rows = zones.sort_values("id")
    zone_name = {int(row.id): t.pick(row.name_vi, row.name_en) for row in zone_rows.itertuples()}
    units = districts.set_index("code")
    features, labels = [], []
    for feature in districts_geo["features"]:
        code = int(feature["properties"]["code"])
        name = t.pick(units.loc[code, "name_vi"], units.loc[code, "name_en"])
        features.append(
            {
                "type": "Feature",
                "geometry": _rewound(feature["geometry"]),
                "properties": {"zone": zone_name[int(units.loc[code, "zone"])], "name": name},
            }
        )
        lon, lat = representative_point(feature["geometry"])
        labels.append({"lon": lon, "lat": lat, "name": name})
    colour = alt.Color(
        "properties.zone:N",
        legend=None,
        scale=alt.Scale(domain=list(zone_name.values()), range=list(zone_rows["color"])),
    )
    shapes = (
        alt.Chart(alt.Data(values=features))
        .mark_geoshape(stroke="white", strokeWidth=1.5)
        .encode(color=colour)
    )
    where = {"longitude": "lon:Q", "latitude": "lat:Q", "text": "name:N"}
    halo = (
        alt.Chart(alt.Data(values=labels))
        .mark_text(
            fontSize=FONT - 2, fontWeight="bold", stroke="white", strokeWidth=4, strokeJoin="round"
        )
        .encode(**where)
    )
    names = (
        alt.Chart(alt.Data(values=labels))
        .mark_text(fontSize=FONT - 2, fontWeight="bold", color=INK)
        .encode(**where)
    )
    chart = (
        alt.layer(shapes, halo, names)
        .project(type="mercator")
        .properties(width=width, height=height)
    )
    return chart.configure(font=EXPORT_FONT).configure_view(strokeWidth=0).to_dict()


# ---- data shaping ------------------------------------------------------------


def outturn_quality(
    outturn: pd.DataFrame,
    filled: Iterable[tuple[int, str, str]],
    column: str,
    recomputed: bool = False,
) -> dict[int, str]:
    """Quality of one outturn column per year: "derived" when computed (from the data
    file's ``derived_columns``, the model's filled cells, or a recomputed basis),
    "estimate" when the year's status is an estimate, else "published"."""
    model_filled = {year for year, name, _ in filled if name == column}
    quality = {}
    for row in outturn.itertuples(index=False):
        derived = (
            str(row.derived_columns or "").split(";")
            if isinstance(row.derived_columns, str)
            else []
        )
        if recomputed or column in derived or row.year in model_filled:
            quality[int(row.year)] = "derived"
        elif row.status == "estimate":
            quality[int(row.year)] = "estimate"
        else:
            quality[int(row.year)] = "published"
    return quality

"""The one-page PDF brief of a scenario, assembled from the data (no Streamlit).

The same function serves the download buttons (``components.slides`` caches it per
query: language, scenario, and the simulation's seed, draws and data vintage) and the
unit tests. The layout is ``core.brief.build_pdf``; this module loads the tables, runs
the scenario once and draws the charts and map as PNG.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path

import pandas as pd

from components import chart_export, economy_charts, map_charts
from core import brief, chart_text
from core.data import DataError, load_geojson, load_table
from core.i18n import Translator
from core.likelihood import Shocks, apply_vintage, history, ledger, simulate
from core.likelihood_link import LinkState, parse_link
from core.likelihood_text import estimate_note, probabilities_text, top_line
from core.merger import merger
from core.model import Baseline, PlanTargets, plan_defaults, run
from core.scenario import parse
from core.sources import public_labels
from core.tracker import status_counts, track

CHART_SIZE = (340, 210)  # px: each economic chart, half the page wide
MAP_WIDTH = 460


def make_brief(
    lang: str, query: Mapping[str, str], folder: Path, public_url: str | None = None
) -> bytes:
    """The one-page PDF of the scenario the query describes (parsed as a link would be):
    its figures on the data vintage, and its probabilities by the seed and draws, the
    query names (the economy page's defaults where it names none)."""
    outturn = load_table("economy_outturn", folder)
    plan_table = load_table("plan_targets", folder)
    targets = plan_table.set_index("id")
    sources = load_table("sources", folder).set_index("id")
    merged = merger(load_table("commitments", folder))
    zones = load_table("zones", folder)
    districts = load_table("districts", folder)
    districts_geo = load_geojson("districts_geo", folder)
    revised = Baseline.from_outturn(outturn, PlanTargets.from_table(plan_table))
    simulation, _ = parse_link(dict(query), revised)  # notices: the page shows them
    baseline, simulation = vintage_baseline(outturn, revised, replace(simulation, saved=()), folder)
    t = Translator(lang, baseline.plan)
    scenario, _ = parse(dict(query), baseline)
    result = run(baseline, scenario)

    index, per_capita = economy_charts.scenario_specs(outturn, baseline, result, t)
    images = brief.BriefImages(
        index=chart_export.print_png(index, *CHART_SIZE),
        per_capita=chart_export.print_png(per_capita, *CHART_SIZE),
        zone_map=chart_export.print_png(
            map_charts.zone_map_spec(districts_geo, districts, zones, t), MAP_WIDTH, legend=None
        ),
    )
    entries = [
        brief.ZoneEntry(
            row.color, t.pick(row.name_vi, row.name_en), t.pick(row.role_vi, row.role_en)
        )
        for row in zones.sort_values("id").itertuples()
    ]
    cells = [
        "qd_790_2024",
        *targets.loc[["growth_2021_2030", "grdp_per_capita_usd"], "source"],
        *outturn["source"],
        *zones["source"],
        *districts["source"],
        "dvhcvn_gis",
        *merged.sources,
    ]
    lines = public_labels(sources, cells, lang)
    decision = sources.loc["qd_790_2024"]
    return brief.build_pdf(
        t=t,
        baseline=baseline,
        result=result,
        decision=(decision["document_number"], decision["date"]),
        images=images,
        zones=entries,
        sources=lines,
        merger_line=merged.line(t),
        link=brief.scenario_link(public_url, scenario, lang, simulation),
        simulation=simulation,
        likelihood=likelihood_lines(baseline, scenario, simulation, t),
        tracker_line=tracker_line(plan_table, outturn, t),
    )


def tracker_line(plan_table: pd.DataFrame, outturn: pd.DataFrame, t: Translator) -> str:
    """The count of the plan's targets per tracker status, in one line."""
    counts = status_counts(track(plan_table, outturn))
    return t(
        "tracker.brief_counts",
        count=t.number(sum(counts.values())),
        items=chart_text.status_items(t, counts),
    )


def vintage_baseline(
    outturn: pd.DataFrame, revised: Baseline, simulation: LinkState, folder: Path
) -> tuple[Baseline, LinkState]:
    """The baseline of the link's vintage. Where the first estimates cannot be used the
    page falls back to the revised figures (with a message); so does the brief, and its
    link then says "revised", as the figures it prints."""
    if simulation.vintage == "revised":
        return revised, simulation
    try:
        vintages = load_table("economy_vintages", folder)
        first = Baseline.from_outturn(apply_vintage(outturn, vintages, "first"), revised.plan)
    except (DataError, ValueError):
        return revised, replace(simulation, vintage="revised")
    return first, simulation


def likelihood_lines(
    baseline: Baseline, scenario, simulation: LinkState, t: Translator
) -> list[str]:
    """The probability of each target (by the link's seed and draws, as on the page),
    the ledger's top line and the defaults that are the app's estimates."""
    drawn = simulate(
        baseline,
        scenario,
        Shocks.from_history(history(baseline)),
        seed=simulation.seed,
        draws=simulation.draws,
    )
    return [
        t(
            "likelihood.brief.probability",
            draws=t.number(drawn.draws),
            n=len(drawn.record_years),
            list=probabilities_text(drawn, baseline.plan, t),
        ),
        t("likelihood.brief.top", line=top_line(ledger(baseline, scenario), baseline.plan, t)),
        estimate_note(plan_defaults(baseline), t),
    ]

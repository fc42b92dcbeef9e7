"""The one-page PDF brief of a scenario, assembled from the data (no Streamlit).

The same function serves the download buttons (``components.slides`` caches it per
scenario and language) and the unit tests. The layout is ``core.brief.build_pdf``; this
module loads the tables, runs the scenario once and draws the charts and map as PNG.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from components import chart_export, economy_charts, map_charts
from core import brief, chart_text
from core.data import load_geojson, load_table
from core.i18n import Translator
from core.likelihood import Shocks, history, ledger, simulate
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
    """The one-page PDF of the scenario the query describes (parsed as a link would be)."""
    outturn = load_table("economy_outturn", folder)
    plan_table = load_table("plan_targets", folder)
    targets = plan_table.set_index("id")
    sources = load_table("sources", folder).set_index("id")
    merged = merger(load_table("commitments", folder))
    zones = load_table("zones", folder)
    districts = load_table("districts", folder)
    districts_geo = load_geojson("districts_geo", folder)
    baseline = Baseline.from_outturn(outturn, PlanTargets.from_table(plan_table))
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
        link=brief.scenario_link(public_url, scenario, lang),
        likelihood=likelihood_lines(baseline, scenario, t),
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


def likelihood_lines(baseline: Baseline, scenario, t: Translator) -> list[str]:
    """The probability of each target (the default seed and draws), the ledger's top
    line and the defaults that are the app's estimates."""
    simulation = simulate(baseline, scenario, Shocks.from_history(history(baseline)))
    return [
        t(
            "likelihood.brief.probability",
            draws=t.number(simulation.draws),
            n=len(simulation.record_years),
            list=probabilities_text(simulation, baseline.plan, t),
        ),
        t("likelihood.brief.top", line=top_line(ledger(baseline, scenario), baseline.plan, t)),
        estimate_note(plan_defaults(baseline), t),
    ]

"""Chart builders of the zones: Altair charts that draw figures computed in core/zones.py."""

from __future__ import annotations

import altair as alt
import pandas as pd

from core.i18n import Translator

# --- Zone shares (the zones page's card) ------------------------------------------------


def zone_share_chart(
    share: dict[int, float],
    names: dict[int, str],
    colours: dict[int, str],
    chosen: int | None,
    measure: str,
    t: Translator,
) -> alt.LayerChart:
    """Each zone's share of the province (``measure``: area or population) as bars in the
    zones' colours, the chosen zone solid and the others faded, each labelled in percent."""
    zone_ids = list(names)
    frame = pd.DataFrame(
        {
            "zone": [names[z] for z in zone_ids],
            "share": [share[z] for z in zone_ids],
            "label": [t("zones.percent", value=t.number(share[z], 1)) for z in zone_ids],
            "chosen": [z == chosen for z in zone_ids],
        }
    )
    scale = alt.Scale(domain=list(frame["zone"]), range=[colours[z] for z in zone_ids])
    base = alt.Chart(frame, title=t(f"zones.share_title.{measure}")).encode(
        y=alt.Y("zone:N", sort=None, title=None),
        x=alt.X(
            "share:Q",
            title=t("zones.share_axis"),
            scale=alt.Scale(domain=[0, 100]),
            axis=alt.Axis(format="d"),
        ),
        tooltip=[
            alt.Tooltip("zone:N", title=t("zones.col.zone")),
            alt.Tooltip("label:N", title=t("zones.share_axis")),
        ],
    )
    bars = base.mark_bar().encode(
        color=alt.Color("zone:N", scale=scale, legend=None),
        opacity=alt.condition(alt.datum.chosen, alt.value(1.0), alt.value(0.35)),
    )
    text = base.mark_text(align="left", dx=4).encode(text="label:N")
    # A fixed pixel height collapses a layered chart in Streamlit; a step per bar does not.
    return (bars + text).properties(height=alt.Step(30))

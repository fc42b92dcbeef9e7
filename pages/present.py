"""Trình chiếu / Presentation: the plan screen by screen for a meeting room projector.

The step, the what-if scenario and the simulation's seed, draws and data vintage come
from the link (``?present=1&step=3&g=8&seed=7&vintage=first``), read as the economy
page reads them; bad values fall back to safe ones with a notice, and the cleaned
values are written back so the address bar always names the screen on show.
"""

import streamlit as st

from components import likelihood_ui, present, scenario_ui, slides
from components.context import translator
from components.data_ui import require
from components.page_parts import link_value
from core.scenario import parse

t = translator()
outturn, targets = require(t, "economy_outturn", "plan_targets")
# The vintage the link asks for (else the economy page's): every screen follows it.
baseline = likelihood_ui.page_baseline(outturn, targets, t)
t = t.with_plan(baseline.plan)

# The scenario: the link's parameters, else the economy page's last state, else defaults.
names = {spec.name for spec in scenario_ui.specs(baseline)}
raw = {name: st.query_params.get_all(name) for name in st.query_params if name in names}
if not raw:
    raw = dict(st.session_state.get(scenario_ui.STORE) or {})
scenario, scenario_notices = parse(raw, baseline)
scenario_ui.write_url(scenario, baseline)
likelihood_ui.write_link(baseline)  # kept in the URL as the step changes

total = len(slides.SLIDES)
step, step_notice = present.parse_step(st.query_params.get_all(present.STEP_PARAM), total)
_, rejected = present.parse_present(st.query_params.get_all(present.PRESENT_PARAM))
for name, value in ((present.PRESENT_PARAM, "1"), (present.STEP_PARAM, str(step))):
    if st.query_params.get_all(name) != [value]:
        st.query_params[name] = value

leave, slot = present.chrome(t, step, total, [t(f"present.slide.{s}") for s in slides.SLIDES])
with slot:
    slides.brief_button(scenario, t, key="present-brief")
if leave:
    present.exit_presentation()

if step_notice is not None:
    kind, value = step_notice
    st.warning(
        t(
            f"present.notice_step_{kind}",
            value=link_value(value) if value.strip() else t("present.empty"),
            step=step,
            total=total,
        ),
        icon="ℹ️",
    )
if rejected is not None:
    shown = link_value(rejected) if rejected.strip() else t("present.empty")
    st.warning(t("present.notice_present_page", value=shown), icon="ℹ️")
scenario_ui.show_notices(baseline, t, scenario_notices)
likelihood_ui.show_link_notices(baseline, t)
slides.show(step, t, baseline, outturn, scenario_ui.result_of(baseline, scenario))

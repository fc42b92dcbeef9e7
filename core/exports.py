"""What a downloaded chart or table carries with it (no Streamlit): its sources and, for
a scenario, the assumptions and the link that reproduces it.

CSV numbers are written the machine way, "." for decimals and no thousands grouping,
under the data's own (English) column names: one file that every program parses the
same. The README says how to open it in a spreadsheet set to Vietnamese.
"""

from __future__ import annotations

import io
import textwrap
from collections.abc import Sequence

import pandas as pd

from core.brief import relative_link
from core.i18n import Translator
from core.narrative import scenario_line
from core.scenario import Scenario

CAPTION_CHARS = 150  # per caption line under a 1000 px wide chart at 11 px
COMMENT = "# "  # pandas: read_csv(path, comment="#") skips the header block


def context_lines(
    t: Translator, source_labels: Sequence[str], scenario: Scenario | None = None
) -> list[str]:
    """Sources, then (for a scenario) its assumptions and its link relative to the app."""
    lines = [t("common.sources_label") + " " + "; ".join(source_labels)]
    if scenario is not None:
        lines.append(t("present.scenario.params", line=scenario_line(scenario, t)))
        lines.append(t("common.export_link", link=relative_link(scenario, t.lang)))
    return lines


def caption_lines(lines: Sequence[str], width: int = CAPTION_CHARS) -> list[str]:
    """The context wrapped to the chart's width (Vega draws each string as one line)."""
    return [part for line in lines for part in textwrap.wrap(line, width) or [""]]


def csv_with_context(frame: pd.DataFrame, lines: Sequence[str]) -> bytes:
    """The table as CSV under a block of "# " lines; the BOM lets spreadsheet programs
    read the diacritics.

    The lines are written unquoted, so that ``comment="#"`` skips them (a quoted line is
    data to a CSV reader); a spreadsheet shows each across a few cells of its row.
    """
    out = io.StringIO()
    for line in lines:
        out.write(COMMENT + " ".join(str(line).split()) + "\n")
    frame.to_csv(out, index=False, lineterminator="\n")
    return out.getvalue().encode("utf-8-sig")

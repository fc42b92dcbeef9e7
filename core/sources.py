"""Source ids as the data files write them (``a;b`` in a ``source`` cell)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pandas as pd


def source_ids(cells: Iterable[str]) -> list[str]:
    """The distinct ids in one or more ``source`` cells (``a;b``), in first-seen order."""
    seen: dict[str, None] = {}
    for cell in cells:
        for source_id in str(cell).split(";"):
            seen.setdefault(source_id.strip(), None)
    return [source_id for source_id in seen if source_id]


#: Curators' words that must never reach a public label (internal files, tools, versions).
INTERNAL_MARKS = ("data/", ".txt", "FACTS", "commit", "github.com")


def public_label(row: Mapping[str, object], lang: str) -> str:
    """The source as public screens cite it: publisher, title, date, document number."""
    return str(row["label_vi"] if lang == "vi" else row["label_en"])


def public_link(row: Mapping[str, object]) -> str | None:
    """The publisher's own page for the source, if it has one (not where a copy was read)."""
    link = row["public_url"]
    return link if isinstance(link, str) and link else None


def public_labels(sources: pd.DataFrame, cells: Iterable[str], lang: str) -> list[str]:
    """The public labels of the sources a figure's ``source`` cells name, in order."""
    by_id = sources.set_index("id") if "id" in sources.columns else sources
    return [public_label(by_id.loc[i], lang) for i in source_ids(cells) if i in by_id.index]

"""Source ids as the data files write them (``a;b`` in a ``source`` cell)."""

from __future__ import annotations

from collections.abc import Iterable


def source_ids(cells: Iterable[str]) -> list[str]:
    """The distinct ids in one or more ``source`` cells (``a;b``), in first-seen order."""
    seen: dict[str, None] = {}
    for cell in cells:
        for source_id in str(cell).split(";"):
            seen.setdefault(source_id.strip(), None)
    return [source_id for source_id in seen if source_id]

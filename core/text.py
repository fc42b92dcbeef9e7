"""Plain-text helpers: search that ignores Vietnamese diacritics, and safe query text.

Readers type "do thi" as often as "đô thị". Folding both sides to base letters
(NFD, combining marks removed, đ/Đ → d, case folded) lets either spelling match.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence

QUERY_MAX_LENGTH = 60
# đ/Đ are letters of their own, not d plus a mark: NFD leaves them alone.
_LETTER_MAP = str.maketrans({"đ": "d", "Đ": "D"})
_SPACES = re.compile(r"\s+")
_CONTROL_CATEGORIES = {"Cc", "Cf", "Cs", "Co", "Cn"}


def fold(text: str) -> str:
    """``'Đô thị XANH'`` → ``'do thi xanh'``: no diacritics, no case, single spaces."""
    decomposed = unicodedata.normalize("NFD", str(text).translate(_LETTER_MAP))
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return _SPACES.sub(" ", bare.casefold()).strip()


def matches(query: str, *texts: str | None) -> bool:
    """Whether the query occurs as a phrase in one of the texts, ignoring diacritics and case.

    "do thi" finds "đô thị" but not a "do" and a "thi" far apart. An empty query matches
    everything; missing texts (None, NaN) are skipped.
    """
    phrase = fold(query)
    if not phrase:
        return True
    return any(phrase in fold(text) for text in texts if isinstance(text, str))


def filter_rows(
    query: str,
    rows: Iterable,
    columns: Iterable[str],
    extra: Callable[[object], Iterable[str]] | None = None,
) -> list:
    """The rows (mappings or namedtuples) whose ``columns`` together match ``query``;
    ``extra(row)`` adds texts found elsewhere (a task's indicator names, say)."""
    columns = list(columns)

    def texts(row) -> list:
        get = row.get if isinstance(row, dict) else lambda column: getattr(row, column, None)
        return [get(column) for column in columns] + list(extra(row) if extra else ())

    return [row for row in rows if matches(query, *texts(row))]


def clean_query(raw: object, max_length: int = QUERY_MAX_LENGTH) -> str:
    """Search text from a URL or a text box made safe to keep and show.

    Control and format characters go, whitespace collapses, the length is capped.
    A list (a repeated URL parameter) keeps its last value; anything else is empty.
    """
    if isinstance(raw, list):
        raw = raw[-1] if raw else ""
    if not isinstance(raw, str):
        return ""
    kept = "".join(
        " " if unicodedata.category(char) in _CONTROL_CATEGORIES else char
        for char in unicodedata.normalize("NFC", raw)
    )
    return _SPACES.sub(" ", kept).strip()[:max_length].strip()


def parse_choice(raw: Sequence[str], choices: Iterable[str]) -> tuple[str | None, str | None]:
    """One of a fixed set of names from a URL parameter (``?view=whatif``).

    ``(choice, None)`` when the link names a known choice (case and spaces ignored),
    ``(None, None)`` when it names none, ``(None, rejected)`` when the value is unusable:
    unknown, empty or repeated. Keeping the rejected text lets the page say what it ignored.
    """
    if not raw:
        return None, None
    value = raw[-1] if len(raw) == 1 else ",".join(raw)
    wanted = value.strip().lower()
    if len(raw) == 1 and wanted in set(choices):
        return wanted, None
    return None, value


def label_lines(text: str, width: int = 24) -> str:
    """A map label wrapped at spaces to lines of about ``width`` characters, never leaving
    one word alone on the last line ("Cửa khẩu quốc tế Hoa / Lư" splits a name)."""
    import textwrap

    lines = textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False)
    if len(lines) > 1 and " " not in lines[-1]:
        head, _, moved = lines[-2].rpartition(" ")
        if head:
            lines[-2:] = [head, f"{moved} {lines[-1]}"]
    return "\n".join(lines) or text

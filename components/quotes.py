"""Quoted words of the plan and its speakers, as Markdown block quotes."""

from __future__ import annotations

from components.page_parts import escape_markdown


def blockquote(text: str) -> str:
    """Data text as a Markdown block quote that keeps its line breaks and stays text."""
    return "\n".join(f"> {escape_markdown(line)}  " for line in str(text).split("\n"))

"""Citations as plain text: the passage pane, the clipboard, exports and the CLI share these.

A citation names the source and where in it: author, “title”, outlet, year, then the
paragraph number (¶ 12) or, for a passage outside the numbered body, its kind (footnote).
"""

from __future__ import annotations

from maisky_desktop.core.records import Passage, Source


def citation(source: Source, passage: Passage) -> str:
    """'Author, “Title”, Outlet, Year, ¶ 12'."""
    where = f"¶ {passage.para_no}" if passage.para_no else passage.kind
    parts = [source.author, f"“{source.title}”", source.outlet, source.published, where]
    return ", ".join(p for p in parts if p)


def quoted(quote: str, cite: str) -> str:
    """The quoted words and their citation, as Copy citation puts them on the clipboard."""
    return f"“{quote}” — {cite}"

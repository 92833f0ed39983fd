"""What an export carries about one cited thing: its source, the quoted words, where, and a note."""

from __future__ import annotations

import re

from maisky_desktop.core.record import record


@record
class SourceInfo:
    """A source as a citation needs it (shipped sources or own documents)."""

    id: str
    title: str
    author: str | None = None
    outlet: str | None = None
    published: str | None = None  # EDTF year as the source states it, or None
    kind: str = "document"  # news | essay | encyclopedia | journal article | document


@record
class Citable:
    """One event anchor, passage or note, ready for RIS, BibTeX, CSL-JSON or Markdown."""

    key: str  # unique within an export
    source: SourceInfo
    quote: str | None = None
    para_no: int | None = None
    note: str | None = None  # the researcher's note (or the event's summary)
    about: str | None = None  # the event it anchors: 'Treaty of Rapallo (16 April 1922)'

    @property
    def where(self) -> str | None:
        return f"¶ {self.para_no}" if self.para_no else None


def citation_key(text: str, used: set[str]) -> str:
    """A BibTeX-safe key, unique among ``used`` (which it joins)."""
    base = re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower()[:40] or "item"
    key, n = base, 2
    while key in used:
        key, n = f"{base}-{n}", n + 1
    used.add(key)
    return key


def split_author(author: str | None) -> tuple[str, str] | None:
    """(family, given) for a personal name such as 'Alastair Kocho-Williams'; None for a corporate one."""
    if not author:
        return None
    parts = author.split()
    if 2 <= len(parts) <= 3 and all(p[:1].isupper() for p in parts) and "contributors" not in author.lower():
        return parts[-1], " ".join(parts[:-1])
    return None


def year(published: str | None) -> int | None:
    m = re.match(r"^(\d{4})", published or "")
    return int(m[1]) if m else None


def note_text(c: Citable) -> str:
    """The note field every format carries: the quote with its paragraph, the event, the researcher's note."""
    lines = []
    if c.quote:
        lines.append(f"Quote{f' ({c.where})' if c.where else ''}: “{c.quote}”")
    if c.about:
        lines.append(f"Event: {c.about}")
    if c.note:
        lines.append(f"Note: {c.note}")
    return "\n".join(lines)

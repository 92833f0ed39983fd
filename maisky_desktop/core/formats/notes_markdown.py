"""Notes to Markdown for the researcher's draft: each note with its quote and its citation.

Quotes are verbatim: Markdown's own characters in them are escaped, so a ``*`` or ``_`` in
a source shows as itself when the Markdown is rendered.
"""

from __future__ import annotations

import re

from maisky_desktop.core.record import record

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#+!|])")


def escape(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", text)


@record
class NoteEntry:
    heading: str  # what the note is on: an event title with its date, a person, a passage's source
    body: str
    quote: str | None = None
    in_text: str | None = None  # the rendered citation, e.g. (Kocho-Williams 2013, para. 12)
    reference: str | None = None  # the rendered bibliography entry
    bookmark: bool = False
    updated: str = ""


def to_markdown(entries: list[NoteEntry], title: str = "Notes", style_name: str = "") -> str:
    lines = [f"# {escape(title)}", ""]
    references: list[str] = []
    for e in entries:
        lines.append(f"## {escape(e.heading)}{' (bookmark)' if e.bookmark else ''}")
        lines.append("")
        if e.quote:
            quoted = escape(" ".join(e.quote.split()))
            lines.append(f"> “{quoted}” {escape(e.in_text or '')}".rstrip())
            lines.append("")
        if e.body.strip():
            lines.extend(e.body.strip().splitlines())  # the researcher's own text, Markdown or not
            lines.append("")
        if e.reference and e.reference not in references:
            references.append(e.reference)
    if references:
        lines.append(f"## References{f' ({style_name})' if style_name else ''}")
        lines.append("")
        lines.extend(f"- {escape(r)}" for r in sorted(references))
        lines.append("")
    return "\n".join(lines)

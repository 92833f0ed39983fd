"""A printed handout as plain structures and HTML, without Qt: a tour or chosen events on paper.

The title page names the handout, its introduction and its contents; then one section per
event: the title, the date in words and as the source states it, the summary, the tour's
narration, and each anchor's paragraph verbatim with the quoted words in bold and its full
citation. The sources close it. ``ui.handout_pdf`` only lays this HTML out on pages with
Qt's own PDF writer; a test reads the PDF back. Every source character is escaped.
"""

from __future__ import annotations

import html

from maisky_desktop.core.markup import Piece
from maisky_desktop.core.record import record

_e = html.escape


@record
class Quote:
    """One anchor: the paragraph's pieces (file offsets), the quoted span and its citation."""

    pieces: tuple[Piece, ...]
    span: tuple[int, int]
    quote: str
    citation: str
    reading: str | None = None


@record
class Entry:
    event_id: str
    title: str
    date_words: str
    date_text: str
    summary: str
    narration: str
    quotes: tuple[Quote, ...]


@record
class Handout:
    title: str
    intro: str
    entries: tuple[Entry, ...]
    sources: tuple[str, ...]  # the full citation of every source quoted, for the closing list


def paragraph_with_quote(quote: Quote) -> str:
    """The paragraph verbatim (escaped) with the quoted span in bold; pieces cut by page breaks rejoined."""
    out: list[str] = []
    a, b = quote.span
    for p in quote.pieces:
        end = p.char_start + len(p.text)
        lo, hi = max(a, p.char_start), min(b, end)
        if lo >= hi:
            out.append(_e(p.text))
            continue
        head, mid, tail = (
            p.text[: lo - p.char_start],
            p.text[lo - p.char_start : hi - p.char_start],
            p.text[hi - p.char_start :],
        )
        out.append(f"{_e(head)}<b>{_e(mid)}</b>{_e(tail)}")
    return " ".join(out)


def title_page_html(h: Handout) -> str:
    """The first page: title, introduction, the numbered list of what follows."""
    items = "".join(f"<li>{_e(e.title)} — {_e(e.date_words)}</li>" for e in h.entries)
    intro = f"<p style='font-size:13pt'>{_e(h.intro)}</p>" if h.intro else ""
    return (
        f"<h1 style='font-size:26pt'>{_e(h.title)}</h1>"
        "<p style='color:#555'>A handout from Maisky Timeline: Soviet diplomacy 1917–1975, "
        "every event quoted verbatim from its sources.</p>"
        f"{intro}<h3>Contents</h3><ol>{items}</ol>"
    )


def entry_html(n: int, e: Entry) -> str:
    """One event: heading, dates, summary, narration, then each quoted paragraph and its citation."""
    said = f" <span style='color:#555'>(the source: “{_e(e.date_text)}”)</span>" if e.date_text else ""
    parts = [
        f"<h2>{n}. {_e(e.title)}</h2>",
        f"<p><b>{_e(e.date_words)}</b>{said}</p>",
        f"<p>{_e(e.summary)}</p>",
    ]
    if e.narration:
        parts.append(f"<p><i>{_e(e.narration)}</i></p>")
    for q in e.quotes:
        reading = f"<p style='color:#555'>This source reads: {_e(q.reading)}</p>" if q.reading else ""
        parts.append(
            f"{reading}<blockquote>{paragraph_with_quote(q)}</blockquote>"
            f"<p style='color:#333; font-size:9pt'>— {_e(q.citation)}</p>"
        )
    return "".join(parts)


def body_html(h: Handout) -> str:
    """Every entry, then the list of sources."""
    entries = "".join(entry_html(i, e) for i, e in enumerate(h.entries, 1))
    sources = "".join(f"<li>{_e(s)}</li>" for s in h.sources)
    return f"{entries}<h2>Sources</h2><ul>{sources}</ul>"

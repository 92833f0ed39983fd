"""A passage as safe HTML: verbatim text, escaped, with the quoted span highlighted.

Source text is data, never markup: every character goes through ``html.escape``,
so a ``<`` in a source shows as ``<``. The only markup added is ours: the
highlight, and footnote markers shown as superscript links.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise


@dataclass(frozen=True)
class Piece:
    """A piece of a paragraph: its file offsets and text."""

    char_start: int
    text: str


@dataclass(frozen=True)
class Marker:
    """A footnote marker at file offsets, and the link target for it."""

    char_start: int
    char_end: int
    label: str
    href: str


def paragraph_html(
    pieces: Sequence[Piece],
    highlight: tuple[int, int] | None = None,
    markers: Sequence[Marker] = (),
    hidden: Sequence[tuple[int, int]] = (),
) -> str:
    """Join the pieces of a paragraph into HTML, highlighting [start, end) in file offsets."""
    out: list[str] = []
    for p in pieces:
        end = p.char_start + len(p.text)
        points = {p.char_start, end}
        if highlight:
            points |= {c for c in highlight if p.char_start < c < end}
        for m in markers:
            if p.char_start <= m.char_start < end:
                points |= {m.char_start, min(m.char_end, end)}
        for a, b in hidden:
            if p.char_start <= a < end:
                points |= {a, min(b, end)}
        edges = sorted(points)
        if out:
            out.append(" ")
        for a, b in pairwise(edges):
            segment = p.text[a - p.char_start : b - p.char_start]
            marker = next((m for m in markers if m.char_start == a), None)
            if any(ha <= a < hb for ha, hb in hidden):
                continue
            if marker:
                out.append(f'<sup><a href="{html.escape(marker.href)}">{html.escape(marker.label)}</a></sup>')
                continue
            text = html.escape(segment)
            if highlight and highlight[0] <= a and b <= highlight[1]:
                text = f'<span style="background-color:#ffe08a">{text}</span>'
            out.append(text)
    return "".join(out)

"""Era names on as many header rows as their overlaps need, never two names on top of each other.

Eras overlap (Maisky's London embassy spans the Terror and the war), so one strip cannot name
them all. Rows are assigned once, by time, not per frame by pixels: an era keeps its row while
the user zooms and pans. Within a row the eras are disjoint in time, and a name is confined to
the visible part of its own era (elided to fit), so two names can never overlap at any zoom.
"""

from __future__ import annotations

from collections.abc import Sequence

from maisky_desktop.core.record import record

PAD = 6.0  # pixels between an era's edge and its name
MIN_NAME_PX = 24.0  # an era narrower than this on screen is shaded but not named


@record
class NamedSpan:
    """A named stretch of time in the header (an era, or the pre-1917 context band)."""

    name: str
    x0: float
    x1: float


@record
class NameBox:
    """Where a name is drawn: its header row and its pixel box (the text is elided to ``width``)."""

    name: str
    row: int
    x: float
    width: float

    @property
    def right(self) -> float:
        return self.x + self.width


def assign_rows(spans: Sequence[NamedSpan]) -> list[int]:
    """First-fit rows by start: a span goes on the first row whose last span ended before it began."""
    order = sorted(range(len(spans)), key=lambda i: (spans[i].x0, spans[i].x1))
    ends: list[float] = []
    rows = [0] * len(spans)
    for i in order:
        row = next((r for r, end in enumerate(ends) if end <= spans[i].x0), len(ends))
        if row == len(ends):
            ends.append(spans[i].x1)
        else:
            ends[row] = spans[i].x1
        rows[i] = row
    return rows


def name_boxes(
    spans: Sequence[NamedSpan],
    rows: Sequence[int],
    left: float,
    right: float,
    width_px: float,
    text_w: Sequence[float],
) -> list[NameBox]:
    """Boxes for the names of the spans in view: each inside its era's visible part, at most its text wide."""
    if right <= left:
        return []
    scale = width_px / (right - left)
    out = []
    for span, row, w in zip(spans, rows, text_w):
        a = max(span.x0, left)
        b = min(span.x1, right)
        if b <= a:
            continue
        x0, x1 = (a - left) * scale + PAD, (b - left) * scale - PAD
        if x1 - x0 < MIN_NAME_PX:
            continue
        out.append(NameBox(span.name, row, x0, min(w, x1 - x0)))
    return out


def overlapping(boxes: Sequence[NameBox]) -> list[tuple[NameBox, NameBox]]:
    """Pairs of names on one row whose boxes overlap (what must never happen)."""
    bad = []
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            if a.row == b.row and a.x < b.right and b.x < a.right:
                bad.append((a, b))
    return bad

"""Overlapping events of a lane stacked into sub-rows while the lane has room, as vis-timeline does.

Pure pixel geometry, recomputed per view (the room an event needs depends on the zoom): an
event needs its mark plus a readable start of its title. Each event goes on the first
sub-row where it fits; when every sub-row is taken it goes where the row ends first, and the
labels there become a count that opens on click. No event is ever only a number: a count
lists its members and a zoom separates them.
"""

from __future__ import annotations

import numpy as np

ROW_MIN_PX = 32.0  # a sub-row needs a mark and a line of text
MAX_ROWS = 4
TITLE_ROOM = 150.0  # the part of a title an event claims when stacking (longer ones are elided)
GAP = 8.0


def rows_for(lane_px: float) -> int:
    """How many sub-rows a lane this many pixels tall holds (at least one)."""
    return int(min(max(lane_px // ROW_MIN_PX, 1), MAX_ROWS))


def stack(lanes: np.ndarray, starts: np.ndarray, ends: np.ndarray, title_w: np.ndarray, rows: int) -> np.ndarray:
    """The sub-row of each event (parallel arrays, pixels): first fit by start within each lane.

    ``ends`` is the right edge of the mark; the event claims up to the end of its mark or of
    the start of its title, whichever is further right.
    """
    n = len(lanes)
    out = np.zeros(n, dtype=np.int32)
    if rows <= 1 or not n:
        return out
    reach = np.maximum(ends, starts + np.minimum(title_w, TITLE_ROOM)) + GAP
    order = np.lexsort((starts, lanes))
    free: dict[int, list[float]] = {}
    for i in order.tolist():
        row_end = free.setdefault(int(lanes[i]), [-np.inf] * rows)
        s = float(starts[i])
        row = next((r for r, end in enumerate(row_end) if end <= s), None)
        if row is None:
            row = int(np.argmin(row_end))
        row_end[row] = max(row_end[row], float(reach[i]))
        out[i] = row
    return out

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
    reach = (np.maximum(ends, starts + np.minimum(title_w, TITLE_ROOM)) + GAP).tolist()
    order = np.lexsort((starts, lanes)).tolist()
    lane_of, start_of = lanes.tolist(), starts.tolist()
    got = [0] * n
    span = range(rows)
    free: dict[int, list[float]] = {}
    # Plain Python lists and floats in the loop: it runs per zoom frame over every event in view,
    # and numpy calls on 4-element lists (argmin, scalar reads) cost more than the work itself.
    for i in order:
        row_end = free.get(lane_of[i])
        if row_end is None:
            row_end = free[lane_of[i]] = [-np.inf] * rows
        s = start_of[i]
        for row in span:
            if row_end[row] <= s:
                break
        else:
            row = row_end.index(min(row_end))  # the row that ends first (the first of equals)
        if reach[i] > row_end[row]:
            row_end[row] = reach[i]
        got[i] = row
    out[:] = got
    return out

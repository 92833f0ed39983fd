"""Events -> arrays the timeline draws: axis extents and lanes, computed once per store.

Pure numpy so the timeline's geometry is testable without a display and cheap to
slice per frame (sorted starts allow a binary search for the events in view).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np

from maisky_desktop.core import dates


@dataclass(frozen=True)
class Layout:
    """Column arrays, one row per event, sorted by start."""

    ids: list[str]
    x0: np.ndarray  # decimal years, first day
    x1: np.ndarray  # decimal years, end of last day
    lane: np.ndarray  # lane index, 0 at the top
    point: np.ndarray  # True where the date is a single day (drawn as a marker)
    soft: np.ndarray  # True where the date is coarser than a day or approximate
    max_len: float  # longest span, bounds the left edge of a visible-range search

    def visible(self, left: float, right: float) -> np.ndarray:
        """Indices of events overlapping [left, right], without scanning them all."""
        hi = int(np.searchsorted(self.x0, right, side="right"))
        lo = int(np.searchsorted(self.x0, left - self.max_len, side="left"))
        idx = np.arange(lo, hi)
        return idx[self.x1[lo:hi] >= left]


def build_layout(rows: Sequence[tuple[str, str, str, str, bool]], lanes: Sequence[str]) -> Layout:
    """rows: (event id, date_from ISO, date_to ISO, category id, approximate)."""
    index = {lane: i for i, lane in enumerate(lanes)}
    n = len(rows)
    x0, x1 = np.empty(n), np.empty(n)
    lane = np.zeros(n, dtype=np.int32)
    point, soft = np.zeros(n, dtype=bool), np.zeros(n, dtype=bool)
    for i, (_, start, end, category, approximate) in enumerate(rows):
        a, b = date.fromisoformat(start), date.fromisoformat(end)
        x0[i] = dates.decimal_year(a)
        x1[i] = dates.decimal_year(b) + 1 / 366
        lane[i] = index.get(category, len(lanes))
        point[i] = a == b
        soft[i] = approximate or a != b
    order = np.argsort(x0, kind="stable")
    ids = [rows[i][0] for i in order]
    spans = x1 - x0
    return Layout(ids, x0[order], x1[order], lane[order], point[order], soft[order], float(spans.max()) if n else 0.0)

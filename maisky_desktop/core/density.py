"""How many events overlap each pixel column of each lane, in time independent of their number.

Two prefix sums per lane over days (events started by day k, events ended before day k)
answer "how many events of lane l overlap days [a, b]" with two lookups. A frame of the
full view then costs lanes x columns lookups whether the store holds 200 events or a
million: that is the coarse level of detail of the timeline (density bands and counts).
A small store sorts its days instead (``DensityGrid``), the same counts by binary search.
"""

from __future__ import annotations

import numpy as np

from maisky_desktop.core.layout import Layout, days_at


class DensityGrid:
    """Counts per lane and day, for one layout and one filter.

    Two ways to hold them, the same answers: prefix counts over every day of the span (lanes x
    days integers, two lookups a column), or each lane's first and last days sorted (two binary
    searches a column). The prefix counts cost the same for 200 events as for a million: over
    the embedded store's 37,604 days that is 2.4 MB an array and 4-5 ms before the first frame,
    where sorting its 210 events takes 0.1-0.2 ms. So a layout with fewer events than
    ``SORTED_BELOW`` of its lanes x days sorts them; a big one keeps the prefix counts, whose
    lookups stay cheapest at each coarse frame.
    """

    SORTED_BELOW = 1 / 16  # events per lane-day under which sorted days beat prefix counts

    def __init__(self, layout: Layout, shown: np.ndarray | None = None, *, sort: bool | None = None) -> None:
        d0, d1, lane = layout.day0, layout.day1, layout.lane
        if shown is not None:
            d0, d1, lane = d0[shown], d1[shown], lane[shown]
        self.n_lanes = layout.lanes
        self.origin = int(d0.min()) if len(d0) else 0
        self.length = (int(d1.max()) - self.origin + 2) if len(d0) else 1
        width = self.length + 1
        keys0 = lane.astype(np.int64) * width + (d0 - self.origin)
        keys1 = lane.astype(np.int64) * width + (d1 - self.origin)
        size = self.n_lanes * width
        self.sorted = len(d0) < size * self.SORTED_BELOW if sort is None else sort
        if self.sorted:
            # first (last) days as lane * width + day, sorted: a lane's keys are one run, in day order
            self.started = np.sort(keys0)
            self.ended = np.sort(keys1)
            self._lane_keys = np.arange(self.n_lanes, dtype=np.int64)[:, None] * width
            self._before_lane = np.searchsorted(self.started, self._lane_keys[:, 0])[:, None]
            return
        # started[l, k]: events of lane l with first day <= origin + k
        self.started = np.cumsum(np.bincount(keys0, minlength=size).reshape(self.n_lanes, width), axis=1)
        # ended[l, k]: events of lane l with last day <= origin + k
        self.ended = np.cumsum(np.bincount(keys1, minlength=size).reshape(self.n_lanes, width), axis=1)

    def _up_to(self, prefix: np.ndarray, days: np.ndarray) -> np.ndarray:
        """(lanes, len(days)) events of each lane with their day <= each day (days in [-1, length])."""
        if self.sorted:
            found = np.searchsorted(prefix, self._lane_keys + np.maximum(days, 0), side="right") - self._before_lane
        else:
            found = prefix[:, np.maximum(days, 0)]
        return np.where(days >= 0, found, 0)

    def counts(self, edges: np.ndarray) -> np.ndarray:
        """(lanes, len(edges) - 1) events overlapping each column [edges[j], edges[j+1]) (decimal years)."""
        days = days_at(edges) - self.origin
        first = days[:-1]
        last = np.maximum(days[1:] - 1, first)  # a column narrower than a day still holds that day
        hi = np.clip(last, -1, self.length)
        lo = np.clip(first - 1, -1, self.length)
        return self._up_to(self.started, hi) - self._up_to(self.ended, lo)

    def total(self, left: float, right: float) -> np.ndarray:
        """Events of each lane overlapping [left, right]."""
        return self.counts(np.array([left, right]))[:, 0]


def column_edges(left: float, right: float, columns: int) -> np.ndarray:
    """Edges of ``columns`` equal pixel columns over [left, right]."""
    return np.linspace(left, right, max(columns, 1) + 1)


def block_edges(left: float, right: float, block: float) -> np.ndarray:
    """Edges of blocks of width ``block`` aligned to multiples of it, covering [left, right].

    Aligned to the axis, not to the view, so a count stays on the same stretch of time
    while the view pans (counts would flicker otherwise).
    """
    first = np.floor(left / block) * block
    n = int(np.ceil((right - first) / block))
    return first + block * np.arange(max(n, 1) + 1)


def union_spans(x0: np.ndarray, x1: np.ndarray, gap: float) -> tuple[np.ndarray, np.ndarray]:
    """Merge spans that overlap or lie closer than ``gap`` (half a pixel): fewer, non-overlapping rects.

    Hundreds of overlapping translucent bars cost fill rate and read as mush; their union
    draws the same pixels in one pass each.
    """
    if not len(x0):
        return x0, x1
    order = np.argsort(x0, kind="stable")
    a, b = x0[order], x1[order]
    reach = np.maximum.accumulate(b)
    starts = np.flatnonzero(np.r_[True, a[1:] > reach[:-1] + gap])
    return a[starts], np.maximum.reduceat(b, starts)


def depth_runs(x0: np.ndarray, x1: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Spans cut where any begins or ends: runs ``(starts, ends, depth)``, depth = how many spans cover the run.

    Stacked translucent bars of one colour blend, pixel by pixel, to what one layer of alpha
    ``1 - (1 - a) ** depth`` gives (``layered_alpha``). A lane whose long bars all cross the view
    put each pixel under a dozen layers: 12 million pixels blended a frame at 1e5 events for a
    view of one million. Runs blend each pixel once, and cover exactly the pixels the spans did.
    """
    if not len(x0):
        return x0, x1, np.zeros(0, dtype=np.int64)
    edges = np.concatenate([x0, x1])
    step = np.concatenate([np.ones(len(x0), dtype=np.int64), -np.ones(len(x1), dtype=np.int64)])
    order = np.argsort(edges, kind="stable")
    edges, depth = edges[order], np.cumsum(step[order])
    starts, ends, depth = edges[:-1], edges[1:], depth[:-1]
    keep = (ends > starts) & (depth > 0)
    return starts[keep], ends[keep], depth[keep]


def layered_alpha(alpha: int, depth: np.ndarray) -> np.ndarray:
    """The alpha (0-255) of one layer that blends like ``depth`` layers of ``alpha`` stacked, per run."""
    return np.rint(255 * (1 - (1 - alpha / 255) ** depth)).astype(np.int64)

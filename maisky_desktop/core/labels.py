"""Where event titles go: one text row under each lane's marks, never two boxes overlapping.

Pure pixel geometry. The Qt layer measures titles once, passes pixel extents here, and
draws what comes back (eliding a title to the width it is given). Each lane is walked
left to right: a title gets the room up to the next mark; where marks are too close for
even a short title, the crowded stretch becomes one count ("12") spanning it, which
breaks back into titles as the user zooms in and the marks spread apart.
"""

from __future__ import annotations

import itertools

import numpy as np

from maisky_desktop.core.record import record

MIN_W = 44.0  # narrowest useful title: a few letters and an ellipsis
MAX_W = 280.0  # longest title box; longer ones are elided
GAP = 8.0  # between two boxes
CLUSTER_W = 90.0  # a count covers marks starting within this many pixels
CHAR_W = 7.0  # width of a digit, for the width of a count box


@record
class Label:
    """A box in a lane's text row: a title (``index`` is the event) or a count of events."""

    lane: int
    x: float  # left edge, pixels
    width: float
    index: int = -1  # event index for a title, -1 for a count
    count: int = 0  # events a count stands for
    elided: bool = False
    members: tuple[int, ...] = ()  # event indices a count stands for (empty for the coarse level's blocks)
    row: int = 0  # sub-row of the lane (stacked events)

    @property
    def right(self) -> float:
        return self.x + self.width


def count_text(n: int) -> str:
    return f"{n:,}"


def _count_width(n: int) -> float:
    return len(count_text(n)) * CHAR_W + 12.0


def place_lane(
    lane: int,
    starts: list[float],
    text_w: list[float],
    indices: list[int],
    view_w: float,
    *,
    min_w: float = MIN_W,
    max_w: float = MAX_W,
    gap: float = GAP,
    cluster_w: float = CLUSTER_W,
) -> list[Label]:
    """Boxes for one lane. ``starts`` (pixel x of each mark, clipped to the view, ascending),
    ``text_w`` (width of each full title), ``indices`` (event index of each)."""
    out: list[Label] = []
    n = len(starts)
    cursor = -np.inf  # first free pixel
    i = 0
    while i < n:
        s = max(starts[i], cursor, 0.0)
        nxt = starts[i + 1] if i + 1 < n else view_w + max_w
        room = min(nxt - gap, view_w) - s
        want = min(text_w[i], max_w)
        if room >= min(want, min_w) and s < view_w:
            width = min(want, room)
            out.append(Label(lane, s, width, index=indices[i], elided=width < text_w[i]))
            cursor = s + width + gap
            i += 1
            continue
        # crowded: gather the marks starting within the cluster, then any the box itself covers
        j = i + 1
        while j < n and starts[j] < s + cluster_w:
            j += 1
        width = max(starts[j - 1] - s, _count_width(j - i))
        while j < n and starts[j] < s + width + gap:
            j += 1
            width = max(starts[j - 1] - s, _count_width(j - i))
        if s < view_w:
            out.append(Label(lane, s, min(width, view_w - s), count=j - i, members=tuple(indices[i:j])))
        cursor = s + width + gap
        i = j
    return out


def place(
    lanes: np.ndarray,
    starts: np.ndarray,
    text_w: np.ndarray,
    indices: np.ndarray,
    view_w: float,
    **kw: float,
) -> list[Label]:
    """Boxes for all lanes; inputs are parallel arrays sorted by start within each lane."""
    out: list[Label] = []
    if not len(lanes):
        return out
    order = np.lexsort((starts, lanes))
    lanes, starts, text_w, indices = lanes[order], starts[order], text_w[order], indices[order]
    cuts = np.flatnonzero(np.diff(lanes)) + 1
    for a, b in zip(np.r_[0, cuts], np.r_[cuts, len(lanes)]):
        out.extend(
            place_lane(
                int(lanes[a]),
                starts[a:b].tolist(),
                text_w[a:b].tolist(),
                indices[a:b].tolist(),
                view_w,
                **kw,
            )
        )
    return out


def block_counts(counts: np.ndarray, edges_px: np.ndarray, view_w: float) -> list[Label]:
    """Count boxes for the coarse level: one per non-empty aligned block per lane, clipped to the view."""
    out: list[Label] = []
    lanes, blocks = np.nonzero(counts)
    for lane, b in zip(lanes.tolist(), blocks.tolist()):
        x = max(float(edges_px[b]), 0.0)
        right = min(float(edges_px[b + 1]), view_w) - GAP
        if right - x >= _count_width(int(counts[lane, b])):
            out.append(Label(lane, x, right - x, count=int(counts[lane, b])))
    return out


def overlaps(labels: list[Label]) -> list[tuple[Label, Label]]:
    """Pairs of boxes in the same lane and sub-row that overlap (what must never happen)."""
    bad: list[tuple[Label, Label]] = []
    by_lane: dict[tuple[int, int], list[Label]] = {}
    for lab in labels:
        by_lane.setdefault((lab.lane, lab.row), []).append(lab)
    for boxes in by_lane.values():
        boxes.sort(key=lambda b: b.x)
        bad.extend((a, b) for a, b in itertools.pairwise(boxes) if b.x < a.right)
    return bad

"""The visible time range and the moves a user makes on it: zoom, pan, home, era paging.

Pure arithmetic on (left, right) in decimal years, so every input (wheel, keys, pinch,
overview strip) goes through the same bounds: never wider than the data plus a margin,
never narrower than about a week, never past the data's ends.
"""

from __future__ import annotations

from collections.abc import Sequence

from maisky_desktop.core import span
from maisky_desktop.core.record import record

HOME = span.opening_view()  # where the app opens and Home returns: the period of study
MIN_SPAN = 7 / 365.25  # a week
MARGIN = 2.0  # years beyond the data on each side


@record
class Bounds:
    """How far the view may go: [lo, hi] and at least ``min_span`` wide."""

    lo: float
    hi: float
    min_span: float = MIN_SPAN

    @classmethod
    def around(cls, first: float, last: float, margin: float = MARGIN) -> Bounds:
        """The data's extent (never less than the opening view) plus a margin."""
        return cls(min(first, HOME[0]) - margin, max(last, HOME[1]) + margin)

    @property
    def max_span(self) -> float:
        return self.hi - self.lo


def clamp(left: float, right: float, b: Bounds) -> tuple[float, float]:
    """The nearest allowed view: width within bounds, then shifted inside [lo, hi]."""
    mid = (left + right) / 2
    span = min(max(right - left, b.min_span), b.max_span)
    left, right = mid - span / 2, mid + span / 2
    if left < b.lo:
        left, right = b.lo, b.lo + span
    if right > b.hi:
        left, right = b.hi - span, b.hi
    return left, right


def zoom(left: float, right: float, factor: float, anchor: float, b: Bounds) -> tuple[float, float]:
    """Scale the width by ``factor`` (<1 zooms in) keeping ``anchor`` at the same screen position."""
    span = min(max((right - left) * factor, b.min_span), b.max_span)
    t = (anchor - left) / (right - left) if right > left else 0.5
    return clamp(anchor - t * span, anchor + (1 - t) * span, b)


def pan(left: float, right: float, fraction: float, b: Bounds) -> tuple[float, float]:
    """Move by ``fraction`` of the view width (positive: later in time)."""
    dx = (right - left) * fraction
    return clamp(left + dx, right + dx, b)


def reveal(left: float, right: float, x0: float, x1: float, b: Bounds, pad: float = 0.08) -> tuple[float, float]:
    """The least move that brings [x0, x1] into view (centred if it was off-screen), keeping the zoom."""
    span = right - left
    inner_l, inner_r = left + pad * span, right - pad * span
    if x0 >= inner_l and x1 <= inner_r:
        return left, right
    if x1 - x0 > span * (1 - 2 * pad):
        return clamp(x0 - pad * span, x0 + (1 - pad) * span, b)
    mid = (x0 + x1) / 2
    return clamp(mid - span / 2, mid + span / 2, b)


@record
class Era:
    """A named period shaded behind the lanes."""

    name: str
    x0: float
    x1: float


def page(eras: Sequence[Era], left: float, right: float, step: int, b: Bounds) -> tuple[float, float]:
    """PageUp (-1) / PageDown (+1): show the previous / next era; without eras, a view width.

    From an era's own view the neighbour era is shown; from any other view, PageDown shows
    the first era starting at or after the left edge and PageUp the last one starting before it.
    """
    if not eras:
        return pan(left, right, float(step), b)
    ordered = sorted(eras, key=lambda e: e.x0)
    views = [_padded(e, b) for e in ordered]
    tol = (right - left) * 1e-6
    on = next((i for i, v in enumerate(views) if abs(v[0] - left) <= tol and abs(v[1] - right) <= tol), None)
    if on is not None:
        target = on + step
    elif step > 0:
        target = next((i for i, e in enumerate(ordered) if e.x0 >= left - tol), len(ordered))
    else:
        target = max((i for i, e in enumerate(ordered) if e.x0 < left - tol), default=-1)
    return views[target] if 0 <= target < len(ordered) else (left, right)


def _padded(era: Era, b: Bounds) -> tuple[float, float]:
    pad = (era.x1 - era.x0) * 0.04
    return clamp(era.x0 - pad, era.x1 + pad, b)

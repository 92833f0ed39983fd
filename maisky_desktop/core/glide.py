"""The path of an animated move between two views: where a tour stop frames its event.

Width is interpolated on a log scale and the centre linearly, so a glide from six decades
to a few months zooms at an even visual pace instead of rushing the last part.
"""

from __future__ import annotations

import math

STOP_WIDTH = 6.0  # years shown around a tour stop's event (more if the event is longer)


def frame(x0: float, x1: float, width: float = STOP_WIDTH) -> tuple[float, float]:
    """The view that shows an event spanning [x0, x1] in its middle with room around it."""
    span = max(width, (x1 - x0) * 1.4)
    mid = (x0 + x1) / 2
    return mid - span / 2, mid + span / 2


def between(start: tuple[float, float], end: tuple[float, float], t: float) -> tuple[float, float]:
    """The view a fraction ``t`` (0..1) of the way from ``start`` to ``end``."""
    t = min(max(t, 0.0), 1.0)
    w0, w1 = start[1] - start[0], end[1] - end[0]
    width = math.exp(math.log(w0) + (math.log(w1) - math.log(w0)) * t) if w0 > 0 and w1 > 0 else w0 + (w1 - w0) * t
    c0, c1 = (start[0] + start[1]) / 2, (end[0] + end[1]) / 2
    mid = c0 + (c1 - c0) * t
    return mid - width / 2, mid + width / 2

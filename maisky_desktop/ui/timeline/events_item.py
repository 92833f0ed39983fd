"""The graphics item that draws every event mark, fast at any zoom.

Only events in view are touched each frame: starts are sorted, so a binary search
finds them (``Layout.visible``). Marks are batched per lane and style into one
``drawRects`` call each.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtGui

from maisky_desktop.core.layout import Layout

LANE_HEIGHT = 1.0
BAR = 0.36  # half height of a bar, in lane units
POINT_PX = 7.0  # width of a single-day marker, in pixels


class EventsItem(pg.GraphicsObject):
    """Draws events as bars (intervals) and markers (single days) in their lanes."""

    def __init__(self, layout: Layout, colours: list[str]) -> None:
        super().__init__()
        self.layout = layout
        self.colours = [QtGui.QColor(c) for c in colours] + [QtGui.QColor("#777777")]
        self.selected: int | None = None
        self.shown: np.ndarray | None = None  # boolean mask of events a filter leaves, None: all
        self.highlighted: np.ndarray = np.zeros(0, dtype=np.int64)  # indices outlined (a person's events)
        n_lanes = len(colours) + 1
        x0 = float(layout.x0.min()) if len(layout.ids) else 1917.0
        x1 = float(layout.x1.max()) if len(layout.ids) else 1975.0
        self._bounds = QtCore.QRectF(x0, 0.0, x1 - x0, n_lanes * LANE_HEIGHT)

    def boundingRect(self) -> QtCore.QRectF:
        return self._bounds

    def set_filter(self, indices: set[int] | None) -> None:
        if indices is None:
            self.shown = None
        else:
            self.shown = np.zeros(len(self.layout.ids), dtype=bool)
            self.shown[list(indices)] = True
        self.update()

    def _in_view(self, left: float, right: float) -> np.ndarray:
        idx = self.layout.visible(left, right)
        return idx if self.shown is None else idx[self.shown[idx]]

    def set_highlight(self, indices: list[int]) -> None:
        self.highlighted = np.array(sorted(indices), dtype=np.int64)
        self.update()

    def set_selected(self, index: int | None) -> None:
        self.selected = index
        self.update()

    def _rects(self, idx: np.ndarray, px: float) -> list[QtCore.QRectF]:
        lay = self.layout
        min_w = POINT_PX * px
        out = []
        for i in idx:
            x0, x1 = lay.x0[i], lay.x1[i]
            if x1 - x0 < min_w:
                mid = (x0 + x1) / 2
                x0, x1 = mid - min_w / 2, mid + min_w / 2
            y = lay.lane[i] * LANE_HEIGHT + 0.5 - BAR
            out.append(QtCore.QRectF(x0, y, x1 - x0, 2 * BAR))
        return out

    def paint(self, painter: QtGui.QPainter, *_args) -> None:
        vb = self.getViewBox()
        if vb is None:
            return
        (left, right), _ = vb.viewRange()
        px = self.pixelWidth() or 0.0
        idx = self._in_view(left, right)
        painter.setPen(QtCore.Qt.PenStyle.NoPen)
        lanes = self.layout.lane[idx]
        for lane in np.unique(lanes):
            colour = QtGui.QColor(self.colours[min(int(lane), len(self.colours) - 1)])
            in_lane = idx[lanes == lane]
            soft = self.layout.soft[in_lane]
            for group, alpha in ((in_lane[~soft], 235), (in_lane[soft], 120)):
                if not len(group):
                    continue
                colour.setAlpha(alpha)
                painter.setBrush(colour)
                painter.drawRects(self._rects(group, px))
        lit = self.highlighted if self.shown is None else self.highlighted[self.shown[self.highlighted]]
        if len(lit):
            painter.setBrush(QtCore.Qt.BrushStyle.NoBrush)
            ring = QtGui.QPen(QtGui.QColor("#e0a100"), 0)
            ring.setWidthF(2.0)
            ring.setCosmetic(True)
            painter.setPen(ring)
            painter.drawRects(self._rects(lit, px))
        if self.selected is not None:
            painter.setBrush(QtCore.Qt.BrushStyle.NoBrush)
            pen = QtGui.QPen(QtGui.QColor("#111111"), 0)
            pen.setWidthF(2.5)
            pen.setCosmetic(True)
            painter.setPen(pen)
            painter.drawRects(self._rects(np.array([self.selected]), px))

    def hit(self, x: float, y: float, px: float) -> int | None:
        """Index of the event drawn under data point (x, y), the nearest if several."""
        lane = int(np.floor(y / LANE_HEIGHT))
        if abs(y - (lane * LANE_HEIGHT + 0.5)) > BAR + 0.05:
            return None
        tol = max(POINT_PX / 2 + 2, 4) * px
        idx = self._in_view(x - tol, x + tol)
        idx = idx[self.layout.lane[idx] == lane]
        if not len(idx):
            return None
        mid = (self.layout.x0[idx] + self.layout.x1[idx]) / 2
        inside = (self.layout.x0[idx] - tol <= x) & (x <= self.layout.x1[idx] + tol)
        idx, mid = idx[inside], mid[inside]
        if not len(idx):
            return None
        return int(idx[np.argmin(np.abs(mid - x))])

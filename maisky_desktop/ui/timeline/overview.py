"""The overview strip: the whole span in a few pixels, with a window showing where the view is.

Its histogram is computed once per width from the density grid (one query of all lanes,
no per-event work), cached as a pixmap; a frame only moves the window. Click to centre
the view there, drag the window (or anywhere) to move the view.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from PySide6 import QtCore, QtGui, QtWidgets

from maisky_desktop.core.density import DensityGrid, column_edges
from maisky_desktop.core.layout import CONTEXT_BEFORE
from maisky_desktop.core.viewport import Era
from maisky_desktop.ui.timeline import style

HEIGHT = 46
LABEL_STEPS = (10, 20, 25, 50)  # years between labelled ticks, the smallest that fits first


class OverviewStrip(QtWidgets.QWidget):
    """``view_requested(left, right)`` when the user clicks or drags."""

    view_requested = QtCore.Signal(float, float)

    def __init__(self, lo: float, hi: float, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFixedHeight(HEIGHT)
        self.setCursor(QtCore.Qt.CursorShape.OpenHandCursor)
        self.setToolTip("The whole timeline: click or drag to move the view")
        self.lo, self.hi = lo, hi
        self.view = (lo, hi)
        self.margin_left = 0  # aligned with the lanes (right of the headers)
        self._grid: DensityGrid | None = None
        self._eras: list[Era] = []
        self._cache: QtGui.QPixmap | None = None
        self._grab: float | None = None  # where in the window the drag holds it, as a fraction

    def set_data(self, grid: DensityGrid | None) -> None:
        """The counts behind the histogram (None: none yet)."""
        self._grid, self._cache = grid, None
        self.update()

    def set_eras(self, eras: Sequence[Era]) -> None:
        self._eras, self._cache = list(eras), None
        self.update()

    def set_view(self, left: float, right: float) -> None:
        self.view = (left, right)
        self.update()

    def set_margin(self, left_px: int) -> None:
        self.margin_left, self._cache = left_px, None
        self.update()

    # -- geometry --------------------------------------------------------------------------
    def _track(self) -> QtCore.QRectF:
        return QtCore.QRectF(self.margin_left, 4, max(self.width() - self.margin_left - 4, 1), self.height() - 8)

    def _to_x(self, year: float) -> float:
        r = self._track()
        return r.left() + (year - self.lo) / (self.hi - self.lo) * r.width()

    def _to_year(self, x: float) -> float:
        r = self._track()
        return self.lo + (x - r.left()) / r.width() * (self.hi - self.lo)

    # -- painting --------------------------------------------------------------------------
    def _histogram(self) -> QtGui.QPixmap:
        dpr = self.devicePixelRatioF()
        pix = QtGui.QPixmap(QtCore.QSize(int(self.width() * dpr), int(self.height() * dpr)))
        pix.setDevicePixelRatio(dpr)
        pix.fill(QtGui.QColor(style.BACKGROUND))
        p = QtGui.QPainter(pix)
        r = self._track()
        p.fillRect(r, QtGui.QColor("#f1eee7"))
        for i, era in enumerate(self._eras):
            tint = QtGui.QColor(style.ERA_TINTS[i % 2])
            p.fillRect(
                QtCore.QRectF(self._to_x(era.x0), r.top(), self._to_x(era.x1) - self._to_x(era.x0), r.height()), tint
            )
        p.fillRect(
            QtCore.QRectF(r.left(), r.top(), self._to_x(CONTEXT_BEFORE) - r.left(), r.height()),
            QtGui.QColor(0, 0, 0, 14),
        )
        columns = int(r.width())
        if self._grid is not None and columns > 0:
            totals = self._grid.counts(column_edges(self.lo, self.hi, columns)).sum(axis=0)
            if totals.max() > 0:
                heights = (np.log1p(totals) / np.log1p(totals.max()) * (r.height() - 14)).tolist()
                bottom = r.bottom()
                p.setPen(QtCore.Qt.PenStyle.NoPen)
                p.setBrush(QtGui.QColor("#8d98a6"))
                p.drawRects([QtCore.QRectF(r.left() + c, bottom - h, 1.0, h) for c, h in enumerate(heights) if h > 0])
        p.setPen(QtGui.QColor(style.MUTED_INK))
        font = style.ui_font(7.5)
        p.setFont(font)
        step = self.label_step(r.width(), font)
        for year in range(int(np.ceil(self.lo / step) * step), int(self.hi) + 1, step):
            x = self._to_x(year)
            p.drawLine(QtCore.QPointF(x, r.top()), QtCore.QPointF(x, r.top() + 3))
            p.drawText(QtCore.QPointF(x + 2, r.top() + 10), str(year))
        p.end()
        return pix

    def label_step(self, width: float, font: QtGui.QFont) -> int:
        """Years between labelled ticks: the first whose labels do not run into each other in this font.

        A fixed 36 px per label overlapped at a 150% text size ("'1890'1900'1910" in one run).
        """
        room = QtGui.QFontMetricsF(font).horizontalAdvance("1888") + 8  # the label, its offset and a gap
        per_year = width / max(self.hi - self.lo, 1)
        return next((step for step in LABEL_STEPS if per_year * step >= room), LABEL_STEPS[-1])

    def paintEvent(self, _event: QtGui.QPaintEvent) -> None:
        if self._cache is None or self._cache.size() != self.size() * self.devicePixelRatioF():
            self._cache = self._histogram()
        p = QtGui.QPainter(self)
        p.drawPixmap(0, 0, self._cache)
        r = self._track()
        a, b = self._to_x(self.view[0]), self._to_x(self.view[1])
        if b - a < 4:
            a, b = (a + b) / 2 - 2, (a + b) / 2 + 2
        window = QtCore.QRectF(a, r.top(), b - a, r.height())
        p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, True)
        p.setBrush(QtGui.QColor(59, 111, 181, 40))
        pen = QtGui.QPen(QtGui.QColor("#3b6fb5"))
        pen.setWidthF(1.5)
        p.setPen(pen)
        p.drawRoundedRect(window, 3, 3)
        p.end()

    def resizeEvent(self, event: QtGui.QResizeEvent) -> None:
        self._cache = None
        super().resizeEvent(event)

    # -- input -----------------------------------------------------------------------------
    def _move_to(self, x: float) -> None:
        left, right = self.view
        span = right - left
        at = self._to_year(x) - (self._grab if self._grab is not None else 0.5) * span
        self.view_requested.emit(at, at + span)

    def mousePressEvent(self, event: QtGui.QMouseEvent) -> None:
        if event.button() != QtCore.Qt.MouseButton.LeftButton:
            return
        x = event.position().x()
        left, right = self.view
        year = self._to_year(x)
        self._grab = (year - left) / (right - left) if left <= year <= right else 0.5
        self.setCursor(QtCore.Qt.CursorShape.ClosedHandCursor)
        self._move_to(x)

    def mouseMoveEvent(self, event: QtGui.QMouseEvent) -> None:
        if self._grab is not None:
            self._move_to(event.position().x())

    def mouseReleaseEvent(self, _event: QtGui.QMouseEvent) -> None:
        self._grab = None
        self.setCursor(QtCore.Qt.CursorShape.OpenHandCursor)

"""What lies behind the marks: lane stripes, the pre-1917 context band, eras and tracks.

Eras are shaded in alternating calm tints with their names in the header above the lanes, on
as many rows as their overlaps need (``core.era_rows``), each name elided to the visible part
of its era, so a name follows the view while panning and never covers another. Zero
eras is a normal state: the catalog may not define any. Person lanes add tracks: a life
span as a thin line and postings as pale bars behind that person's events.
"""

from __future__ import annotations

from collections.abc import Sequence

import pyqtgraph as pg
from PySide6 import QtCore, QtGui

from maisky_desktop.core.era_rows import NameBox, NamedSpan, assign_rows, name_boxes
from maisky_desktop.core.layout import CONTEXT_BEFORE
from maisky_desktop.core.person_lanes import Track
from maisky_desktop.core.viewport import Era
from maisky_desktop.ui.timeline import style


class BackdropItem(pg.GraphicsObject):
    """Stripes, context, eras and person tracks; drawn once per frame, few calls."""

    def __init__(self, n_lanes: int, eras: Sequence[Era] = ()) -> None:
        super().__init__()
        self.font = style.ui_font(8.5, bold=True)
        self.small = style.ui_font(8.0)
        self.tracks: list[Track] = []
        self.track_colours: list[QtGui.QColor] = []
        self.placed_names: list[NameBox] = []  # the last frame's era names, device pixels from the view's left
        self.set_eras(eras)
        self.set_lanes(n_lanes)

    def set_lanes(self, n_lanes: int, tracks: Sequence[Track] = (), colours: Sequence[str] = ()) -> None:
        self.prepareGeometryChange()
        self.n_lanes = n_lanes
        self.tracks = list(tracks)
        self.track_colours = [QtGui.QColor(c) for c in colours]
        self.update()

    def set_eras(self, eras: Sequence[Era]) -> None:
        """Eras and the context band get header rows once, by time: a name keeps its row at any zoom."""
        self.prepareGeometryChange()
        self.eras = sorted(eras, key=lambda e: e.x0)
        self.spans = [NamedSpan(e.name, e.x0, e.x1) for e in self.eras]
        self.spans.append(NamedSpan(f"Before {CONTEXT_BEFORE:.0f}: context", -1.0e4, CONTEXT_BEFORE))
        self.rows = assign_rows(self.spans)
        self.band = (max(self.rows) + 1) * style.ERA_ROW
        self.update()

    def boundingRect(self) -> QtCore.QRectF:
        return QtCore.QRectF(-1.0e4, -self.band, 2.0e4, self.n_lanes + self.band)

    def paint(self, painter: QtGui.QPainter, *_args) -> None:
        vb = self.getViewBox()
        if vb is None:
            return
        (left, right), _ = vb.viewRange()
        painter.setPen(QtCore.Qt.PenStyle.NoPen)
        # lane stripes: every other lane a shade darker, so a row reads across the screen
        painter.setBrush(QtGui.QColor(style.STRIPE))
        painter.drawRects([QtCore.QRectF(left, lane, right - left, 1.0) for lane in range(1, self.n_lanes, 2)])
        for i, era in enumerate(self.eras):
            if era.x1 < left or era.x0 > right:
                continue
            tint = QtGui.QColor(style.ERA_TINTS[i % 2])
            tint.setAlpha(110)
            painter.setBrush(tint)
            painter.drawRect(QtCore.QRectF(era.x0, 0.0, era.x1 - era.x0, self.n_lanes))
            row = self.rows[i]  # and its own row of the header, so the row shows where it begins and ends
            painter.drawRect(QtCore.QRectF(era.x0, -self.band + row * style.ERA_ROW, era.x1 - era.x0, style.ERA_ROW))
        if left < CONTEXT_BEFORE:  # the years before the revolution: greyed and hatched, as context
            x0 = max(left, -1.0e4)
            ctx = QtCore.QRectF(x0, -self.band, CONTEXT_BEFORE - x0, self.n_lanes + self.band)
            painter.setBrush(QtGui.QColor(120, 120, 120, 20))
            painter.drawRect(ctx)
            painter.setBrush(QtGui.QBrush(QtGui.QColor(0, 0, 0, 16), QtCore.Qt.BrushStyle.BDiagPattern))
            painter.drawRect(ctx)
        self._paint_tracks(painter, left, right)
        self._paint_names(painter, left, right)

    def _paint_tracks(self, painter: QtGui.QPainter, left: float, right: float) -> None:
        if not self.tracks:
            return
        py = 1.0 / max(abs(painter.transform().m22()), 1e-9)
        for tr in self.tracks:
            if tr.x1 < left or tr.x0 > right:
                continue
            colour = QtGui.QColor(
                self.track_colours[tr.lane] if tr.lane < len(self.track_colours) else style.OTHER_LANE
            )
            if tr.kind == "post":
                colour.setAlpha(45)
                painter.setBrush(colour)
                painter.drawRect(
                    QtCore.QRectF(tr.x0, tr.lane + style.BAR_TOP, tr.x1 - tr.x0, style.BAR_BOTTOM - style.BAR_TOP)
                )
            else:
                colour.setAlpha(200)
                painter.setBrush(colour)
                y = tr.lane + style.BAR_BOTTOM + 1.5 * py
                painter.drawRect(QtCore.QRectF(tr.x0, y, tr.x1 - tr.x0, 2.0 * py))

    def _paint_names(self, painter: QtGui.QPainter, left: float, right: float) -> None:
        """Era names in device pixels, each on its header row, inside the visible part of its era."""
        t = painter.transform()
        sx, dx, sy, dy = t.m11(), t.dx(), t.m22(), t.dy()
        metrics = QtGui.QFontMetricsF(self.font)
        widths = [metrics.horizontalAdvance(span.name) + 2 for span in self.spans]
        origin = left * sx + dx
        self.placed_names = name_boxes(self.spans, self.rows, left, right, (right - left) * sx, widths)
        painter.save()
        painter.resetTransform()
        pen = QtGui.QPen(QtGui.QColor(style.GRID))
        pen.setCosmetic(True)
        bottom = self.n_lanes * sy + dy
        for span, row in zip(self.spans, self.rows):  # a rule where each era begins, from its row down
            if left < span.x0 < right:
                x = span.x0 * sx + dx
                painter.setPen(pen)
                painter.drawLine(
                    QtCore.QPointF(x, (-self.band + row * style.ERA_ROW) * sy + dy), QtCore.QPointF(x, bottom)
                )
        painter.setFont(self.font)
        painter.setPen(QtGui.QColor(style.MUTED_INK))
        for box in self.placed_names:
            top = (-self.band + box.row * style.ERA_ROW) * sy + dy
            text = metrics.elidedText(box.name, QtCore.Qt.TextElideMode.ElideRight, box.width)
            rect = QtCore.QRectF(origin + box.x, top, box.width, style.ERA_ROW * sy)
            painter.drawText(rect, QtCore.Qt.AlignmentFlag.AlignVCenter, text)
        painter.restore()

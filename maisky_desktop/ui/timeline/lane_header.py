"""Lane headers: a fixed column left of the lanes, so a lane's name stays visible while panning.

It is the plot's left axis (so pyqtgraph keeps it aligned with the lanes at any size) with
its own painting: a colour swatch matching the lane's marks and the name, wrapped on up to
two lines and elided beyond.
"""

from __future__ import annotations

from collections.abc import Sequence

import pyqtgraph as pg
from PySide6 import QtCore, QtGui, QtWidgets

from maisky_desktop.ui.timeline import style

WIDTH = 200
_WRAP = QtCore.Qt.TextFlag.TextWordWrap


def fit_name(metrics: QtGui.QFontMetricsF, name: str, width: float, lines: int) -> str:
    """The name as wrapped at word breaks into at most ``lines`` lines of ``width``, its last words elided if not.

    Measuring the name's length against ``width * lines`` ignored where the words break: "Terror and
    the Narkomindel purge" took three lines at a 150% text size, cut at the top and bottom of its lane.
    """

    def fits(text: str) -> bool:
        box = metrics.boundingRect(QtCore.QRectF(0, 0, width, 1e6), _WRAP, text)
        return box.height() <= lines * metrics.height() + 0.5 and box.width() <= width + 0.5

    if fits(name):
        return name
    words = name.split()
    while len(words) > 1:
        words.pop()
        text = " ".join(words) + "…"
        if fits(text):
            return text
    return metrics.elidedText(name, QtCore.Qt.TextElideMode.ElideRight, width)


class LaneHeader(pg.AxisItem):
    """Names and colours of the lanes, top to bottom."""

    def __init__(self) -> None:
        super().__init__(orientation="left")
        # Painted again only when the lanes or the vertical range change, not at each horizontal zoom or pan
        # frame (about 1 ms a frame at 1e5 events, wrapping and eliding each lane's name).
        self.setCacheMode(QtWidgets.QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setWidth(WIDTH)
        self.font = style.ui_font(9.0, bold=True)
        self.lanes: list[tuple[str, QtGui.QColor]] = []

    def set_lanes(self, names: Sequence[str], colours: Sequence[str]) -> None:
        self.lanes = [(n, QtGui.QColor(c)) for n, c in zip(names, colours)]
        self.update()

    def paint(self, painter: QtGui.QPainter, *_args) -> None:
        vb = self.linkedView()
        if vb is None:
            return
        rect = self.boundingRect()
        painter.fillRect(rect, QtGui.QColor(style.BACKGROUND))
        metrics = QtGui.QFontMetricsF(self.font)
        painter.setFont(self.font)
        flags = (
            QtCore.Qt.AlignmentFlag.AlignLeft | QtCore.Qt.AlignmentFlag.AlignVCenter | QtCore.Qt.TextFlag.TextWordWrap
        )
        for lane, (name, colour) in enumerate(self.lanes):
            top = self.mapFromScene(vb.mapViewToScene(QtCore.QPointF(0, lane))).y()
            bottom = self.mapFromScene(vb.mapViewToScene(QtCore.QPointF(0, lane + 1))).y()
            if bottom < rect.top() or top > rect.bottom():
                continue
            if lane % 2:
                painter.fillRect(
                    QtCore.QRectF(rect.left(), top, rect.width(), bottom - top), QtGui.QColor(style.STRIPE)
                )
            band = QtCore.QRectF(rect.right() - 6, top + (bottom - top) * style.BAR_TOP, 4, (bottom - top) * 0.76)
            painter.fillRect(band, colour)
            text_rect = QtCore.QRectF(rect.left() + 10, top + 2, rect.width() - 24, bottom - top - 4)
            lines = max(1, min(2, int(text_rect.height() // metrics.height())))
            painter.setPen(QtGui.QColor(style.INK))
            painter.drawText(text_rect, flags, fit_name(metrics, name, text_rect.width(), lines))

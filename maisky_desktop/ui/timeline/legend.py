"""The legend: what each kind of mark on the timeline says about its date.

A small panel over the plot, toggled from the timeline's toolbar. Each row draws a sample with
the same colours, alphas and pens the marks use (``style``), so the legend cannot drift from
what it explains.
"""

from __future__ import annotations

from PySide6 import QtCore, QtGui, QtWidgets

from maisky_desktop.ui.timeline import style

SAMPLE_W, ROW_H = 46, 24

ENTRIES = (
    ("day", "A single day"),
    ("interval", "A span the sources date from start to end"),
    ("soft", "A span whose ends are known only to the month or year"),
    ("vague", "Known only to the month, season, year or decade: some time within, not all of it"),
    ("circa", "An approximate date (“about 1917”)"),
    ("open", "Open-ended: “after 1933” (or “by 1924”, fading the other way)"),
    ("context", "Before 1917: context for what follows"),
    ("count", "Events too close together to name: click to list them or zoom in"),
)


def draw_sample(painter: QtGui.QPainter, kind: str, rect: QtCore.QRectF, colour: QtGui.QColor) -> None:
    """Draw one kind of mark into ``rect`` as the timeline draws it."""
    band = QtCore.QRectF(rect.left(), rect.center().y() - 6, rect.width(), 12)
    painter.save()
    painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, True)
    painter.setPen(QtCore.Qt.PenStyle.NoPen)
    c = QtGui.QColor(colour)
    if kind == "day":
        painter.setPen(QtGui.QPen(QtGui.QColor(style.BACKGROUND), 1.5))
        painter.setBrush(c)
        painter.drawEllipse(QtCore.QRectF(rect.center().x() - 5, rect.center().y() - 5, 10, 10))
    elif kind in ("interval", "soft", "context"):
        fill = style.muted(c) if kind == "context" else QtGui.QColor(c)
        fill.setAlpha(95 if kind == "soft" else 235)
        painter.fillRect(band, fill)
        if kind == "soft":
            painter.fillRect(QtCore.QRectF(band.left(), band.top(), band.width(), 2), c)
    elif kind == "vague":
        fill = QtGui.QColor(c)
        fill.setAlpha(style.VAGUE_FILL_ALPHA)
        painter.setBrush(fill)
        painter.setPen(style.vague_pen(c))
        painter.drawRect(band)
    elif kind in ("circa", "open"):
        grad = QtGui.QLinearGradient(band.left(), 0, band.right(), 0)
        stops = ((0.0, 0), (0.3, 170), (0.7, 170), (1.0, 0)) if kind == "circa" else ((0.0, 235), (0.45, 235))
        for at, alpha in stops:
            c.setAlpha(alpha)
            grad.setColorAt(at, c)
        if kind == "open":
            c.setAlpha(0)
            grad.setColorAt(1.0, c)
        painter.fillRect(band, grad)
    elif kind == "count":
        tint = QtGui.QColor(c)
        tint.setAlpha(40)
        painter.setBrush(tint)
        painter.drawRoundedRect(band.adjusted(0, -2, 0, 2), 4, 4)
        painter.setPen(QtGui.QColor(style.INK))
        painter.setFont(style.ui_font(8.0, bold=True))
        painter.drawText(band.adjusted(6, -2, 0, 2), QtCore.Qt.AlignmentFlag.AlignVCenter, "12")
    painter.restore()


class Legend(QtWidgets.QFrame):
    """A panel listing each kind of mark with a sample; ``entries`` are (kind, words)."""

    def __init__(self, parent: QtWidgets.QWidget | None = None, colour: str = "#3b6fb5") -> None:
        super().__init__(parent)
        self.setObjectName("timeline-legend")
        self.colour = QtGui.QColor(colour)
        self.setFrameShape(QtWidgets.QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setStyleSheet(f"#timeline-legend {{ background: {style.BACKGROUND}; border: 1px solid {style.GRID}; }}")
        self.font_ = style.ui_font(8.5)
        metrics = QtGui.QFontMetrics(self.font_)
        text_w = max(metrics.horizontalAdvance(words) for _, words in ENTRIES)
        self.title_h = metrics.height() + 8
        self.setFixedSize(SAMPLE_W + text_w + 28, self.title_h + ROW_H * len(ENTRIES) + 10)

    def paintEvent(self, event: QtGui.QPaintEvent) -> None:
        super().paintEvent(event)
        painter = QtGui.QPainter(self)
        painter.setFont(style.ui_font(8.5, bold=True))
        painter.setPen(QtGui.QColor(style.INK))
        painter.drawText(QtCore.QRectF(10, 4, self.width() - 20, self.title_h), "What the marks say")
        painter.setFont(self.font_)
        for n, (kind, words) in enumerate(ENTRIES):
            top = self.title_h + 4 + n * ROW_H
            draw_sample(painter, kind, QtCore.QRectF(10, top, SAMPLE_W - 8, ROW_H), self.colour)
            painter.setPen(QtGui.QColor(style.INK))
            painter.drawText(
                QtCore.QRectF(10 + SAMPLE_W, top, self.width() - SAMPLE_W - 20, ROW_H),
                QtCore.Qt.AlignmentFlag.AlignVCenter,
                words,
            )
        painter.end()

"""Event titles in each lane's text row, placed by ``core.labels`` and drawn in screen pixels.

One item draws every label with ``drawText`` (no item per label): titles of the events in
view are measured once and cached, the pure placement decides boxes, this item elides and
draws. With too many events in view for titles, aligned blocks show counts instead.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtGui

from maisky_desktop.core import labels, stacking
from maisky_desktop.core.density import block_edges
from maisky_desktop.core.layout import CONTEXT_BEFORE
from maisky_desktop.ui.timeline import style
from maisky_desktop.ui.timeline.events_item import EventsItem

_MIN_ROW_PX = 13.0  # below this the text row is too short to read: no labels
_EDGE_PX = 4.0  # a title of a mark that began off-screen starts this far inside the view


class LabelsItem(pg.GraphicsObject):
    """Titles where there is room, elided when long, counts where marks crowd."""

    def __init__(self, events: EventsItem) -> None:
        super().__init__()
        self.events = events
        self.font = style.ui_font(9.0)
        self.count_font = style.ui_font(8.0, bold=True)
        self.metrics = QtGui.QFontMetricsF(self.font)
        self.count_metrics = QtGui.QFontMetricsF(self.count_font)
        self._count_texts: dict[int, QtGui.QStaticText] = {}
        self.placed: list[tuple[labels.Label, QtCore.QRectF]] = []  # the last frame's boxes, device pixels
        self.selected_title: tuple[str, QtCore.QRectF] | None = None  # the last frame's whole selected title
        self.reset()
        events.measure = self._measure

    def reset(self) -> None:
        """Forget measured widths (after a layout change)."""
        self._widths = np.full(len(self.events.layout.ids), -1.0)
        self.prepareGeometryChange()
        self.update()

    def boundingRect(self) -> QtCore.QRectF:
        return self.events.boundingRect()

    def _measure(self, idx: np.ndarray) -> np.ndarray:
        """Title widths; a big store's title not read yet counts as TITLE_ROOM until it arrives."""
        lay = self.events.layout
        todo = idx[self._widths[idx] < 0]
        todo = todo[lay.titles_ready(todo)]  # never a read on the paint path
        if len(todo):
            advance = self.metrics.horizontalAdvance
            self._widths[todo] = [advance(lay.title(i)) + 2.0 for i in todo.tolist()]
        widths = self._widths[idx]
        return np.where(widths < 0, stacking.TITLE_ROOM, widths)

    def paint(self, painter: QtGui.QPainter, *_args) -> None:
        self.placed = []
        self.selected_title = None
        vb = self.events.getViewBox()
        if vb is None:
            return
        (left, right), _ = vb.viewRange()
        t = painter.transform()
        sx, dx, sy, dy = t.m11(), t.dx(), t.m22(), t.dy()
        self.events.stack_view()
        row_px = (style.TEXT_BOTTOM - style.TEXT_TOP) / self.events.k * sy
        if row_px < _MIN_ROW_PX or right <= left:
            return
        view_w = (right - left) * sx
        origin = left * sx + dx  # device x of the view's left edge
        if self.events.is_coarse(left, right):
            boxes = self._count_blocks(left, right, sx, view_w)
        else:
            boxes = self._titles(left, right, sx, view_w)
        painter.save()
        painter.resetTransform()
        self._draw(painter, boxes, origin, sy, dy, row_px)
        self._draw_selected(painter, left, right, sx, origin, sy, dy, row_px, view_w)
        painter.restore()

    def _draw_selected(self, painter, left: float, right: float, sx: float, origin: float, sy, dy, row_px, view_w):
        """The selected event's title whole, over its neighbours: the reader must see what they chose.

        Elided labels and counts leave a selected title cut or hidden at a laptop's width; this
        draws it once more on an opaque ground in its own text row, shifted left when it would
        run past the view's right edge, and elided only if it is wider than the whole view.
        """
        i = self.events.selected
        lay = self.events.layout
        if i is None or i < 0 or lay.x1[i] < left or lay.x0[i] > right:
            return
        if not lay.titles_ready(np.array([i]))[0]:
            return
        text = lay.title(i)
        width = min(self.metrics.horizontalAdvance(text) + 8.0, view_w)
        x = min(max((lay.x0[i] - left) * sx, _EDGE_PX), max(view_w - width, 0.0))
        top = self.events.band_top(int(lay.lane[i]), int(self.events.row[i]), style.TEXT_TOP) * sy + dy
        rect = QtCore.QRectF(origin + x, top, width, min(row_px, self.metrics.height() + 4))
        if width >= view_w:
            text = self.metrics.elidedText(text, QtCore.Qt.TextElideMode.ElideRight, width - 8.0)
        halo = QtGui.QColor(style.SELECT_HALO)
        painter.setPen(halo)
        painter.setBrush(QtGui.QColor(style.BACKGROUND))
        painter.drawRoundedRect(rect, 3, 3)
        halo.setAlpha(70)
        painter.fillRect(rect.adjusted(1, 1, -1, -1), halo)
        painter.setFont(self.font)
        painter.setPen(QtGui.QColor(style.INK))
        align = QtCore.Qt.AlignmentFlag.AlignLeft | QtCore.Qt.AlignmentFlag.AlignVCenter
        painter.drawText(rect.adjusted(4, 0, 0, 0), align, text)
        self.selected_title = (text, rect)

    def _titles(self, left: float, right: float, sx: float, view_w: float) -> list[labels.Label]:
        lay = self.events.layout
        idx = self.events.in_view(left, right)
        idx = idx[lay.titles_ready(idx)]  # a big store's titles arrive off the paint path
        if not len(idx):
            return []
        starts = np.maximum((lay.x0[idx] - left) * sx, _EDGE_PX)
        tracks = lay.lane[idx].astype(np.int64) * stacking.MAX_ROWS + self.events.row[idx]
        boxes = labels.place(tracks, starts, self._measure(idx), idx, view_w)
        rows = stacking.MAX_ROWS  # the track back to lane and row; built directly, as dataclasses.replace costs
        return [  # about 0.3 ms a frame at a hundred titles
            labels.Label(
                lane=b.lane // rows,
                x=b.x,
                width=b.width,
                index=b.index,
                count=b.count,
                elided=b.elided,
                members=b.members,
                row=b.lane % rows,
            )
            for b in boxes
        ]

    def _count_blocks(self, left: float, right: float, sx: float, view_w: float) -> list[labels.Label]:
        edges = block_edges(left, right, labels.CLUSTER_W * 1.4 / sx)
        counts = self.events.grid().counts(edges)
        return labels.block_counts(counts, (edges - left) * sx, view_w)

    def _draw(self, painter: QtGui.QPainter, boxes: list[labels.Label], origin: float, sy: float, dy: float, row_px):
        """Counts then titles (boxes never overlap, so the order changes nothing on screen), each in one pass
        with the painter's state set once: this runs every frame of a zoom over up to hundreds of boxes."""
        text_h = min(row_px, self.metrics.height() + 4)
        k = self.events.k
        titles: list[tuple[labels.Label, QtCore.QRectF]] = []
        counts: list[tuple[labels.Label, QtCore.QRectF]] = []
        for box in boxes:
            top = (box.lane + (box.row + style.TEXT_TOP) / k) * sy + dy  # ``band_top`` inline: per box, per frame
            rect = QtCore.QRectF(origin + box.x, top, box.width, text_h)
            self.placed.append((box, rect))
            (titles if box.index >= 0 else counts).append((box, rect))
        if counts:
            self._draw_counts(painter, counts, text_h)
        if titles:
            self._draw_titles(painter, titles, text_h)

    def _draw_counts(self, painter: QtGui.QPainter, counts: list[tuple[labels.Label, QtCore.QRectF]], text_h: float):
        """Each count's tinted box, lane by lane (one brush a lane), then the numbers from cached static texts."""
        colours = self.events._colours
        painter.setPen(QtCore.Qt.PenStyle.NoPen)
        lane = None
        for box, rect in sorted(counts, key=lambda c: c[0].lane):
            if box.lane != lane:
                lane = box.lane
                tint = QtGui.QColor(colours[min(lane, len(colours) - 1)])
                tint.setAlpha(40)
                painter.setBrush(tint)
            painter.drawRoundedRect(rect.adjusted(0, 1, 0, -1), 4, 4)
        painter.setFont(self.count_font)
        painter.setPen(QtGui.QColor(style.INK))
        down = (text_h - self.count_metrics.height()) / 2  # as AlignVCenter puts one line in the box
        for box, rect in counts:
            painter.drawStaticText(QtCore.QPointF(rect.x() + 6, rect.y() + down), self._count_text(box.count))

    def _count_text(self, n: int) -> QtGui.QStaticText:
        """A count's number laid out once (counts repeat from frame to frame); the cache is bounded."""
        text = self._count_texts.get(n)
        if text is None:
            if len(self._count_texts) > 2048:
                self._count_texts.clear()
            text = QtGui.QStaticText(labels.count_text(n))
            text.setTextFormat(QtCore.Qt.TextFormat.PlainText)
            text.prepare(QtGui.QTransform(), self.count_font)
            self._count_texts[n] = text
        return text

    def _draw_titles(self, painter: QtGui.QPainter, titles: list[tuple[labels.Label, QtCore.QRectF]], text_h: float):
        """Titles drawn at their baseline (a point, not a rect to lay out in): the same place AlignVCenter gives."""
        lay = self.events.layout
        ink, muted = QtGui.QColor(style.INK), QtGui.QColor(style.MUTED_INK)
        index = np.fromiter((box.index for box, _ in titles), dtype=np.int64, count=len(titles))
        current = (lay.x1[index] > CONTEXT_BEFORE).tolist()  # the context before the study's span is muted
        selected = self.events.selected
        down = (text_h - self.metrics.height()) / 2 + self.metrics.ascent()
        elide = self.metrics.elidedText
        painter.setFont(self.font)
        pen = None
        for (box, rect), now in zip(titles, current):
            text = lay.title(box.index)
            if box.elided:
                text = elide(text, QtCore.Qt.TextElideMode.ElideRight, box.width)
            if box.index == selected:
                halo = QtGui.QColor(style.SELECT_HALO)
                halo.setAlpha(70)
                painter.fillRect(rect, halo)
            if now != pen:
                pen = now
                painter.setPen(ink if now else muted)
            painter.drawText(QtCore.QPointF(rect.x(), rect.y() + down), text)

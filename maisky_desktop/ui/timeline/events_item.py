"""The graphics item that draws every event mark, fast at any zoom.

Two levels of detail, chosen per frame from a binary search (``Layout.count_visible``):
- detail: only the events in view are touched; marks are batched per lane and style
  into one ``drawRects`` call each (single days as round markers while they are few);
- density: with more than ``DETAIL_LIMIT`` events in view, each lane is one image row
  whose pixel columns are shaded by how many events overlap them (``core.density``), so
  the frame costs lanes x columns whatever the number of events.
The selection is drawn on top at both levels. At the detail level, overlapping events of a
lane are stacked into sub-rows while the lane is tall enough (``core.stacking``); ``row`` and
``k`` hold the stacking of the current view for the labels, the selection and picking.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtGui

from maisky_desktop.core import stacking
from maisky_desktop.core.density import DensityGrid, column_edges, depth_runs, layered_alpha, union_spans
from maisky_desktop.core.layout import CONTEXT_BEFORE, Layout
from maisky_desktop.ui.timeline import style

LANE_HEIGHT = 1.0
# A mark's shape says what the date says; its tone says how it stands in the view.
_HARD, _SOFT, _VAGUE = range(3)  # a known span or day; a span with coarse bounds; "some time within"
_NORMAL, _CONTEXT, _DIM = range(3)  # in the period of study; pre-1917 context; not emphasised
_MERGE_ABOVE = 200  # a lane's bars of one style are merged into their union beyond this many
_RUNS_ABOVE = 16  # below this many, cutting bars into runs costs more than the few pixels blended twice
_ALPHA = {_HARD: 235, _SOFT: 95, _VAGUE: style.VAGUE_FILL_ALPHA}
OPEN_TAIL_PX = 36  # screen length of the fading tail on a date's open side


class EventsItem(pg.GraphicsObject):
    """Draws events as bars (intervals) and markers (single days) in their lanes."""

    def __init__(self, layout: Layout, colours: list[str]) -> None:
        super().__init__()
        self.selected: int | None = None
        self.shown: np.ndarray | None = None  # boolean mask of events a filter leaves, None: all
        self.emphasis: np.ndarray | None = None  # events to stand out (the rest dimmed), None: all equal
        self._grid: DensityGrid | None = None
        # title widths in pixels for event indices (set by the labels item)
        self.measure: Callable[[np.ndarray], np.ndarray] | None = None
        self.k = 1  # sub-rows per lane in the current view
        self._stack_key: tuple | None = None
        self.set_layout(layout, colours)

    # -- model -------------------------------------------------------------------------
    def set_layout(self, layout: Layout, colours: list[str]) -> None:
        """New lanes for the same or other events; the density grid is rebuilt lazily."""
        self.prepareGeometryChange()
        self.layout = layout
        base = [QtGui.QColor(c) for c in colours]
        base += [QtGui.QColor(style.OTHER_LANE)] * max(layout.lanes - len(base), 1)
        self._brushes: list[dict[tuple[int, int], QtGui.QColor]] = []
        self._pens: list[dict[int, QtGui.QPen]] = []
        for c in base:
            tones = {_NORMAL: QtGui.QColor(c), _CONTEXT: style.muted(c), _DIM: style.muted(c, 0.8)}
            brushes, pens = {}, {}
            for tone, colour in tones.items():
                for shape, alpha in _ALPHA.items():
                    brush = QtGui.QColor(colour)
                    brush.setAlpha(alpha if tone != _DIM else alpha // 3)
                    brushes[(shape, tone)] = brush
                pens[tone] = style.vague_pen(colour, faint=tone == _DIM)
            self._brushes.append(brushes)
            self._pens.append(pens)
        self._colours = base
        self._sprites: dict[tuple[int, int], QtGui.QPixmap] = {}
        self._grid = None
        self.row = np.zeros(len(layout.ids), dtype=np.int32)
        self._stack_key = None
        n = len(layout.ids)  # masks and the selection of other events would be read past their end by paint
        self.shown = self.shown if self.shown is not None and len(self.shown) == n else None
        self.emphasis = self.emphasis if self.emphasis is not None and len(self.emphasis) == n else None
        self.selected = self.selected if self.selected is not None and self.selected < n else None
        x0, x1 = layout.extent()
        self._bounds = QtCore.QRectF(x0, 0.0, max(x1 - x0, 1.0), layout.lanes * LANE_HEIGHT)
        self.update()

    def boundingRect(self) -> QtCore.QRectF:
        return self._bounds

    def set_filter(self, indices: set[int] | None) -> None:
        if indices is None:
            self.shown = None
        else:
            self.shown = np.zeros(len(self.layout.ids), dtype=bool)
            self.shown[list(indices)] = True
        self._grid = None
        self._stack_key = None
        self.update()

    def set_emphasis(self, indices: set[int] | None) -> None:
        if indices is None:
            self.emphasis = None
        else:
            self.emphasis = np.zeros(len(self.layout.ids), dtype=bool)
            self.emphasis[list(indices)] = True
        self.update()

    def set_selected(self, index: int | None) -> None:
        self.selected = index
        self.update()

    def grid(self) -> DensityGrid:
        """Per-lane day counts under the current filter (built on first coarse frame)."""
        if self._grid is None:
            self._grid = DensityGrid(self.layout, self.shown)
        return self._grid

    def in_view(self, left: float, right: float) -> np.ndarray:
        idx = self.layout.visible(left, right)
        return idx if self.shown is None else idx[self.shown[idx]]

    def is_coarse(self, left: float, right: float) -> bool:
        """Too many events in view to draw one by one: the binary-search bound first, the exact count if needed."""
        if self.layout.count_visible(left, right) <= style.DETAIL_LIMIT:
            return False
        return int(self.grid().total(left, right).sum()) > style.DETAIL_LIMIT

    # -- stacking ------------------------------------------------------------------------
    def stack_view(self) -> None:
        """Sub-rows for the events in the current view (cached until the view or the filter changes)."""
        vb = self.getViewBox()
        if vb is None or not len(self.layout.ids):
            return
        (left, right), (top, bottom) = vb.viewRange()
        width, height = max(vb.width(), 1.0), max(vb.height(), 1.0)
        key = (left, right, top, bottom, width, height, id(self.layout), self.layout.text_version)
        if key == self._stack_key:
            return
        self._stack_key = key
        self.row = np.zeros(len(self.layout.ids), dtype=np.int32)
        self.k = 1 if self.is_coarse(left, right) else stacking.rows_for(height / max(bottom - top, 1e-9))
        if self.k == 1:
            return
        px = (right - left) / width
        idx = self.in_view(left - 8 * px, right + 8 * px)
        lay = self.layout
        starts = (lay.x0[idx] - left) / px
        ends = np.maximum((lay.x1[idx] - left) / px, starts + style.POINT_PX)
        widths = self.measure(idx) if self.measure is not None else np.full(len(idx), stacking.TITLE_ROOM)
        self.row[idx] = stacking.stack(lay.lane[idx], starts, ends, widths, self.k)

    def band_top(self, lanes: np.ndarray | int, rows: np.ndarray | int, frac: float = style.BAR_TOP):
        """The y (lane units) of a fraction of a sub-row: its marks band at BAR_TOP, its text at TEXT_TOP."""
        return lanes + (rows + frac) / self.k

    # -- drawing -------------------------------------------------------------------------
    def paint(self, painter: QtGui.QPainter, *_args) -> None:
        vb = self.getViewBox()
        if vb is None or not len(self.layout.ids):
            return
        self.stack_view()
        (left, right), _ = vb.viewRange()
        width_px = max(int(vb.width()), 1)
        px = (right - left) / width_px
        py = 1.0 / max(abs(painter.transform().m22()), 1e-9)
        painter.setPen(QtCore.Qt.PenStyle.NoPen)
        if self.is_coarse(left, right):
            self._paint_density(painter, left, right, width_px)
        else:
            self._paint_marks(painter, self.in_view(left - 8 * px, right + 8 * px), left, right, px, py)
        if self.selected is not None:
            self._paint_selection(painter, self.selected, px, py)

    def _paint_density(self, painter: QtGui.QPainter, left: float, right: float, width_px: int) -> None:
        counts = self.grid().counts(column_edges(left, right, width_px))
        alpha = (255 * (1 - np.exp(-counts / 3.0))).astype(np.uint32)
        rgb = np.array([[c.red(), c.green(), c.blue()] for c in self._colours[: counts.shape[0]]], dtype=np.uint32)
        r = rgb[:, 0:1] * alpha // 255
        g = rgb[:, 1:2] * alpha // 255
        b = rgb[:, 2:3] * alpha // 255
        pixels = np.ascontiguousarray((alpha << 24) | (r << 16) | (g << 8) | b)
        image = QtGui.QImage(
            pixels.data, width_px, counts.shape[0], 4 * width_px, QtGui.QImage.Format.Format_ARGB32_Premultiplied
        )
        height = style.BAR_BOTTOM - style.BAR_TOP
        for lane in np.flatnonzero(counts.any(axis=1)).tolist():
            target = QtCore.QRectF(left, lane + style.BAR_TOP, right - left, height)
            painter.drawImage(target, image, QtCore.QRectF(0, lane, width_px, 1))

    def _styles(self, idx: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(shape, tone) of each mark: the date's kind, and context or dimmed."""
        lay = self.layout
        shape = np.where(lay.within[idx], _VAGUE, np.where(lay.soft[idx], _SOFT, _HARD))
        tone = np.full(len(idx), _NORMAL)
        tone[lay.x1[idx] <= CONTEXT_BEFORE] = _CONTEXT
        if self.emphasis is not None:
            tone[~self.emphasis[idx]] = _DIM
        return shape, tone

    def _paint_marks(self, painter, idx: np.ndarray, left: float, right: float, px: float, py: float) -> None:
        if not len(idx):
            return
        lay = self.layout
        circa = lay.circa[idx]
        point = lay.point[idx]
        round_marks = point & ~circa & (int(point.sum()) <= style.MAX_CIRCLES)
        circles, bars = idx[round_marks], idx[~circa & ~round_marks]
        self._paint_bars(painter, bars, left, right, px, py)
        self._paint_circa(painter, idx[circa], px)
        self._paint_open_sides(painter, idx, px)
        self._paint_points(painter, circles, px, py)

    def _bar_extent(self, idx: np.ndarray, left: float, right: float, px: float) -> tuple[np.ndarray, np.ndarray]:
        lay = self.layout
        x0, x1 = lay.x0[idx], lay.x1[idx]
        short = (x1 - x0) < style.MIN_BAR_PX * px
        mid = (x0 + x1) / 2
        pointish = lay.point[idx]
        half = np.where(pointish, 2.0 * px, style.MIN_BAR_PX * px / 2)
        x0 = np.where(short | pointish, mid - half, x0)
        x1 = np.where(short | pointish, mid + half, x1)
        return np.maximum(x0, left - 4 * px), np.minimum(x1, right + 4 * px)

    def _paint_bars(self, painter, idx: np.ndarray, left: float, right: float, px: float, py: float) -> None:
        if not len(idx):
            return
        lay = self.layout
        x0, x1 = self._bar_extent(idx, left, right, px)
        lanes = lay.lane[idx]
        rows = self.row[idx]
        shapes, tones = self._styles(idx)
        vague_min = style.VAGUE_MIN_PX * px  # "some time in" stays a visible box, however short
        mid = (x0 + x1) / 2
        narrow = (shapes == _VAGUE) & (x1 - x0 < vague_min)
        x0 = np.where(narrow, mid - vague_min / 2, x0)
        x1 = np.where(narrow, mid + vague_min / 2, x1)
        key = ((lanes.astype(np.int64) * stacking.MAX_ROWS + rows) * 3 + shapes) * 3 + tones
        order = np.argsort(key, kind="stable")
        key, x0, x1, lanes, rows = key[order], x0[order], x1[order], lanes[order], rows[order]
        shapes, tones = shapes[order], tones[order]
        cuts = np.flatnonzero(np.diff(key)) + 1
        h = (style.BAR_BOTTOM - style.BAR_TOP) / self.k
        edge = 2.0 * py
        for a, b in zip(np.r_[0, cuts].tolist(), np.r_[cuts, len(key)].tolist()):
            lane, shape, tone = int(lanes[a]), int(shapes[a]), int(tones[a])
            y = float(self.band_top(lane, int(rows[a])))
            if b - a > _MERGE_ABOVE:  # hundreds of bars: their union, one layer
                s0, s1 = union_spans(x0[a:b], x1[a:b], px / 2)
                depth = np.ones(len(s0), dtype=np.int64)
            elif b - a <= _RUNS_ABOVE or shape == _VAGUE:  # a few bars, each its own layer; dotted boxes keep theirs
                s0, s1, depth = x0[a:b], x1[a:b], np.ones(b - a, dtype=np.int64)
            else:  # the overlaps as runs of equal depth, each pixel blended once (as many layers would blend it)
                s0, s1, depth = depth_runs(x0[a:b], x1[a:b])
            if shape == _VAGUE:  # a faint box with a dotted outline: somewhere in here, not all of it
                painter.setPen(self._pens[lane][tone])
                self._fill_runs(painter, s0, s1, depth, self._brushes[lane][(shape, tone)], y, h)
                painter.setPen(QtCore.Qt.PenStyle.NoPen)
                continue
            self._fill_runs(painter, s0, s1, depth, self._brushes[lane][(shape, tone)], y, h)
            if shape == _SOFT:  # a soft mark keeps a solid top edge: where it is, not how sure
                self._fill_runs(painter, s0, s1, depth, self._brushes[lane][(_HARD, tone)], y, edge)

    def _fill_runs(self, painter, s0: np.ndarray, s1: np.ndarray, depth: np.ndarray, colour: QtGui.QColor, y, h):
        """Runs ``[s0, s1)`` at ``depth`` layers of ``colour``: one fill per run, with the stacked layers' alpha."""
        if not len(depth) or int(depth.max()) == 1:  # single layers (most groups): no alphas to work out
            painter.setBrush(colour)
            painter.drawRects([QtCore.QRectF(x, y, w, h) for x, w in zip(s0.tolist(), (s1 - s0).tolist())])
            return
        alphas = layered_alpha(colour.alpha(), depth)
        for alpha in np.unique(alphas).tolist():
            pick = alphas == alpha
            brush = QtGui.QColor(colour)
            brush.setAlpha(alpha)
            painter.setBrush(brush)
            xs, ws = s0[pick].tolist(), (s1[pick] - s0[pick]).tolist()
            painter.drawRects([QtCore.QRectF(x, y, w, h) for x, w in zip(xs, ws)])

    def _paint_circa(self, painter, idx: np.ndarray, px: float) -> None:
        """Circa dates fade out at both ends: the source does not say where they begin or end."""
        lay = self.layout
        for i in idx[:200].tolist():
            lane = int(lay.lane[i])
            x0, x1 = float(lay.x0[i]), float(lay.x1[i])
            if x1 - x0 < 12 * px:
                mid = (x0 + x1) / 2
                x0, x1 = mid - 6 * px, mid + 6 * px
            colour = QtGui.QColor(
                self._colours[lane] if lay.x1[i] > CONTEXT_BEFORE else style.muted(self._colours[lane])
            )
            grad = QtGui.QLinearGradient(x0, 0, x1, 0)
            for at, alpha in ((0.0, 0), (0.3, 170), (0.7, 170), (1.0, 0)):
                colour.setAlpha(alpha)
                grad.setColorAt(at, colour)
            y = float(self.band_top(lane, int(self.row[i])))
            painter.fillRect(QtCore.QRectF(x0, y, x1 - x0, (style.BAR_BOTTOM - style.BAR_TOP) / self.k), grad)

    def open_side_rects(self, i: int, px: float) -> list[tuple[QtCore.QRectF, str]]:
        """The tails drawn beyond a mark on the side its date leaves open: (rect, "left" or "right")."""
        lay = self.layout
        left, right = lay.opens
        y, h = float(self.band_top(int(lay.lane[i]), int(self.row[i]))), (style.BAR_BOTTOM - style.BAR_TOP) / self.k
        out = []
        if left[i]:
            out.append((QtCore.QRectF(float(lay.x0[i]) - OPEN_TAIL_PX * px, y, OPEN_TAIL_PX * px, h), "left"))
        if right[i]:
            out.append((QtCore.QRectF(float(lay.x1[i]), y, OPEN_TAIL_PX * px, h), "right"))
        return out

    def _paint_open_sides(self, painter, idx: np.ndarray, px: float) -> None:
        """An open side fades out from the stated bound: the text gives one end, not the other."""
        left, right = self.layout.opens
        for i in idx[(left | right)[idx]][:200].tolist():
            colour = QtGui.QColor(self._colours[int(self.layout.lane[i])])
            for rect, side in self.open_side_rects(i, px):
                at_mark, away = (rect.right(), rect.left()) if side == "left" else (rect.left(), rect.right())
                grad = QtGui.QLinearGradient(at_mark, 0, away, 0)
                colour.setAlpha(150)
                grad.setColorAt(0.0, colour)
                colour.setAlpha(0)
                grad.setColorAt(1.0, colour)
                painter.fillRect(rect, grad)

    def _sprite(self, lane: int, tone: int) -> QtGui.QPixmap:
        """A single-day marker, rendered once per colour: a frame then blits it (no per-frame shapes)."""
        key = (lane, tone)
        sprite = self._sprites.get(key)
        if sprite is None:
            size = int(style.POINT_PX + 4)
            sprite = QtGui.QPixmap(size, size)
            sprite.fill(QtCore.Qt.GlobalColor.transparent)
            p = QtGui.QPainter(sprite)
            p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, True)
            pen = QtGui.QPen(QtGui.QColor(style.BACKGROUND))
            pen.setWidthF(1.5)
            p.setPen(pen)
            p.setBrush(self._brushes[lane][(_HARD, tone)])
            p.drawEllipse(QtCore.QRectF(2, 2, style.POINT_PX, style.POINT_PX))
            p.end()
            self._sprites[key] = sprite
        return sprite

    def _paint_points(self, painter, idx: np.ndarray, px: float, py: float) -> None:
        if not len(idx):
            return
        lay = self.layout
        t = painter.transform()
        half = style.POINT_PX / 2 + 2
        xs = ((lay.x0[idx] + lay.x1[idx]) / 2 * t.m11() + t.dx() - half).tolist()
        yc = (style.BAR_TOP + style.BAR_BOTTOM) / 2
        ys = (self.band_top(lay.lane[idx], self.row[idx], yc) * t.m22() + t.dy() - half).tolist()
        lanes = lay.lane[idx].tolist()
        kinds = self._styles(idx)[1].tolist()
        sprite = self._sprite
        painter.save()
        painter.resetTransform()
        for x, y, lane, kind in zip(xs, ys, lanes, kinds):
            painter.drawPixmap(QtCore.QPointF(x, y), sprite(lane, kind))
        painter.restore()

    def mark_rect(self, i: int, px: float, py: float) -> QtCore.QRectF:
        """Where event ``i`` is drawn, in data coordinates (for the selection and for tests)."""
        lay = self.layout
        x0, x1 = float(lay.x0[i]), float(lay.x1[i])
        self.stack_view()
        top = float(self.band_top(int(lay.lane[i]), int(self.row[i])))
        if lay.point[i] or x1 - x0 < style.POINT_PX * px:
            mid = (x0 + x1) / 2
            x0, x1 = mid - style.POINT_PX / 2 * px, mid + style.POINT_PX / 2 * px
        return QtCore.QRectF(x0, top, x1 - x0, (style.BAR_BOTTOM - style.BAR_TOP) / self.k)

    def _paint_selection(self, painter: QtGui.QPainter, index: int, px: float, py: float) -> None:
        rect = self.mark_rect(index, px, py).adjusted(-3 * px, -3 * py, 3 * px, 3 * py)
        painter.save()
        painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, True)
        painter.setBrush(QtCore.Qt.BrushStyle.NoBrush)
        for colour, width in ((style.SELECT_HALO, 5.0), (style.INK, 1.6)):
            pen = QtGui.QPen(QtGui.QColor(colour))
            pen.setCosmetic(True)
            pen.setWidthF(width)
            painter.setPen(pen)
            painter.drawRect(rect)
        painter.restore()

    # -- picking -------------------------------------------------------------------------
    def hit(self, x: float, y: float, px: float, slop_px: float = 2.0) -> int | None:
        """Index of the event drawn under data point (x, y): the closest mark, the shorter on a tie.

        ``slop_px``: how far beside a mark still counts (a finger needs more than a mouse).
        """
        self.stack_view()
        lane = int(np.floor(y / LANE_HEIGHT))
        row = int(np.floor((y - lane) * self.k))
        frac = (y - lane) * self.k - row
        if not (style.BAR_TOP - 0.06 <= frac <= style.BAR_BOTTOM + 0.06):
            return None
        tol = (style.POINT_PX / 2 + slop_px) * px
        idx = self.in_view(x - tol, x + tol)
        idx = idx[(self.layout.lane[idx] == lane) & (self.row[idx] == row)]
        if not len(idx):
            return None
        x0, x1 = self.layout.x0[idx], self.layout.x1[idx]
        mid = (x0 + x1) / 2
        half = np.maximum((x1 - x0) / 2, style.POINT_PX / 2 * px)
        dist = np.maximum(np.abs(x - mid) - half, 0.0)
        inside = dist <= slop_px * px
        if not inside.any():
            return None
        idx, dist, span = idx[inside], dist[inside], (x1 - x0)[inside]
        return int(idx[np.lexsort((span, dist))[0]])

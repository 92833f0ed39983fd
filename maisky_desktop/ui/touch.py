"""Touch on the timeline and the tour panel: tap, one-finger kinetic pan, pinch zoom, swipe.

``TouchNavigator`` takes the timeline viewport's touch events itself (so Qt does not turn
them into a mouse drag): one finger feeds a ``QScroller`` (kinetic scrolling: the view
keeps gliding after the finger leaves and slows down), two fingers zoom around their
centre by the change of their distance, and a short touch that barely moved is a tap,
which selects the event under it with a tolerance of a touch target's radius (the pane then
shows what a mouse hover only hints at). ``SwipeDetector`` turns a horizontal swipe on a
widget into next/previous.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6 import QtCore, QtGui, QtWidgets

from maisky_desktop.core import viewport

T = QtCore.QEvent.Type
Input = QtWidgets.QScroller.Input
TOUCH = (T.TouchBegin, T.TouchUpdate, T.TouchEnd, T.TouchCancel)


class TouchNavigator(QtCore.QObject):
    """Pan (kinetic), pinch and tap on a ``TimelineWidget``; ``target_px`` is the touch target size."""

    def __init__(self, timeline, target_px: float, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self.timeline = timeline
        self.target_px = target_px
        self.vp = timeline.plot.viewport()
        self.vp.setAttribute(QtCore.Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.vp.ungrabGesture(QtCore.Qt.GestureType.PinchGesture)  # pinch is read from the touch points here
        self.scroller = QtWidgets.QScroller.scroller(self.vp)
        props = self.scroller.scrollerProperties()
        props.setScrollMetric(QtWidgets.QScrollerProperties.ScrollMetric.HorizontalOvershootPolicy, 1)  # off
        props.setScrollMetric(QtWidgets.QScrollerProperties.ScrollMetric.VerticalOvershootPolicy, 1)
        self.scroller.setScrollerProperties(props)
        self._start: QtCore.QPointF | None = None
        self._moved = 0.0
        self._pinch: tuple[float, float] | None = None  # start distance, start width
        self._pinch_view: tuple[float, float] = (0.0, 1.0)
        self._years_per_px = 1.0
        self._span = 1.0
        self.vp.installEventFilter(self)

    def eventFilter(self, obj: QtCore.QObject, event: QtCore.QEvent) -> bool:
        if isinstance(event, QtGui.QTouchEvent) and event.type() in TOUCH:
            self._touch(event)
            event.accept()
            return True
        if isinstance(event, QtGui.QScrollPrepareEvent):
            self._prepare(event)
            return True
        if isinstance(event, QtGui.QScrollEvent):
            x = event.contentPos().x() + event.overshootDistance().x()
            left = self.timeline.bounds.lo + x * self._years_per_px
            self.timeline.set_view(left, left + self._span)
            return True
        return False

    def _prepare(self, event: QtGui.QScrollPrepareEvent) -> None:
        """Tell the scroller where the view is in a virtual strip of pixels from bounds.lo to bounds.hi."""
        left, right = self.timeline.view_range()
        b = self.timeline.bounds
        self._span = right - left
        self._years_per_px = self._span / max(self.vp.width(), 1)
        event.setViewportSize(QtCore.QSizeF(self.vp.size()))
        event.setContentPosRange(QtCore.QRectF(0, 0, max((b.hi - b.lo - self._span) / self._years_per_px, 0), 0))
        event.setContentPos(QtCore.QPointF((left - b.lo) / self._years_per_px, 0))
        event.accept()

    def _touch(self, event: QtGui.QTouchEvent) -> None:
        points = event.points()  # read once: each call builds new wrappers
        kind = event.type()
        if kind == T.TouchBegin:
            self._pinch = None
        if len(points) >= 2:
            if kind in (T.TouchEnd, T.TouchCancel):
                self._pinch = None
            else:
                self._pinch_step(points[0].position(), points[1].position())
            return
        p = points[0].position() if points else QtCore.QPointF()
        if kind == T.TouchBegin:
            self.timeline.setFocus(QtCore.Qt.FocusReason.OtherFocusReason)
            self._start, self._moved, self._pinch = p, 0.0, None
            self.scroller.handleInput(Input.InputPress, p, event.timestamp())
            return
        if self._pinch is not None:  # after a pinch, lifting one finger does not start a pan
            if kind in (T.TouchEnd, T.TouchCancel):
                self._pinch = None
            return
        if self._start is not None:
            self._moved = max(self._moved, math.dist((p.x(), p.y()), (self._start.x(), self._start.y())))
        if kind == T.TouchUpdate:
            self.scroller.handleInput(Input.InputMove, p, event.timestamp())
        elif kind == T.TouchEnd:
            self.scroller.handleInput(Input.InputRelease, p, event.timestamp())
            if self._moved < self.target_px / 2:
                self.tap(p)
        else:
            self.scroller.stop()

    def _pinch_step(self, a: QtCore.QPointF, b: QtCore.QPointF) -> None:
        distance = max(math.dist((a.x(), a.y()), (b.x(), b.y())), 1.0)
        if self._pinch is None:
            self.scroller.stop()
            self._pinch = (distance, 0.0)
            self._pinch_view = self.timeline.view_range()
            return
        left, right = self._pinch_view
        anchor = self.timeline._x_at((a.x() + b.x()) / 2)
        factor = self._pinch[0] / distance  # fingers apart: a narrower view
        self.timeline.set_view(*viewport.zoom(left, right, factor, anchor, self.timeline.bounds))

    def tap(self, pos: QtCore.QPointF) -> None:
        """Select the event under a finger: the closest mark within half a touch target."""
        scene = self.timeline.plot.mapToScene(pos.toPoint())
        vb = self.timeline.plot.getViewBox()
        if not vb.sceneBoundingRect().contains(scene):
            return
        point = vb.mapSceneToView(scene)
        px_x, px_y = vb.viewPixelSize()
        items = self.timeline.items
        best = None
        for dy in (0.0, -1.0, 1.0):  # the finger may land a little above or below the marks band
            y = point.y() + dy * self.target_px / 3 * px_y
            best = items.hit(point.x(), y, px_x, slop_px=self.target_px / 2)
            if best is not None:
                break
        if best is not None:
            self.timeline._select_index(best)


class SwipeDetector:
    """A horizontal one-finger swipe that starts on ``region`` calls ``on_next`` (leftwards) or ``on_previous``.

    It is fed the touch events of the whole window (``feed``), not installed on the region:
    accepting touch on the region would take taps away from the buttons inside it.
    """

    def __init__(
        self, region: QtWidgets.QWidget, on_next: Callable[[], None], on_previous: Callable[[], None], min_px: float
    ) -> None:
        self.region, self.on_next, self.on_previous, self.min_px = region, on_next, on_previous, min_px
        self._start: QtCore.QPointF | None = None

    def feed(self, event: QtGui.QTouchEvent) -> None:
        kind = event.type()
        points = event.points()  # read once: each call builds new wrappers
        if len(points) != 1:
            self._start = None
            return
        p = points[0].globalPosition()
        if kind == T.TouchBegin:
            inside = self.region.isVisible() and self.region.rect().contains(self.region.mapFromGlobal(p.toPoint()))
            self._start = p if inside else None
        elif kind == T.TouchEnd and self._start is not None:
            dx, dy = p.x() - self._start.x(), p.y() - self._start.y()
            self._start = None
            if abs(dx) >= self.min_px and abs(dx) > 2 * abs(dy):
                (self.on_next if dx < 0 else self.on_previous)()

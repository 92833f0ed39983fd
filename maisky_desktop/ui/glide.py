"""An animated, interruptible move of the timeline's view (tour stops, the attract loop).

Any press, wheel, touch, gesture or key on the timeline stops a running glide at once, so
a visitor's finger always wins over the animation.
"""

from __future__ import annotations

from PySide6 import QtCore

from maisky_desktop.core import glide

INTERRUPTING = {
    QtCore.QEvent.Type.MouseButtonPress,
    QtCore.QEvent.Type.Wheel,
    QtCore.QEvent.Type.TouchBegin,
    QtCore.QEvent.Type.Gesture,
    QtCore.QEvent.Type.KeyPress,
}


class Glide(QtCore.QObject):
    """Animates ``timeline.set_view`` from the current view to a target over ``duration`` ms."""

    finished = QtCore.Signal()

    def __init__(self, timeline, duration: int = 900, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self.timeline = timeline
        self.duration = duration
        self._start = self._end = (0.0, 1.0)
        self.anim = QtCore.QVariantAnimation(self)
        self.anim.setStartValue(0.0)
        self.anim.setEndValue(1.0)
        self.anim.setEasingCurve(QtCore.QEasingCurve.Type.InOutCubic)
        self.anim.valueChanged.connect(self._step)
        self.anim.finished.connect(self.finished)
        timeline.plot.viewport().installEventFilter(self)
        timeline.installEventFilter(self)

    def to_event(self, event_id: str) -> bool:
        """Glide so the event is framed in the middle; False if the timeline lacks it."""
        lay = self.timeline.layout_data
        i = lay.index_of(event_id)
        if i is None:
            return False
        self.to_view(*glide.frame(float(lay.x0[i]), float(lay.x1[i])))
        return True

    def to_view(self, left: float, right: float) -> None:
        self.anim.stop()
        self._start, self._end = self.timeline.view_range(), (left, right)
        if self.duration <= 0:
            self.timeline.set_view(left, right)
            self.finished.emit()
            return
        self.anim.setDuration(self.duration)
        self.anim.start()

    @property
    def running(self) -> bool:
        return self.anim.state() == QtCore.QAbstractAnimation.State.Running

    def stop(self) -> None:
        self.anim.stop()

    def _step(self, t: float) -> None:
        self.timeline.set_view(*glide.between(self._start, self._end, float(t)))

    def eventFilter(self, obj: QtCore.QObject, event: QtCore.QEvent) -> bool:
        if event.type() in INTERRUPTING and self.running:
            self.anim.stop()
        return False

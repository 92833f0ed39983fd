"""Input -> view moves: keys, double-click, pinch. The arithmetic is ``core.viewport``'s.

Mouse-wheel zoom around the cursor and drag-to-pan are the ViewBox's own (with the same
bounds set as its limits); one-finger touch pan arrives as a synthesised mouse drag.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6 import QtCore, QtGui, QtWidgets

from maisky_desktop.core import viewport
from maisky_desktop.core.viewport import Bounds, Era
from maisky_desktop.ui.actions import Act

ZOOM_STEP = 0.8  # one + key press shows 80% of the width
PAN_STEP = 0.15  # one arrow key press moves 15% of the width

Key = QtCore.Qt.Key
_KEYS = {
    Key.Key_Plus: Act.ZOOM_IN,
    Key.Key_Equal: Act.ZOOM_IN,
    Key.Key_Minus: Act.ZOOM_OUT,
    Key.Key_Underscore: Act.ZOOM_OUT,
    Key.Key_Left: Act.PAN_EARLIER,
    Key.Key_Right: Act.PAN_LATER,
    Key.Key_Home: Act.HOME,
    Key.Key_PageUp: Act.PREVIOUS_ERA,
    Key.Key_PageDown: Act.NEXT_ERA,
    Key.Key_Backtab: Act.PREVIOUS_EVENT,
    Key.Key_Tab: Act.NEXT_EVENT,
}


class Navigator(QtCore.QObject):
    """Turns key presses and gestures into calls of ``set_view(left, right)``.

    ``anchor_at(x)`` gives the axis position under a viewport pixel x (for pinch).
    """

    def __init__(
        self,
        get_view: Callable[[], tuple[float, float]],
        set_view: Callable[[float, float], None],
        bounds: Bounds,
        step_selection: Callable[[int], None],
        anchor_at: Callable[[float], float],
    ) -> None:
        super().__init__()
        self.get_view, self.set_view, self.anchor_at = get_view, set_view, anchor_at
        self.bounds = bounds
        self.eras: Sequence[Era] = ()
        self.step_selection = step_selection

    def _apply(self, view: tuple[float, float]) -> None:
        self.set_view(*view)

    def zoom(self, factor: float, anchor: float | None = None) -> None:
        left, right = self.get_view()
        at = (left + right) / 2 if anchor is None else anchor
        self._apply(viewport.zoom(left, right, factor, at, self.bounds))

    def act_for(self, event: QtGui.QKeyEvent) -> Act | None:
        """The timeline command a key press asks for (the same keys as the actions' shortcuts)."""
        k = event.key()
        if k == Key.Key_Tab and event.modifiers() & QtCore.Qt.KeyboardModifier.ShiftModifier:
            return Act.PREVIOUS_EVENT
        return _KEYS.get(k)  # type: ignore[call-overload]  # key() is an int, equal to its Qt.Key

    def run(self, act: Act) -> None:
        """Do a timeline command (its action was triggered: a key, a menu item, a shortcut)."""
        left, right = self.get_view()
        b = self.bounds
        if act is Act.ZOOM_IN:
            self.zoom(ZOOM_STEP)
        elif act is Act.ZOOM_OUT:
            self.zoom(1 / ZOOM_STEP)
        elif act is Act.PAN_EARLIER:
            self._apply(viewport.pan(left, right, -PAN_STEP, b))
        elif act is Act.PAN_LATER:
            self._apply(viewport.pan(left, right, PAN_STEP, b))
        elif act is Act.HOME:
            self._apply(viewport.clamp(*viewport.HOME, b))
        elif act is Act.PREVIOUS_ERA:
            self._apply(viewport.page(self.eras, left, right, -1, b))
        elif act is Act.NEXT_ERA:
            self._apply(viewport.page(self.eras, left, right, 1, b))
        elif act is Act.PREVIOUS_EVENT:
            self.step_selection(-1)
        elif act is Act.NEXT_EVENT:
            self.step_selection(1)

    def pinch(self, scale: float, anchor: float) -> None:
        """A pinch gesture step: fingers apart (scale > 1) zooms in around the fingers."""
        if scale > 0:
            self.zoom(1 / scale, anchor)

    def eventFilter(self, obj: QtCore.QObject, event: QtCore.QEvent) -> bool:
        """Pinch gestures on the plot's viewport."""
        if event.type() == QtCore.QEvent.Type.Gesture and isinstance(event, QtWidgets.QGestureEvent):
            gesture = event.gesture(QtCore.Qt.GestureType.PinchGesture)
            if isinstance(gesture, QtWidgets.QPinchGesture) and isinstance(obj, QtWidgets.QWidget):
                centre = obj.mapFromGlobal(gesture.centerPoint().toPoint())
                self.pinch(gesture.scaleFactor(), self.anchor_at(centre.x()))
                event.accept()
                return True
        return False

"""Helpers for the Qt tests: build the timeline or the window, map data points to pixels, send input."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from PySide6 import QtCore, QtGui, QtWidgets

from maisky_desktop.store.services import Services
from maisky_desktop.ui.main_window import MainWindow
from maisky_desktop.ui.timeline.widget import TimelineWidget


def show(qtbot, widget: TimelineWidget, size=(1280, 720)) -> TimelineWidget:
    qtbot.addWidget(widget)
    widget.resize(*size)
    widget.show()
    qtbot.waitExposed(widget)
    widget.plot.grab()  # one full paint: items know their geometry
    return widget


def to_viewport(widget: TimelineWidget, x: float, y: float) -> QtCore.QPoint:
    """The viewport pixel where data point (x, y) is drawn."""
    vb = widget.plot.getViewBox()
    return widget.plot.mapFromScene(vb.mapViewToScene(QtCore.QPointF(x, y)))


def mark_centre(widget: TimelineWidget, index: int) -> QtCore.QPoint:
    vb = widget.plot.getViewBox()
    px, py = vb.viewPixelSize()
    rect = widget.items.mark_rect(index, px, py)
    return to_viewport(widget, rect.center().x(), rect.center().y())


def wheel(widget: TimelineWidget, pos: QtCore.QPoint, steps: int) -> None:
    vp = widget.plot.viewport()
    event = QtGui.QWheelEvent(
        QtCore.QPointF(pos),
        QtCore.QPointF(vp.mapToGlobal(pos)),
        QtCore.QPoint(0, 0),
        QtCore.QPoint(0, 120 * steps),
        QtCore.Qt.MouseButton.NoButton,
        QtCore.Qt.KeyboardModifier.NoModifier,
        QtCore.Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QtWidgets.QApplication.sendEvent(vp, event)


def _send(vp, kind, pos, button, buttons) -> None:
    p = QtCore.QPointF(pos)
    event = QtGui.QMouseEvent(
        kind, p, QtCore.QPointF(vp.mapToGlobal(pos)), button, buttons, QtCore.Qt.KeyboardModifier.NoModifier
    )
    QtWidgets.QApplication.sendEvent(vp, event)


def double_click(widget: TimelineWidget, pos: QtCore.QPoint) -> None:
    """Press, release, double-click, release: the sequence a real double click delivers."""
    vp = widget.plot.viewport()
    left, none = QtCore.Qt.MouseButton.LeftButton, QtCore.Qt.MouseButton.NoButton
    for kind in ("MouseButtonPress", "MouseButtonRelease", "MouseButtonDblClick", "MouseButtonRelease"):
        _send(vp, getattr(QtCore.QEvent.Type, kind), pos, left, none if kind.endswith("Release") else left)


def drag(widget: TimelineWidget, start: QtCore.QPoint, end: QtCore.QPoint, steps: int = 8) -> None:
    vp = widget.plot.viewport()
    left = QtCore.Qt.MouseButton.LeftButton
    _send(vp, QtCore.QEvent.Type.MouseButtonPress, start, left, left)
    for k in range(1, steps + 1):
        pos = start + (end - start) * (k / steps)
        _send(vp, QtCore.QEvent.Type.MouseMove, pos, QtCore.Qt.MouseButton.NoButton, left)
    _send(vp, QtCore.QEvent.Type.MouseButtonRelease, end, left, QtCore.Qt.MouseButton.NoButton)


def key(qtbot, widget: TimelineWidget, k: QtCore.Qt.Key, modifier=QtCore.Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(widget, k, modifier)


def click_event(qtbot, win, event_id: str) -> None:
    """Zoom the main window's timeline onto an event and click its drawn mark."""
    timeline = win.timeline
    lay = timeline.layout_data
    i = lay.ids.index(event_id)
    vb = timeline.plot.getViewBox()
    x = (lay.x0[i] + lay.x1[i]) / 2
    vb.setXRange(x - 0.5, x + 0.5, padding=0)
    qtbot.wait(10)
    qtbot.mouseClick(timeline.plot.viewport(), QtCore.Qt.MouseButton.LeftButton, pos=mark_centre(timeline, i))


@contextlib.contextmanager
def shown_window(qtbot, store_path) -> Iterator[MainWindow]:
    """The main window on the store at ``store_path``, at laptop size and shown; closed with its services after."""
    services = Services.open(store_path)
    win = MainWindow(services)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    try:
        yield win
    finally:
        win.close()
        services.close()

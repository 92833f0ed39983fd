"""Real touch sequences for the Qt tests: fingers pressed, moved in steps and lifted, through QTest."""

from __future__ import annotations

from PySide6 import QtCore, QtTest, QtWidgets

_DEVICE = None


def device():
    global _DEVICE
    if _DEVICE is None:
        _DEVICE = QtTest.QTest.createTouchDevice()
    return _DEVICE


def fingers(widget: QtWidgets.QWidget, paths: list[list[QtCore.QPoint]], step_ms: int = 16) -> None:
    """Each path is one finger's points in ``widget`` coordinates: pressed at the first, lifted at the last.

    The sequence goes to the top-level window, as a touch screen's does, so Qt finds the
    widget under the fingers itself.
    """
    win = widget.window()
    handle = win.windowHandle()

    def at(p: QtCore.QPoint) -> QtCore.QPoint:
        return widget.mapTo(win, p)

    seq = QtTest.QTest.touchEvent(handle, device())
    for i, path in enumerate(paths):
        seq.press(i, at(path[0]))
    seq.commit()
    for step in range(1, max(len(p) for p in paths) - 1):
        QtTest.QTest.qWait(step_ms)
        seq = QtTest.QTest.touchEvent(handle, device())
        for i, path in enumerate(paths):
            seq.move(i, at(path[min(step, len(path) - 1)]))
        seq.commit()
    QtTest.QTest.qWait(step_ms)
    seq = QtTest.QTest.touchEvent(handle, device())
    for i, path in enumerate(paths):
        seq.release(i, at(path[-1]))
    seq.commit()


def line(a: QtCore.QPoint, b: QtCore.QPoint, steps: int = 10) -> list[QtCore.QPoint]:
    return [
        QtCore.QPoint(round(a.x() + (b.x() - a.x()) * t / steps), round(a.y() + (b.y() - a.y()) * t / steps))
        for t in range(steps + 1)
    ]


def tap(widget: QtWidgets.QWidget, p: QtCore.QPoint) -> None:
    fingers(widget, [[p, p]])

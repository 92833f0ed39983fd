"""Regression guard: PySide6 6.12.0 on CPython 3.11 loses a reference to None per void call."""

import sys

from PySide6 import QtCore, QtWidgets


def test_a_thousand_void_qt_calls_keep_none_refcount(qtbot):
    item = QtWidgets.QGraphicsRectItem(0, 0, 10, 10)
    rect = QtCore.QRectF(0, 0, 1, 1)
    before = sys.getrefcount(None)
    for i in range(1000):
        item.setPos(i, i)
        rect.translate(1.0, 0.0)
    after = sys.getrefcount(None)
    assert abs(after - before) < 50, f"None refcount moved by {after - before} over 1000 void Qt calls"

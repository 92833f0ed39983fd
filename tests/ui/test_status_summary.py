"""The status bar's summary ("210 events from 5 sources") survives the menus' status tips.

Found on Xvfb: hovering the View menu (its entries carry status tips) erased the summary for good.
"""

from PySide6 import QtCore, QtGui, QtWidgets


def _shown_texts(window):
    bar = window.statusBar()
    return [label.text() for label in bar.findChildren(QtWidgets.QLabel) if label.isVisible()] + [bar.currentMessage()]


def test_the_summary_comes_back_after_a_status_tip(qtbot, window):
    summary = window.services.summary()
    assert any(summary in text for text in _shown_texts(window))
    for tip in ("Show or hide the Tours panel", ""):  # a hovered menu entry, then the pointer leaves it
        QtCore.QCoreApplication.sendEvent(window, QtGui.QStatusTipEvent(tip))
    qtbot.waitUntil(lambda: any(summary in text for text in _shown_texts(window)), timeout=2000)

"""The tabs of tabbed docks keep their labels whole: where the labels do not fit, the tab bar scrolls.

Qt's main window makes the tab bar under tabbed docks (People, Tours, Events in view, Notes)
itself, eliding the labels to fit the dock; at a 150% text size in a dock about 300 px wide
they read "P…", "T…", "Event…", "N…", four tabs nobody can tell apart. Here every such tab
bar shows each label whole and, when they do not all fit, scroll arrows at its end. The main
window makes those bars when docks are first tabbed and again when a saved layout is
restored, so a filter on the window sets each one up as it is polished (before it first
shows), after Qt has set its own elision.
"""

from __future__ import annotations

from PySide6 import QtCore, QtWidgets


def keep_whole(bar: QtWidgets.QTabBar) -> None:
    """Labels whole, scroll arrows where they do not fit."""
    bar.setElideMode(QtCore.Qt.TextElideMode.ElideNone)
    bar.setUsesScrollButtons(True)


class _DockTabBars(QtCore.QObject):
    """Sets up each tab bar the main window gets as a child: the dock tab bars, and only they, are its children."""

    def eventFilter(self, obj: QtCore.QObject, event: QtCore.QEvent) -> bool:
        if event.type() == QtCore.QEvent.Type.ChildPolished and isinstance(event, QtCore.QChildEvent):
            child = event.child()
            if isinstance(child, QtWidgets.QTabBar):
                keep_whole(child)
        return False


def attach(window: QtWidgets.QMainWindow) -> None:
    """Keep the labels of ``window``'s dock tabs whole, for the bars it has and those it makes later."""
    for bar in window.findChildren(QtWidgets.QTabBar, options=QtCore.Qt.FindChildOption.FindDirectChildrenOnly):
        keep_whole(bar)
    window.installEventFilter(_DockTabBars(window))  # the window owns the filter

"""The window's layout remembered across starts: its size and place, the docks, the splitter.

Qt already serialises all of it (``saveGeometry``, ``QMainWindow.saveState`` for docks and
toolbars, ``QSplitter.saveState``); this module only decides where it lives and when: a
``QSettings`` INI file in the user's config folder (``~/.config/maisky-timeline/layout.ini``
on Linux, the platform's equivalent elsewhere), read when the window opens and written when
it closes. An unreadable or foreign value is ignored (Qt's restore functions refuse it), so
a damaged file costs the layout, never the start.
"""

from __future__ import annotations

from PySide6 import QtCore, QtWidgets

LAPTOP = QtCore.QSize(1366, 768)  # the smallest screen the window is designed for
FIRST_SHARE = 0.9  # of a larger screen, on a first start: room to see the timeline, edges left free
STATE_VERSION = 1  # raise when the docks or toolbars change so an old layout is not forced onto new ones


def user_settings() -> QtCore.QSettings:
    """The layout file in the user's config folder."""
    return QtCore.QSettings(
        QtCore.QSettings.Format.IniFormat, QtCore.QSettings.Scope.UserScope, "maisky-timeline", "layout"
    )


def first_geometry(available: QtCore.QRect) -> QtCore.QRect:
    """The window's place on a first start, centred on the screen's free area.

    A laptop-sized window in the corner of a 1920x1080 screen left 40% of it empty; the whole
    screen on a large monitor makes lines of passage text too long to read. So: most of the
    screen, never less than a laptop screen's worth unless the screen itself is smaller.
    """
    width = min(available.width(), max(LAPTOP.width(), round(available.width() * FIRST_SHARE)))
    height = min(available.height(), max(LAPTOP.height(), round(available.height() * FIRST_SHARE)))
    rect = QtCore.QRect(0, 0, width, height)
    rect.moveCenter(available.center())
    return rect


def fills(available: QtCore.QRect, rect: QtCore.QRect) -> bool:
    """True when the first window takes the whole width or height of the screen's free area.

    Such a window is shown maximised: sized to the free area itself, its window-manager frame did
    not fit, and the title bar (with its close button) sat above the top edge of a laptop screen.
    """
    return rect.width() >= available.width() or rect.height() >= available.height()


def restore(window: QtWidgets.QMainWindow, splitter: QtWidgets.QSplitter, settings: QtCore.QSettings) -> bool:
    """Put back what ``save`` stored; False when there was nothing (the defaults stay)."""
    found = False
    geometry, state, split = (settings.value(k) for k in ("geometry", "state", "splitter"))
    if isinstance(geometry, QtCore.QByteArray):
        found = window.restoreGeometry(geometry) or found
    if isinstance(state, QtCore.QByteArray):
        found = window.restoreState(state, STATE_VERSION) or found
    if isinstance(split, QtCore.QByteArray):
        found = splitter.restoreState(split) or found
    return found


def save(window: QtWidgets.QMainWindow, splitter: QtWidgets.QSplitter, settings: QtCore.QSettings) -> None:
    """Write the window's geometry, docks and splitter sizes now."""
    settings.setValue("geometry", window.saveGeometry())
    settings.setValue("state", window.saveState(STATE_VERSION))
    settings.setValue("splitter", splitter.saveState())
    settings.sync()

"""Qt start-up: the application object, the main window, and fatal-error dialogs."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6 import QtWidgets

from maisky_desktop.store.reader import Store


def _has_display() -> bool:
    """Whether a dialog can be shown at all (Linux without X or Wayland cannot)."""
    if os.environ.get("QT_QPA_PLATFORM", "").startswith(("offscreen", "minimal")):
        return False
    if sys.platform.startswith("linux"):
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True


def show_fatal(message: str) -> None:
    """A modal error dialog, when there is a screen to show it on."""
    if not _has_display():
        return
    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication([sys.argv[0]])
    QtWidgets.QMessageBox.critical(None, "Maisky Timeline", message)
    del app


def run(
    store_path: Path,
    argv: list[str],
    event: str | None = None,
    search: str | None = None,
    tour: str | None = None,
) -> int:
    """Open the main window; ``event`` starts focused on it, ``search`` with that search, ``tour`` plays it."""
    from maisky_desktop.ui.about import APP_ID, app_icon
    from maisky_desktop.ui.main_window import MainWindow

    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication(argv)
    app.setApplicationName("Maisky Timeline")
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(app_icon())
    window = MainWindow(Store.open(store_path))
    window.resize(1366, 768)
    window.show()
    if event and not window.focus_event(event):
        print(f"maisky-desktop: no event {event!r} in the store", file=sys.stderr)
    if search:
        window.start_search(search)
    if tour and not window.tours.start(tour):
        known = ", ".join(window.tours.tours)
        print(f"maisky-desktop: no tour {tour!r} in the store (tours: {known})", file=sys.stderr)
    return app.exec()

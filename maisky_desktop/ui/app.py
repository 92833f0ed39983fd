"""Qt start-up: the application object, the main window, and fatal-error dialogs."""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path

from PySide6 import QtCore, QtWidgets

from maisky_desktop.store.reader import Store, check_store, needs_background_check


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


def _check_in_background(window: QtWidgets.QMainWindow, path: Path) -> None:
    """The whole-file integrity check of a big store, after the first frame: a failure is told at once."""
    outcome: list[str | None] = []
    worker = threading.Thread(target=lambda: outcome.append(check_store(path)), name="store-check", daemon=True)
    poll = QtCore.QTimer(window, interval=250)

    def done() -> None:
        if not outcome:
            return
        poll.stop()
        if outcome[0] is not None:
            print(f"maisky-desktop: {outcome[0]}", file=sys.stderr)
            window.statusBar().showMessage(outcome[0])
            if _has_display():
                QtWidgets.QMessageBox.warning(
                    window, "Maisky Timeline", outcome[0] + "\nRebuild or copy the store again."
                )

    poll.timeout.connect(done)
    worker.start()
    poll.start()


def run(
    store_path: Path,
    argv: list[str],
    event: str | None = None,
    search: str | None = None,
    tour: str | None = None,
    user_data: Path | None = None,
    keep_backups: int = 7,
) -> int:
    """Open the main window; ``event`` starts focused on it, ``search`` with that search, ``tour`` plays it.
    The last session comes back from ``user_data`` (with the notes), then the options apply."""
    from maisky_desktop.ui.main_window import MainWindow

    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication(argv)
    app.setApplicationName("Maisky Timeline")
    window = MainWindow(Store.open(store_path))
    window.resize(1366, 768)
    window.show()
    if needs_background_check(store_path):
        _check_in_background(window, store_path)
    from maisky_desktop.ui.notes.research import attach as attach_research

    window.research = attach_research(window, user_data, keep_backups)
    if event and not window.focus_event(event):
        print(f"maisky-desktop: no event {event!r} in the store", file=sys.stderr)
    if search:
        window.start_search(search)
    if tour and not window.tours.start(tour):
        known = ", ".join(window.tours.tours)
        print(f"maisky-desktop: no tour {tour!r} in the store (tours: {known})", file=sys.stderr)
    return app.exec()

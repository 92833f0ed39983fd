"""Qt start-up: the application object, the main window, and fatal-error dialogs."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import QtWidgets

if TYPE_CHECKING:  # the type only: cli opens the store once and hands its services over
    from maisky_desktop.store.services import Services


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
    services: Services,
    argv: list[str],
    event: str | None = None,
    search: str | None = None,
    tour: str | None = None,
    user_data: Path | None = None,
    keep_backups: int = 7,
) -> int:
    """Open the main window on the services of a store opened and checked once (``cli.cmd_gui``);
    ``event`` starts focused on it, ``search`` with that search, ``tour`` plays it.
    The last session comes back from ``user_data`` (with the notes), then the options apply."""
    from maisky_desktop.ui.main_window import MainWindow

    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication(argv)
    app.setApplicationName("Maisky Timeline")
    window = MainWindow(services)
    window.resize(1366, 768)
    window.show()
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

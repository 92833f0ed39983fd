"""Qt start-up: the application object, the main window, and fatal-error dialogs."""

from __future__ import annotations

import os
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

from PySide6 import QtCore, QtGui, QtWidgets

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


@dataclass(frozen=True)
class Look:
    """How the UI looks and behaves: the font-size setting, the theme, kiosk mode."""

    font_scale: float = 1.0
    high_contrast: bool = False
    kiosk: bool = False
    kiosk_config: Path | None = None


def _kiosk_settings(look: Look):
    from maisky_desktop.core import kiosk_settings

    settings, problems = kiosk_settings.load(look.kiosk_config)
    for problem in problems:
        print(f"maisky-desktop: {problem}", file=sys.stderr)
    return settings


def _apply_look(app: QtWidgets.QApplication, look: Look, kiosk) -> None:
    from maisky_desktop.ui import theme

    if kiosk is None:
        theme.apply(app, look.font_scale, look.high_contrast)
        return
    from maisky_desktop.ui.kiosk import kiosk_sheet, touch_target_px

    screens = QtGui.QGuiApplication.screens()
    screen = screens[kiosk.screen] if kiosk.screen < len(screens) else QtGui.QGuiApplication.primaryScreen()
    target = touch_target_px(screen, kiosk.touch_target_mm)
    theme.apply(app, kiosk.type_scale * look.font_scale, kiosk.high_contrast or look.high_contrast, kiosk_sheet(target))


def run(
    store_path: Path,
    argv: list[str],
    event: str | None = None,
    search: str | None = None,
    tour: str | None = None,
    user_data: Path | None = None,
    keep_backups: int = 7,
    look: Look | None = None,
) -> int:
    """Open the main window; ``event`` starts focused on it, ``search`` with that search, ``tour`` plays it.
    The last session comes back from ``user_data`` (with the notes), then the options apply.
    ``look``: type size, high contrast, and kiosk mode with its settings file (a kiosk keeps
    no notes and restores no session: every visitor starts at the opening state)."""
    from maisky_desktop.ui.about import APP_ID, app_icon
    from maisky_desktop.ui.main_window import MainWindow

    look = look or Look()
    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication(argv)
    app.setApplicationName("Maisky Timeline")
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(app_icon())
    kiosk_settings = _kiosk_settings(look) if look.kiosk else None
    _apply_look(app, look, kiosk_settings)
    window = MainWindow(Store.open(store_path))
    if kiosk_settings is not None:
        from maisky_desktop.ui.kiosk import Kiosk

        Kiosk(window, kiosk_settings, app).start()
        return app.exec()
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

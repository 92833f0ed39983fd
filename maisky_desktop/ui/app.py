"""Qt start-up and every way out: the window, signals, unexpected errors, a replaced store.

Whatever ends the app (the window closed, Quit, Ctrl+C or SIGTERM, an exception while
starting), ``run`` leaves through one ``finally`` that stops the search thread, closes
every store connection and the log file, and restores the signal handlers; so the
process never ends in Qt's "QThread: Destroyed while thread is still running" abort.
"""

from __future__ import annotations

import contextlib
import signal
import socket
import sys
import threading
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import QtCore, QtGui, QtWidgets

from maisky_desktop import collector, logs
from maisky_desktop.core.record import record
from maisky_desktop.store.faults import damage_message
from maisky_desktop.store.reader import Store, StoreError, needs_background_check
from maisky_desktop.store.services import Services
from maisky_desktop.ui import window_state
from maisky_desktop.ui.about import APP_ID, app_icon
from maisky_desktop.ui.errors import ErrorReporter, has_display

if TYPE_CHECKING:  # imported when the first window is made (start-up time)
    from maisky_desktop.ui.main_window import MainWindow

STORE_POLL_MS = 2000  # how often the store file is checked for a replacement


def _has_display() -> bool:
    return has_display()


def show_fatal(message: str) -> None:
    """A modal error dialog, when there is a screen to show it on."""
    if not _has_display():
        return
    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication([sys.argv[0]])
    QtWidgets.QMessageBox.critical(None, "Maisky Timeline", message)
    del app


def _check_in_background(window: QtWidgets.QMainWindow, store: Store) -> None:
    """The whole-file integrity check of a big store (the file it opened), after the first frame: a failure
    is told at once."""
    outcome: list[str | None] = []
    worker = threading.Thread(target=lambda: outcome.append(store.check_whole()), name="store-check", daemon=True)
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


@record
class Look:
    """How the UI looks and behaves: the font-size setting, the theme, kiosk mode.

    ``font_scale`` and ``high_contrast`` are None when the command line did not set them: the
    saved preferences then decide (``start_look``).
    """

    font_scale: float | None = None
    high_contrast: bool | None = None
    kiosk: bool = False
    kiosk_config: Path | None = None


def start_look(look: Look, settings: QtCore.QSettings | None = None) -> Look:
    """The look to start with: the command line's values over the saved preferences over the defaults.

    A kiosk reads no saved preferences (``ui.preferences``): its look is kiosk.toml's and the
    command line's. ``settings``: the preferences file (the user's by default).
    """
    from maisky_desktop.ui import preferences

    if look.kiosk:
        saved = preferences.Prefs()
    else:
        saved = preferences.load(settings if settings is not None else preferences.user_settings())
    chosen = preferences.resolve(look.font_scale, look.high_contrast, saved)
    return replace(look, font_scale=chosen.font_scale, high_contrast=chosen.high_contrast)


def _overridden(look: Look) -> tuple[str, ...]:
    """The command-line options that set the look, as typed, for the Preferences dialog's note."""
    said = []
    if look.font_scale is not None:
        said.append(f"--font-scale {look.font_scale:g}")
    if look.high_contrast is not None:
        said.append("--high-contrast" if look.high_contrast else "--no-high-contrast")
    return tuple(said)


def _kiosk_settings(look: Look):
    from maisky_desktop.core import kiosk_settings

    settings, problems = kiosk_settings.load(look.kiosk_config)
    for problem in problems:
        print(f"maisky-desktop: {problem}", file=sys.stderr)
    return settings


def _apply_look(app: QtWidgets.QApplication, look: Look, kiosk) -> None:
    from maisky_desktop.ui import theme

    scale, contrast = look.font_scale or 1.0, bool(look.high_contrast)  # resolved by start_look
    if kiosk is None:
        theme.apply(app, scale, contrast)
        return
    from maisky_desktop.ui.kiosk import kiosk_sheet, touch_target_px

    screens = QtGui.QGuiApplication.screens()
    screen = screens[kiosk.screen] if kiosk.screen < len(screens) else QtGui.QGuiApplication.primaryScreen()
    target = touch_target_px(screen, kiosk.touch_target_mm)
    theme.apply(app, kiosk.type_scale * scale, kiosk.high_contrast or contrast, kiosk_sheet(target))


class SignalQuit(QtCore.QObject):
    """SIGINT (Ctrl+C) and SIGTERM end the event loop cleanly, with exit code 128 + signal.

    Qt's loop runs in C++, where Python cannot run a signal handler; the wake-up socket
    (``signal.set_wakeup_fd``) turns the signal into a readable socket that Qt watches, and
    the Python handler runs as soon as its notifier fires.
    """

    SIGNALS = (signal.SIGINT, signal.SIGTERM)

    def __init__(self, app: QtCore.QCoreApplication, end: Callable[[int], None] | None = None) -> None:
        super().__init__(app)
        self._end = end or app.exit  # what ends the loop: the application's, or a local loop's exit
        self.received: int | None = None
        self._read, self._write = socket.socketpair()
        self._read.setblocking(False)
        self._write.setblocking(False)
        self._old_fd = signal.set_wakeup_fd(self._write.fileno())
        self._old = {s: signal.signal(s, self._handle) for s in self.SIGNALS}
        self._notifier = QtCore.QSocketNotifier(self._read.fileno(), QtCore.QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._drain)

    def _handle(self, signum: int, _frame: object) -> None:
        self.received = signum
        logs.logger.info("received signal %d, quitting", signum)
        self._end(128 + signum)

    def replay(self) -> None:
        """End the loop for a signal that came before it ran (``exit`` does nothing then)."""
        if self.received is not None:
            self._end(128 + self.received)

    def _drain(self) -> None:
        with contextlib.suppress(OSError):
            self._read.recv(512)

    def restore(self) -> None:
        self._notifier.setEnabled(False)
        for signum, handler in self._old.items():
            signal.signal(signum, handler)
        signal.set_wakeup_fd(self._old_fd)
        self._read.close()
        self._write.close()


class Shell(QtCore.QObject):
    """Holds the window and its store; notices when the store file is replaced and offers a reload."""

    def __init__(
        self,
        store_path: Path,
        reporter: ErrorReporter,
        dress: Callable[[MainWindow, QtCore.QRect | None], None],
        parent: QtCore.QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.dress = dress  # sizes and shows a new window (kiosk, notes): again after a reload
        self.path = store_path
        self.reporter = reporter
        self.store: Store | None = None
        self.window: MainWindow | None = None
        self.offer: QtWidgets.QMessageBox | None = None
        self._offered: tuple[int, int, int, int] | None = None
        self._poll = QtCore.QTimer(self, interval=STORE_POLL_MS)
        self._poll.timeout.connect(self.check_store)

    def open(
        self, event: str | None = None, search: str | None = None, tour: str | None = None, store: Store | None = None
    ) -> None:
        """Show the window on ``store`` (already opened and checked by the caller) or on the path's store."""
        self._show(store or Store.open(self.path))
        window = self.window
        assert window is not None
        logs.logger.info("window open on %s", self.path)
        if event and not window.focus_event(event):
            print(f"maisky-desktop: no event {event!r} in the store", file=sys.stderr)
        if search:
            window.start_search(search)
        if tour and not window.tours.start(tour):
            known = ", ".join(window.tours.tours)
            print(f"maisky-desktop: no tour {tour!r} in the store (tours: {known})", file=sys.stderr)
        self._poll.start()

    def _show(self, store: Store) -> None:
        from maisky_desktop.ui.main_window import MainWindow

        old_window, old_store = self.window, self.store
        try:
            window = MainWindow(Services(store))  # the window reads through services, never the Store
        except BaseException:
            store.close()
            raise
        window.runner.failed.connect(self.reporter.store_failed)
        window.runner.crashed.connect(lambda exc: self.reporter.handle(type(exc), exc, exc.__traceback__))
        geometry = None
        if self.offer is not None:  # a child of the old window
            self.offer.close()
            self.offer = None
        if old_window is not None:
            geometry = old_window.geometry()
            old_window.close()  # stops its search thread; its notes save their session and close
            old_window.deleteLater()
        self.window, self.store = window, store
        self.dress(window, geometry)
        if old_store is not None:
            old_store.close()

    def check_store(self) -> bool:
        """If the store file was replaced (a new build, a copy), offer once to reload it."""
        from maisky_desktop.store.reader import identity

        if self.store is None or not self.store.replaced():
            return False
        now = identity(self.path)
        if now is None or now == self._offered:
            return False
        self._offered = now
        logs.logger.info("store %s was replaced on disk", self.path)
        box = QtWidgets.QMessageBox(
            QtWidgets.QMessageBox.Icon.Question,
            "Maisky Timeline",
            "The store file was replaced (a new build or a copy).",
            QtWidgets.QMessageBox.StandardButton.Yes | QtWidgets.QMessageBox.StandardButton.No,
            self.window,
        )
        box.setInformativeText("Reload it now? Until then the app goes on with the store it opened.")
        box.finished.connect(
            lambda result: self.reload() if result == QtWidgets.QMessageBox.StandardButton.Yes else None
        )
        self.offer = box
        box.open()
        return True

    def reload(self) -> bool:
        """Open the store at the path again; if it is refused, say so and keep the one in use."""
        try:
            store = Store.open(self.path)
        except StoreError as exc:
            self.reporter.store_failed(f"{exc}; the app goes on with the store it opened")
            return False
        self._show(store)
        self._offered = None
        return True

    def close(self) -> None:
        """Stop the window's thread and close its store (idempotent)."""
        self._poll.stop()
        if self.offer is not None:
            self.offer.close()
            self.offer = None
        if self.window is not None:
            self.window.close()  # closeEvent stops the search thread
            self.window.deleteLater()
            self.window = None
        if self.store is not None:
            self.store.close()
            self.store = None


def _dresser(
    app: QtWidgets.QApplication,
    kiosk_settings,
    user_data: Path | None,
    keep_backups: int,
    overridden: tuple[str, ...] = (),
) -> Callable[[MainWindow, QtCore.QRect | None], None]:
    """How each window is set up: as a kiosk, or sized and shown with the user's notes attached."""

    def dress(window, geometry: QtCore.QRect | None) -> None:
        # The collector resumes after the first frame; the notes layer's follow-up, registered later,
        # runs first (the last event filter installed sees the paint first), so its objects are frozen too.
        after_first_frame(window.timeline.plot.viewport(), collector.settle)
        if kiosk_settings is not None:
            from maisky_desktop.ui.kiosk import Kiosk

            Kiosk(window, kiosk_settings, app).start()
            return
        if geometry is not None:
            window.setGeometry(geometry)
            window.remember_layout(window_state.user_settings())  # docks and splitter as last closed
            window.setGeometry(geometry)  # a reload keeps the window where it is
        elif not window.remember_layout(window_state.user_settings()):
            free = window.screen().availableGeometry()
            window.setGeometry(window_state.first_geometry(free))
            if window_state.fills(free, window.geometry()):  # a laptop screen: the frame fits only maximised
                window.setWindowState(window.windowState() | QtCore.Qt.WindowState.WindowMaximized)
        from maisky_desktop import paths
        from maisky_desktop.ui.notes import session_file

        folder = user_data or paths.user_data_folder()
        session_file.restore(window, folder)  # the first frame is the view as it was left
        window.show()
        if needs_background_check(window.services.path):
            _check_in_background(window, window.services.store)
        from maisky_desktop.ui.preferences import attach as attach_preferences

        attach_preferences(window, overridden=overridden)  # a signal connected: nothing to defer
        after_first_frame(window.timeline.plot.viewport(), lambda: _attach_research(window, folder, keep_backups))

    return dress


def after_first_frame(widget: QtWidgets.QWidget, then: Callable[[], None]) -> None:
    """Run ``then`` once ``widget`` has painted its first frame (in the next turn of the event loop)."""

    class Once(QtCore.QObject):
        def eventFilter(self, obj: QtCore.QObject, event: QtCore.QEvent) -> bool:
            if event.type() == QtCore.QEvent.Type.Paint:
                widget.removeEventFilter(self)
                QtCore.QTimer.singleShot(0, then)
                self.deleteLater()
            return False

    widget.installEventFilter(Once(widget))


def _attach_research(window, folder: Path, keep_backups: int) -> None:
    """The researcher's layer (notes, own events and documents, exports), after the first frame: it
    opens and checks the user database and imports sqlite-utils and its panels, none of which that
    frame shows. The session was restored before; an own event selected in it is shown once it exists."""
    if not window.isVisible():  # closed (a reload, a quit) before its first frame was followed up
        return
    from maisky_desktop.core.own_events import OWN_ID_PREFIX
    from maisky_desktop.ui.notes.research import attach as attach_research

    window.research = research = attach_research(window, folder, keep_backups, restore=False)
    selected = window.session.selection.event
    if selected is not None and selected.startswith(OWN_ID_PREFIX):
        window.timeline.mark_selected(selected)
        research.show_own_event(selected)


def run(
    store_path: Path,
    argv: list[str],
    event: str | None = None,
    search: str | None = None,
    tour: str | None = None,
    user_data: Path | None = None,
    keep_backups: int = 7,
    look: Look | None = None,
    store: Store | None = None,
) -> int:
    """Open the main window; ``event`` starts focused on it, ``search`` with that search, ``tour`` plays it.
    ``store``: the store at ``store_path`` as the command line opened and checked it (once per start).

    The last session comes back from ``user_data`` (with the notes), then the options apply.
    ``look``: type size, high contrast, and kiosk mode with its settings file (a kiosk keeps
    no notes and restores no session: every visitor starts at the opening state).
    Returns the exit code: 0 when the window was closed, 128 + signal number after SIGINT or
    SIGTERM, 2 for a store refused or found damaged while starting, 1 after any other error
    while starting (each told in one line, and in a dialog when there is a screen).
    """
    look = look or Look()
    found = QtWidgets.QApplication.instance()
    app = found if isinstance(found, QtWidgets.QApplication) else QtWidgets.QApplication(argv)
    app.setApplicationName("Maisky Timeline")
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(app_icon())
    reporter = ErrorReporter(store_path, logs.start(), app)
    reporter.install()
    signals = SignalQuit(app)
    shell: Shell | None = None
    try:
        kiosk_settings = _kiosk_settings(look) if look.kiosk else None
        _apply_look(app, start_look(look), kiosk_settings)
        dresser = _dresser(app, kiosk_settings, user_data, keep_backups, _overridden(look))
        shell = Shell(store_path, reporter, dresser, app)
        if kiosk_settings is not None:
            event = search = tour = None  # a kiosk starts at its opening state
        shell.open(event, search, tour, store)
        QtCore.QTimer.singleShot(0, signals.replay)  # a Ctrl+C while the window was being built
        code = app.exec()
    except StoreError as exc:
        print(f"maisky-desktop: {exc}", file=sys.stderr)
        show_fatal(str(exc))
        code = 2
    except Exception as exc:
        logs.logger.error(logs.report(type(exc), exc, exc.__traceback__))
        damage = damage_message(store_path, exc)
        if damage is not None:  # a store that opened but fails when read: refused like a bad store
            message, code, where = damage, 2, ""
        else:
            message, code = f"could not start: {type(exc).__name__}: {exc}", 1
            where = f" (report in {reporter.log_path})" if reporter.log_path else ""
        print(f"maisky-desktop: {message}{where}", file=sys.stderr)
        show_fatal(message)
    finally:
        collector.settle()  # a start that failed before its first frame
        if shell is not None:
            shell.close()
            shell.deleteLater()
        signals.restore()
        reporter.uninstall()
        logs.stop()
        signals.deleteLater()
        reporter.deleteLater()
    return code
